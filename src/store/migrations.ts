// Schema migrations, applied in order; `PRAGMA user_version` records the last one applied.
// Append only: a released migration is never edited, a change is a new entry.

import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

// Times are epoch milliseconds (INTEGER) everywhere. STRICT tables reject values of the wrong type.
const V1_CORE_TABLES = `
CREATE TABLE feedback (
  id              INTEGER PRIMARY KEY,
  guild_id        TEXT,                 -- NULL: asked from the console
  user_id         TEXT NOT NULL,
  question        TEXT NOT NULL,        -- as typed (latest vote's wording)
  question_norm   TEXT NOT NULL,        -- the key: see normalizeQuestion
  passage_id      TEXT NOT NULL,
  article_id      TEXT NOT NULL,
  vote            INTEGER NOT NULL CHECK (vote IN (-1, 1)),
  locale          TEXT NOT NULL,
  dossier_version TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  UNIQUE (user_id, question_norm, passage_id)
) STRICT;
CREATE INDEX feedback_by_passage ON feedback (question_norm, passage_id);

CREATE TABLE pinned_summaries (
  id              INTEGER PRIMARY KEY,
  guild_id        TEXT NOT NULL,
  channel_id      TEXT NOT NULL,
  message_id      TEXT NOT NULL UNIQUE,
  pinned_by       TEXT NOT NULL,
  topic           TEXT,
  article_id      TEXT,
  dossier_version TEXT NOT NULL,
  summary         TEXT NOT NULL,
  created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX pinned_summaries_recent ON pinned_summaries (guild_id, created_at);

CREATE TABLE quiz_questions (
  id              TEXT PRIMARY KEY,     -- short random id, carried in button custom_ids
  guild_id        TEXT NOT NULL,
  channel_id      TEXT NOT NULL,
  passage_id      TEXT NOT NULL,
  article_id      TEXT NOT NULL,
  stem            TEXT NOT NULL,
  options         TEXT NOT NULL CHECK (json_valid(options)),  -- JSON array of strings
  correct_index   INTEGER NOT NULL CHECK (correct_index >= 0),
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  dossier_version TEXT NOT NULL,
  CHECK (expires_at >= created_at)
) STRICT;

CREATE TABLE quiz_answers (
  id           INTEGER PRIMARY KEY,
  question_id  TEXT NOT NULL REFERENCES quiz_questions (id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL,
  chosen_index INTEGER NOT NULL CHECK (chosen_index >= 0),
  correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answered_at  INTEGER NOT NULL,
  UNIQUE (question_id, user_id)         -- one answer per member per question
) STRICT;

CREATE TABLE scores (
  guild_id          TEXT NOT NULL,
  user_id           TEXT NOT NULL,
  points            INTEGER NOT NULL DEFAULT 0,
  answered          INTEGER NOT NULL DEFAULT 0,
  correct           INTEGER NOT NULL DEFAULT 0,
  points_reached_at INTEGER NOT NULL,   -- when points last changed: earlier wins a tie
  PRIMARY KEY (guild_id, user_id)
) STRICT;
CREATE INDEX scores_leaderboard ON scores (guild_id, points DESC, points_reached_at, user_id);
`;

// Streaks arrived after the first release. Existing members start at 0: their answer history
// predates streak tracking and recomputing it is not worth a data migration.
// The per-channel open-quiz bound runs on every /quiz, so it gets its own index.
const V2_STREAKS_AND_OPEN_QUIZ_INDEX = `
ALTER TABLE scores ADD COLUMN streak      INTEGER NOT NULL DEFAULT 0;
ALTER TABLE scores ADD COLUMN best_streak INTEGER NOT NULL DEFAULT 0;
CREATE INDEX quiz_questions_open ON quiz_questions (channel_id, expires_at);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'feedback, pinned summaries, quiz questions and answers, scores', sql: V1_CORE_TABLES },
  { version: 2, description: 'answer streaks; index for open quizzes per channel', sql: V2_STREAKS_AND_OPEN_QUIZ_INDEX },
];

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration newer than the database, each in its own IMMEDIATE transaction
 * (schema change and user_version bump commit together or not at all). The version is re-read
 * inside the transaction so two processes opening a fresh file at once do not both migrate.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    apply.immediate();
  }
}
