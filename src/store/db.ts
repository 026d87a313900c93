// Opens the SQLite file: pragmas, integrity check, migrations. The only module that calls better-sqlite3's constructor.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './errors.js';
import { applyMigrations, LATEST_SCHEMA_VERSION, schemaVersion } from './migrations.js';
import { createFeedbackStore, type FeedbackStore } from './feedback.js';
import { createSummaryStore, type SummaryStore } from './summaries.js';
import { createQuizStore, type QuizStore } from './quiz.js';
import { createScoreStore, type ScoreStore } from './scores.js';

export interface OpenOptions {
  /** Open without writing anything (reports, backups): no folder creation, no migration. */
  readonly readonly?: boolean;
}

export interface Store {
  /** The path as given to `openStore`. */
  readonly file: string;
  readonly schemaVersion: number;
  readonly feedback: FeedbackStore;
  readonly summaries: SummaryStore;
  readonly quiz: QuizStore;
  readonly scores: ScoreStore;
  /** Closes the connection; later calls do nothing. */
  close(): void;
}

const BUSY_TIMEOUT_MS = 5000;

export function openStore(file: string, opts: OpenOptions = {}): Store {
  const readonly = opts.readonly ?? false;
  if (readonly) requireExisting(file);
  else createParentFolder(file);
  const db = connect(file, readonly);
  try {
    configure(db, readonly);
    checkIntegrity(db, file);
    migrate(db, file, readonly);
    return bundle(db, file);
  } catch (error) {
    db.close();
    throw toStoreError(error, file);
  }
}

function createParentFolder(file: string): void {
  const folder = path.dirname(file);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StoreError(
      'unwritable',
      file,
      `hoso: cannot open the database at ${file}: cannot create the folder ${folder} (${describe(error)}). ` +
        'Point the database path at a writable folder.',
      { cause: error },
    );
  }
}

function requireExisting(file: string): void {
  if (fs.existsSync(file)) return;
  throw new StoreError(
    'missing',
    file,
    `hoso: cannot open the database at ${file} read-only: the file does not exist. Check the path, or start the bot once to create it.`,
  );
}

function connect(file: string, readonly: boolean): Database.Database {
  try {
    return new Database(file, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw toStoreError(error, file);
  }
}

function configure(db: Database.Database, readonly: boolean): void {
  // Set first: the pragmas below may need a lock another process holds.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  if (readonly) return; // journal_mode is stored in the file; a reader cannot (and need not) set it
  enableWal(db);
  // NORMAL in WAL mode: a commit is in the WAL (in the OS page cache) before it returns, so a
  // crash or kill -9 of hoso loses nothing committed. Only a power cut / kernel crash can lose the
  // last few commits (never corrupt the file). FULL would fsync on every vote, blocking the
  // event loop (better-sqlite3 is synchronous) for quiz clicks that are cheap to lose.
  db.pragma('synchronous = NORMAL');
}

/**
 * WAL: readers never block the writer, so /leaderboard does not wait on a quiz answer.
 * Switching modes needs an exclusive lock, and SQLite reports SQLITE_BUSY for it at once, without
 * the busy handler, when another process is opening or writing the same file: retry until the
 * busy timeout. Once one process has switched, the others see 'wal' and skip the switch.
 */
function enableWal(db: Database.Database): void {
  retryWhileBusy(() => {
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  });
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

function retryWhileBusy(action: () => void): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return action();
    } catch (error) {
      if (primaryCode(error) !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(sleepCell, 0, 0, 10); // a synchronous 10 ms sleep: opening is synchronous anyway
    }
  }
}

// quick_check: integrity_check minus index-vs-table cross-checks, O(pages) — fast enough at open
// for a bot-sized file, and it is what turns a damaged file into an actionable message.
function checkIntegrity(db: Database.Database, file: string): void {
  const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw corrupt(file, problems.slice(0, 3).join('; ').replace(/\s+/gu, ' '));
}

function migrate(db: Database.Database, file: string, readonly: boolean): void {
  const version = schemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      'newer-than-code',
      file,
      `hoso: the database at ${file} has schema version ${version}, but this build of hoso only knows versions up to ` +
        `${LATEST_SCHEMA_VERSION}. It was written by a newer hoso: run that version, or restore a backup made by this one.`,
    );
  }
  if (version === LATEST_SCHEMA_VERSION) return;
  if (readonly) {
    throw new StoreError(
      'needs-migration',
      file,
      `hoso: the database at ${file} has schema version ${version}, older than this build (${LATEST_SCHEMA_VERSION}), ` +
        'and was opened read-only. Start the bot once (it upgrades the file), then retry.',
    );
  }
  applyMigrations(db);
}

function bundle(db: Database.Database, file: string): Store {
  return {
    file,
    schemaVersion: schemaVersion(db),
    feedback: createFeedbackStore(db),
    summaries: createSummaryStore(db),
    quiz: createQuizStore(db),
    scores: createScoreStore(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Maps SQLite's open-time error codes to a message a person can act on; other errors pass through. */
function toStoreError(error: unknown, file: string): Error {
  if (error instanceof StoreError) return error;
  switch (primaryCode(error)) {
    case 'SQLITE_NOTADB':
      return new StoreError(
        'not-a-database',
        file,
        `hoso: cannot open the database at ${file}: file is not a database. Move it aside (it will be recreated) or restore a backup.`,
        { cause: error },
      );
    case 'SQLITE_CORRUPT':
      return corrupt(file, describe(error), error);
    case 'SQLITE_BUSY':
      return new StoreError(
        'busy',
        file,
        `hoso: cannot open the database at ${file}: it stayed locked by another process (waited up to ${BUSY_TIMEOUT_MS / 1000} s). ` +
          'Check what else has it open (another bot, a migration, a backup tool), then retry.',
        { cause: error },
      );
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_IOERR':
      return cannotOpen(file, error);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** `SQLITE_CANTOPEN_ISDIR` -> `SQLITE_CANTOPEN`: extended result codes refine a primary one. */
function primaryCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code.split('_').slice(0, 2).join('_') : undefined;
}

function cannotOpen(file: string, error: unknown): StoreError {
  return new StoreError(
    'unwritable',
    file,
    `hoso: cannot open the database at ${file}: ${describe(error)}. ` +
      'Check that the path names a file (not a folder) in a folder this user can write to.',
    { cause: error },
  );
}

function corrupt(file: string, detail: string, cause?: unknown): StoreError {
  return new StoreError(
    'corrupt',
    file,
    `hoso: the database at ${file} is damaged (${detail}). Stop the bot, restore a backup, or move the file aside (it will be recreated empty).`,
    { cause },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
