import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openStore, StoreError, type StoreErrorCode } from '../../src/store/index.js';
import { openForTest, tempDir, thrown, vote } from './helpers.js';

function assertStoreError(error: unknown, code: StoreErrorCode, file: string): void {
  assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  assert.equal(error.file, file);
  assert.ok(error.message.includes(file), `message should name ${file}: ${error.message}`);
}

test('GIVEN garbage bytes at the database path WHEN the store opens THEN a StoreError says it is not a database and what to do', (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  fs.writeFileSync(file, Buffer.from('this is not an SQLite file\n'.repeat(300)));
  const error = thrown(() => openStore(file));
  assertStoreError(error, 'not-a-database', file);
  assert.match((error as Error).message, /file is not a database\. Move it aside .* or restore a backup/);
  assert.equal(fs.readFileSync(file, 'utf8').slice(0, 26), 'this is not an SQLite file', 'the file is left as it was');
});

test('GIVEN an SQLite file with a damaged page WHEN the store opens THEN the integrity check reports it as corrupt', (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  const store = openStore(file);
  for (let i = 0; i < 300; i++) store.feedback.recordVote(vote({ userId: `u${i}`, question: `câu hỏi ${i}` }), i);
  store.close();
  const pageSize = 4096;
  assert.ok(fs.statSync(file).size > 5 * pageSize, 'the file should span several pages');
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, 3 * pageSize);
  fs.closeSync(fd);

  const error = thrown(() => openStore(file));
  assertStoreError(error, 'corrupt', file);
  assert.match((error as Error).message, /restore a backup/);
});

test('GIVEN a database path under a regular file WHEN the store opens THEN a StoreError names the file and the folder it cannot create', (t) => {
  const blocker = path.join(tempDir(t), 'not-a-folder');
  fs.writeFileSync(blocker, 'x');
  const file = path.join(blocker, 'data', 'hoso.db');
  const error = thrown(() => openStore(file));
  assertStoreError(error, 'unwritable', file);
  assert.match((error as Error).message, /cannot create the folder/);
});

test('GIVEN a database path that is a folder WHEN the store opens THEN a StoreError says it cannot open it', (t) => {
  const folder = tempDir(t);
  assertStoreError(thrown(() => openStore(folder)), 'unwritable', folder);
});

test('GIVEN a missing file WHEN it is opened read-only THEN a StoreError says it does not exist and nothing is created', (t) => {
  const file = path.join(tempDir(t), 'absent', 'hoso.db');
  assertStoreError(thrown(() => openStore(file, { readonly: true })), 'missing', file);
  assert.equal(fs.existsSync(path.dirname(file)), false);
});

test('GIVEN an existing database WHEN it is opened read-only THEN reads work and writes are refused', (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  const writer = openStore(file);
  writer.feedback.recordVote(vote(), 1);
  writer.close();

  const reader = openForTest(t, file, { readonly: true });
  assert.equal(reader.feedback.worstRated().length, 1);
  assert.throws(() => reader.feedback.recordVote(vote({ userId: 'u2' }), 2), /readonly/);
});
