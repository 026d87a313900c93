// Worker thread for open-lock.test.ts: takes the write lock (BEGIN IMMEDIATE) on a file with a
// plain connection, says 'locked', and commits after `holdMs`, then says 'released'.
// Loaded on the main thread (e.g. by `node --test dist/test/`), it does nothing.

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface LockJob {
  readonly file: string;
  readonly holdMs: number;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const { file, holdMs } = workerData as LockJob;
  const db = new Database(file);
  db.exec('BEGIN IMMEDIATE');
  port.postMessage('locked');
  setTimeout(() => {
    db.exec('COMMIT');
    db.close();
    port.postMessage('released');
  }, holdMs);
}
