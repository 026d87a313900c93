import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { assertScoresMatchAnswers, openForTest, quizQuestion, tempDir } from './helpers.js';
import type { WriterJob, WriterReport } from './concurrent-writer.js';

const WRITER = new URL('./concurrent-writer.js', import.meta.url);

test('GIVEN two connections on one file WHEN one records an answer THEN the other sees it and cannot answer again for that member', (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  const a = openForTest(t, file);
  const b = openForTest(t, file);
  a.quiz.recordQuizQuestion(quizQuestion({ id: 'q1' }));
  assert.equal(b.quiz.recordAnswer({ questionId: 'q1', userId: 'u1', chosenIndex: 0 }, 10).status, 'recorded');
  assert.equal(a.quiz.recordAnswer({ questionId: 'q1', userId: 'u1', chosenIndex: 0 }, 11).status, 'already-answered');
  assert.equal(a.scores.memberStats('g1', 'u1')?.points, 1);
});

test('GIVEN 4 worker threads with their own connections WHEN they all answer the same questions for the same members at once THEN each pair is recorded exactly once and scores match the answers', { timeout: 60_000 }, async (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  const store = openForTest(t, file);
  const questionIds = Array.from({ length: 40 }, (_, i) => `q${i}`);
  const userIds = Array.from({ length: 12 }, (_, i) => `user-${'x'.repeat(i)}`);
  for (const id of questionIds) store.quiz.recordQuizQuestion(quizQuestion({ id, correctIndex: id.length % 4 }));

  const startGate = new Int32Array(new SharedArrayBuffer(4));
  const workers = [11, 22, 33, 44].map(
    (seed) => new Worker(WRITER, { workerData: { file, questionIds, userIds, seed, startGate } satisfies WriterJob }),
  );
  t.after(() => Promise.all(workers.map((w) => w.terminate())));
  await Promise.all(workers.map((w) => nextMessage(w))); // every connection is open
  const reports = Promise.all(workers.map((w) => nextMessage(w) as Promise<WriterReport>));
  Atomics.store(startGate, 0, 1);
  Atomics.notify(startGate, 0);
  const done = await reports;

  const pairCount = questionIds.length * userIds.length;
  const recorded = done.flatMap((r) => r.recorded).sort();
  assert.equal(new Set(recorded).size, recorded.length, 'a pair was recorded twice');
  assert.equal(recorded.length, pairCount, 'a write was lost');
  assert.equal(done.reduce((n, r) => n + r.alreadyAnswered, 0), pairCount * (workers.length - 1));
  assertScoresMatchAnswers(file, 'g1', questionIds.length);
});

function nextMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (message: unknown) => {
      worker.off('error', onError);
      resolve(message);
    });
  });
}
