// How many members answered a quiz question: the public quiz message shows it after each answer.
//
// The store's own API has no such count, and its internals are not ours to change, so this small
// add-on opens a second, read-only connection to the same file. In WAL mode a reader sees every
// committed write of the main connection and never blocks it. `close()` on the returned store
// closes both connections.
import Database from 'better-sqlite3';
import type { Store } from './db.js';

export interface AnswerCounts {
  /** Answers recorded for the question (0 for an unknown id). */
  answerCount(questionId: string): number;
}

export type CountingStore = Store & AnswerCounts;

export function withAnswerCounts(store: Store): CountingStore {
  const reader = new Database(store.file, { readonly: true, fileMustExist: true });
  const count = reader.prepare<[string], number>('SELECT count(*) FROM quiz_answers WHERE question_id = ?').pluck();
  return {
    ...store,
    answerCount: (questionId) => count.get(questionId) ?? 0,
    close: () => {
      if (reader.open) reader.close();
      store.close();
    },
  };
}
