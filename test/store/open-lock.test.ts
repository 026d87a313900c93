import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LATEST_SCHEMA_VERSION, openStore } from '../../src/store/index.js';
import type { LockJob } from './lock-holder.js';
import { tempDir } from './helpers.js';

const HOLDER = new URL('./lock-holder.js', import.meta.url);

// Regression, found by the crash test: two processes opening a new file at once both switch it to
// WAL; SQLite refuses one with SQLITE_BUSY at once (no busy handler: it holds a shared lock and
// wants an exclusive one while the other holds the reserved lock). A held write lock reproduces it.
test('GIVEN another connection holds the write lock on a new file WHEN the store opens THEN it waits for the lock instead of failing', { timeout: 20_000 }, async (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  const holder = new Worker(HOLDER, { workerData: { file, holdMs: 300 } satisfies LockJob });
  t.after(() => holder.terminate());
  const [first] = (await once(holder, 'message')) as [unknown];
  assert.equal(first, 'locked');

  const started = Date.now();
  const store = openStore(file); // synchronous: blocks this thread while the worker holds the lock
  t.after(() => store.close());
  assert.ok(Date.now() - started >= 250, 'opened while the lock was still held?');
  assert.equal(store.schemaVersion, LATEST_SCHEMA_VERSION);
});
