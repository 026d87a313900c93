// Quiz questions posted in a channel and the answers members give through its buttons.

import type Database from 'better-sqlite3';
import { prepareScoreUpdate } from './scores.js';

export interface QuizQuestion {
  /** Short random id, carried in the buttons' custom_ids. */
  readonly id: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly passageId: string;
  readonly articleId: string;
  readonly stem: string;
  readonly options: readonly string[];
  /** 0-based index into `options`. */
  readonly correctIndex: number;
  /** Epoch ms. */
  readonly createdAt: number;
  /** Epoch ms; answers at or after this instant are refused. */
  readonly expiresAt: number;
  readonly dossierVersion: string;
}

export interface AnswerInput {
  readonly questionId: string;
  readonly userId: string;
  readonly chosenIndex: number;
}

export interface QuizAnswer {
  readonly questionId: string;
  readonly userId: string;
  readonly chosenIndex: number;
  readonly correct: boolean;
  readonly answeredAt: number;
}

export type AnswerOutcome =
  | { readonly status: 'recorded'; readonly correct: boolean; readonly correctIndex: number }
  | { readonly status: 'already-answered'; readonly previous: QuizAnswer }
  | { readonly status: 'unknown-question' }
  | { readonly status: 'expired' };

export type QuizQuestionOutcome = { readonly status: 'recorded' } | { readonly status: 'duplicate-id' };

export interface QuizStore {
  /** 'duplicate-id': the random id is taken; draw another. */
  recordQuizQuestion(question: QuizQuestion): QuizQuestionOutcome;
  getQuizQuestion(id: string): QuizQuestion | undefined;
  getAnswer(questionId: string, userId: string): QuizAnswer | undefined;
  /**
   * Records a member's answer and updates their score in one transaction. Checked in this order:
   * unknown question, already answered (even after expiry: it tells the member what they chose), expired.
   */
  recordAnswer(answer: AnswerInput, now?: number): AnswerOutcome;
  /** Questions in the channel still open at `now`, for a per-channel bound. */
  countOpenQuizzes(channelId: string, now?: number): number;
}

interface QuestionRow extends Omit<QuizQuestion, 'options'> {
  readonly options: string;
}

interface AnswerRow extends Omit<QuizAnswer, 'correct'> {
  readonly correct: 0 | 1;
}

const QUESTION_COLUMNS = `id, guild_id AS guildId, channel_id AS channelId, passage_id AS passageId,
  article_id AS articleId, stem, options, correct_index AS correctIndex, created_at AS createdAt,
  expires_at AS expiresAt, dossier_version AS dossierVersion`;
const ANSWER_COLUMNS = `question_id AS questionId, user_id AS userId, chosen_index AS chosenIndex, correct,
  answered_at AS answeredAt`;

export function createQuizStore(db: Database.Database): QuizStore {
  const insertQuestion = db.prepare<[QuestionRow]>(`
    INSERT INTO quiz_questions (id, guild_id, channel_id, passage_id, article_id, stem, options, correct_index, created_at, expires_at, dossier_version)
    VALUES (@id, @guildId, @channelId, @passageId, @articleId, @stem, @options, @correctIndex, @createdAt, @expiresAt, @dossierVersion)
    ON CONFLICT (id) DO NOTHING`);
  const selectQuestion = db.prepare<[string], QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM quiz_questions WHERE id = ?`);
  const selectAnswer = db.prepare<[string, string], AnswerRow>(
    `SELECT ${ANSWER_COLUMNS} FROM quiz_answers WHERE question_id = ? AND user_id = ?`,
  );
  const insertAnswer = db.prepare<[AnswerRow]>(`
    INSERT INTO quiz_answers (question_id, user_id, chosen_index, correct, answered_at)
    VALUES (@questionId, @userId, @chosenIndex, @correct, @answeredAt)`);
  const countOpen = db.prepare<[string, number], number>(
    'SELECT count(*) FROM quiz_questions WHERE channel_id = ? AND expires_at > ?',
  ).pluck();
  const addToScore = prepareScoreUpdate(db);

  const getQuizQuestion = (id: string): QuizQuestion | undefined => {
    const row = selectQuestion.get(id);
    return row && { ...row, options: parseOptions(row.options, id) };
  };
  const getAnswer = (questionId: string, userId: string): QuizAnswer | undefined => {
    const row = selectAnswer.get(questionId, userId);
    return row && { ...row, correct: row.correct === 1 };
  };

  const recordAnswer = db.transaction((input: AnswerInput, now: number): AnswerOutcome => {
    const question = getQuizQuestion(input.questionId);
    if (!question) return { status: 'unknown-question' };
    const previous = getAnswer(input.questionId, input.userId);
    if (previous) return { status: 'already-answered', previous };
    if (now >= question.expiresAt) return { status: 'expired' };
    checkChoice(input.chosenIndex, question);
    const correct = input.chosenIndex === question.correctIndex;
    insertAnswer.run({ ...input, correct: correct ? 1 : 0, answeredAt: now });
    addToScore({ guildId: question.guildId, userId: input.userId, correct, answeredAt: now });
    return { status: 'recorded', correct, correctIndex: question.correctIndex };
  });

  return {
    recordQuizQuestion: (question) => {
      checkQuestion(question);
      const { changes } = insertQuestion.run({ ...question, options: JSON.stringify(question.options) });
      return changes === 1 ? { status: 'recorded' } : { status: 'duplicate-id' };
    },
    getQuizQuestion,
    getAnswer,
    // IMMEDIATE: take the write lock before reading, so the check-then-insert cannot race another
    // connection (a deferred read-then-write transaction can fail with SQLITE_BUSY_SNAPSHOT in WAL).
    recordAnswer: (answer, now = Date.now()) => recordAnswer.immediate(answer, now),
    countOpenQuizzes: (channelId, now = Date.now()) => countOpen.get(channelId, now) ?? 0,
  };
}

function checkQuestion(question: QuizQuestion): void {
  if (question.options.length < 2) throw new RangeError(`quiz ${question.id}: needs at least 2 options`);
  checkChoice(question.correctIndex, question);
  if (question.expiresAt < question.createdAt) throw new RangeError(`quiz ${question.id}: expires before it is created`);
}

function checkChoice(index: number, question: QuizQuestion): void {
  if (!Number.isInteger(index) || index < 0 || index >= question.options.length) {
    throw new RangeError(`quiz ${question.id}: option index ${index} out of range 0..${question.options.length - 1}`);
  }
}

function parseOptions(json: string, id: string): string[] {
  const options: unknown = JSON.parse(json);
  if (!Array.isArray(options) || !options.every((option) => typeof option === 'string')) {
    throw new TypeError(`quiz ${id}: stored options are not an array of strings`);
  }
  return options;
}
