// Shared test fixtures for the store tests. No tests here (node --test on dist/test/ loads it and finds none).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { openStore, type OpenOptions, type QuizQuestion, type Store, type VoteInput } from '../../src/store/index.js';

/** A fresh temp folder, removed when the test ends. */
export function tempDir(t: TestContext): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-store-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens a store, closed when the test ends (before its folder is removed if registered after it). */
export function openForTest(t: TestContext, file: string, opts: OpenOptions = {}): Store {
  const store = openStore(file, opts);
  t.after(() => store.close());
  return store;
}

/** A store in its own temp folder. */
export function freshStore(t: TestContext): { store: Store; file: string } {
  const file = path.join(tempDir(t), 'hoso.db');
  return { store: openForTest(t, file), file };
}

export const NEVER = Number.MAX_SAFE_INTEGER;

export function quizQuestion(overrides: Partial<QuizQuestion> & Pick<QuizQuestion, 'id'>): QuizQuestion {
  return {
    guildId: 'g1',
    channelId: 'c1',
    passageId: 'bai-1#3',
    articleId: 'bai-1',
    stem: 'Ai là tác giả?',
    options: ['An', 'Bình', 'Chi', 'Dũng'],
    correctIndex: 0,
    createdAt: 0,
    expiresAt: NEVER,
    dossierVersion: 'dv1',
    ...overrides,
  };
}

export function vote(overrides: Partial<VoteInput> = {}): VoteInput {
  return {
    guildId: 'g1',
    userId: 'u1',
    question: 'Ai là tác giả?',
    passageId: 'bai-1#3',
    articleId: 'bai-1',
    vote: -1,
    locale: 'vi',
    dossierVersion: 'dv1',
    ...overrides,
  };
}

/** Throws unless `fn` throws; returns what it threw, for further checks. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** Cross-checks the scores table against the answers table with plain SQL. */
export function assertScoresMatchAnswers(file: string, guildId: string, answersPerUser?: number): void {
  const db = new Database(file, { readonly: true });
  try {
    const fromAnswers = db
      .prepare(`SELECT a.user_id AS userId, count(*) AS answered, sum(a.correct) AS correct
                FROM quiz_answers a JOIN quiz_questions q ON q.id = a.question_id
                WHERE q.guild_id = ? GROUP BY a.user_id ORDER BY a.user_id`)
      .all(guildId) as { userId: string; answered: number; correct: number }[];
    const scores = db
      .prepare('SELECT user_id AS userId, answered, correct FROM scores WHERE guild_id = ? ORDER BY user_id')
      .all(guildId);
    assert.ok(fromAnswers.length > 0, 'no answers at all');
    assert.deepEqual(scores, fromAnswers);
    const points = db.prepare('SELECT count(*) FROM scores WHERE guild_id = ? AND points != correct').pluck().get(guildId);
    assert.equal(points, 0, 'points should equal correct answers');
    if (answersPerUser !== undefined) assert.ok(fromAnswers.every((row) => row.answered === answersPerUser));
  } finally {
    db.close();
  }
}
