import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, openStore, StoreError } from '../../src/store/index.js';
import { applyMigrations, MIGRATIONS, type Migration } from '../../src/store/migrations.js';
import { openForTest, quizQuestion, tempDir, thrown } from './helpers.js';

function rawDb(t: import('node:test').TestContext, file: string): Database.Database {
  const db = new Database(file);
  t.after(() => db.close());
  return db;
}

function objectNames(db: Database.Database): string[] {
  return db.prepare<[], string>("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
}

test('GIVEN no database file WHEN the store opens THEN every migration is applied and the file is in WAL mode', (t) => {
  const file = path.join(tempDir(t), 'nested', 'folder', 'hoso.db');
  const store = openStore(file);
  assert.equal(store.schemaVersion, LATEST_SCHEMA_VERSION);
  store.close();

  const db = rawDb(t, file);
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.deepEqual(objectNames(db), [
    'feedback',
    'feedback_by_passage',
    'pinned_summaries',
    'pinned_summaries_recent',
    'quiz_answers',
    'quiz_questions',
    'quiz_questions_open',
    'scores',
    'scores_leaderboard',
  ]);
});

test('GIVEN a v1 database with rows WHEN the current code opens it THEN the rows survive and v2 features work on them', (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  const v1 = new Database(file);
  applyMigrations(v1, MIGRATIONS.slice(0, 1));
  assert.equal(v1.pragma('user_version', { simple: true }), 1);
  // Rows written the way v1 code wrote them.
  v1.exec(`
    INSERT INTO feedback (guild_id, user_id, question, question_norm, passage_id, article_id, vote, locale, dossier_version, created_at)
      VALUES ('g1', 'u1', 'Ai là tác giả?', 'ai là tác giả', 'bai-1#3', 'bai-1', -1, 'vi', 'dv1', 100);
    INSERT INTO pinned_summaries (guild_id, channel_id, message_id, pinned_by, topic, article_id, dossier_version, summary, created_at)
      VALUES ('g1', 'c1', 'm1', 'u1', 'lũ lụt', NULL, 'dv1', 'Tóm tắt.', 200);
    INSERT INTO quiz_questions (id, guild_id, channel_id, passage_id, article_id, stem, options, correct_index, created_at, expires_at, dossier_version)
      VALUES ('old1', 'g1', 'c1', 'bai-1#3', 'bai-1', 'Ai?', '["An","Bình","Chi","Dũng"]', 1, 300, 400, 'dv1');
    INSERT INTO quiz_answers (question_id, user_id, chosen_index, correct, answered_at) VALUES ('old1', 'u1', 1, 1, 350);
    INSERT INTO scores (guild_id, user_id, points, answered, correct, points_reached_at) VALUES ('g1', 'u1', 1, 1, 1, 350);
  `);
  v1.close();

  const store = openForTest(t, file);
  assert.equal(store.schemaVersion, 2);
  assert.equal(store.feedback.worstRated()[0]?.questionNorm, 'ai là tác giả');
  assert.equal(store.summaries.recentPinnedSummaries('g1')[0]?.topic, 'lũ lụt');
  assert.deepEqual(store.quiz.getQuizQuestion('old1')?.options, ['An', 'Bình', 'Chi', 'Dũng']);
  assert.equal(store.quiz.getAnswer('old1', 'u1')?.correct, true);
  assert.deepEqual(store.scores.memberStats('g1', 'u1'), {
    userId: 'u1', points: 1, answered: 1, correct: 1, streak: 0, bestStreak: 0,
  });

  store.quiz.recordQuizQuestion(quizQuestion({ id: 'new1', createdAt: 500, expiresAt: 900 }));
  assert.equal(store.quiz.recordAnswer({ questionId: 'new1', userId: 'u1', chosenIndex: 0 }, 600).status, 'recorded');
  assert.deepEqual(store.scores.memberStats('g1', 'u1'), {
    userId: 'u1', points: 2, answered: 2, correct: 2, streak: 1, bestStreak: 1,
  });
});

test('GIVEN a migration that fails halfway WHEN migrations run THEN that migration leaves no trace and user_version stays put', (t) => {
  const db = rawDb(t, path.join(tempDir(t), 'hoso.db'));
  const broken: Migration = {
    version: 2,
    description: 'creates a table, then fails',
    sql: 'CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);',
  };
  assert.throws(() => applyMigrations(db, [MIGRATIONS[0]!, broken]), /no such table/);
  assert.equal(db.pragma('user_version', { simple: true }), 1);
  assert.ok(!objectNames(db).includes('half_done'));
});

test('GIVEN an up-to-date database WHEN it is opened again THEN no migration runs twice', (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  openStore(file).close();
  // A re-run of v1 would fail on "table feedback already exists".
  const store = openForTest(t, file);
  assert.equal(store.schemaVersion, LATEST_SCHEMA_VERSION);
});

test('GIVEN a database from a newer hoso (user_version > latest) WHEN it is opened THEN a StoreError says so and names the file', (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  openStore(file).close();
  const db = new Database(file);
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  db.close();

  const error = thrown(() => openStore(file));
  assert.ok(error instanceof StoreError, String(error));
  assert.equal(error.code, 'newer-than-code');
  assert.ok(error.message.includes(file), error.message);
  assert.match(error.message, new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 1}.*up to ${LATEST_SCHEMA_VERSION}`));
});

test('GIVEN a v1 database WHEN it is opened read-only THEN it is not migrated and the error says how to upgrade', (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  const v1 = new Database(file);
  applyMigrations(v1, MIGRATIONS.slice(0, 1));
  v1.close();

  const error = thrown(() => openStore(file, { readonly: true }));
  assert.ok(error instanceof StoreError, String(error));
  assert.equal(error.code, 'needs-migration');
  assert.ok(error.message.includes(file), error.message);
  const db = rawDb(t, file);
  assert.equal(db.pragma('user_version', { simple: true }), 1);
});
