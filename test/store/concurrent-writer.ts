// Worker thread for concurrency.test.ts: its own Store connection, answering every
// (question, user) pair in its own shuffled order once the test releases the start gate.
// Loaded on the main thread (e.g. by `node --test dist/test/`), it does nothing.

import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openStore } from '../../src/store/index.js';

export interface WriterJob {
  readonly file: string;
  readonly questionIds: readonly string[];
  readonly userIds: readonly string[];
  readonly seed: number;
  /** Int32Array over a SharedArrayBuffer: [0] flips to 1 to start every worker at the same instant. */
  readonly startGate: Int32Array;
}

export interface WriterReport {
  /** `question user` pairs this worker recorded. */
  readonly recorded: readonly string[];
  readonly alreadyAnswered: number;
}

if (!isMainThread && parentPort) run(parentPort, workerData as WriterJob);

function run(port: MessagePort, job: WriterJob): void {
  const store = openStore(job.file);
  const order = shuffle(pairs(job), job.seed);
  port.postMessage('ready');
  // A message would reach each worker at a different moment; a shared flag releases them together.
  // Bounded wait so a test that never opens the gate cannot leave the thread blocked forever.
  if (Atomics.wait(job.startGate, 0, 0, 30_000) === 'timed-out') throw new Error('start gate never opened');
  const report: { recorded: string[]; alreadyAnswered: number } = { recorded: [], alreadyAnswered: 0 };
  for (const [questionId, userId] of order) {
    const chosenIndex = (job.seed + questionId.length + userId.length) % 4;
    const outcome = store.quiz.recordAnswer({ questionId, userId, chosenIndex }, Date.now());
    if (outcome.status === 'recorded') report.recorded.push(`${questionId} ${userId}`);
    else if (outcome.status === 'already-answered') report.alreadyAnswered++;
    else throw new Error(`unexpected outcome ${outcome.status}`);
  }
  store.close();
  port.postMessage(report satisfies WriterReport);
}

function pairs(job: WriterJob): [string, string][] {
  return job.questionIds.flatMap((q) => job.userIds.map((u): [string, string] => [q, u]));
}

/** Deterministic Fisher–Yates (LCG): each worker walks the pairs in a different order. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  for (let i = items.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
