// Child process for crash.test.ts: records quiz questions and answers in a loop, printing
// `<question id> <user id> <1|0 correct>` after each answer's transaction has committed,
// until it is killed (or reaches the iteration cap, so a lost parent cannot leave it running forever).
// Usage: node crash-writer.js <db file> <question id prefix> [max iterations]
// Imported, or run without arguments (e.g. by `node --test dist/test/`), it does nothing.

import { pathToFileURL } from 'node:url';
import { openStore } from '../../src/store/index.js';

export const CRASH_GUILD = 'g-crash';
export const CRASH_USERS = ['ana', 'binh', 'chau'] as const;

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
const [file, prefix, max = '200000'] = process.argv.slice(2);
if (isMain && file !== undefined && prefix !== undefined) writeUntilKilled(file, prefix, Number(max));

function writeUntilKilled(file: string, prefix: string, maxIterations: number): void {
  const store = openStore(file);
  for (let i = 0; i < maxIterations; i++) {
    const questionId = `${prefix}-${i}`;
    store.quiz.recordQuizQuestion({
      id: questionId, guildId: CRASH_GUILD, channelId: 'c', passageId: 'bai-1#1', articleId: 'bai-1',
      stem: `Câu ${i}`, options: ['A', 'B', 'C', 'D'], correctIndex: i % 4,
      createdAt: 0, expiresAt: Number.MAX_SAFE_INTEGER, dossierVersion: 'dv',
    });
    CRASH_USERS.forEach((userId, u) => {
      const outcome = store.quiz.recordAnswer({ questionId, userId, chosenIndex: (i + u) % 4 }, Date.now());
      if (outcome.status !== 'recorded') throw new Error(`${questionId} ${userId}: ${outcome.status}`);
      // stdout to a pipe is synchronous on Linux: the parent sees this line only after the commit.
      process.stdout.write(`${questionId} ${userId} ${outcome.correct ? 1 : 0}\n`);
    });
    // A repeated click must never count twice, even around a crash.
    if (store.quiz.recordAnswer({ questionId, userId: 'ana', chosenIndex: 0 }, Date.now()).status !== 'already-answered') {
      throw new Error(`${questionId}: second answer accepted`);
    }
  }
  store.close();
}
