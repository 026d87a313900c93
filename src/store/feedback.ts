// Helpful / Not helpful votes on /ask answers, and the report of the worst-rated ones.

import type Database from 'better-sqlite3';
import { checkLimit } from './limits.js';

export type Vote = 1 | -1;

export interface VoteInput {
  /** null: asked from the console. */
  readonly guildId: string | null;
  readonly userId: string;
  readonly question: string;
  readonly passageId: string;
  readonly articleId: string;
  readonly vote: Vote;
  readonly locale: string;
  readonly dossierVersion: string;
}

export type VoteOutcome = { readonly status: 'recorded' } | { readonly status: 'replaced'; readonly previous: Vote };

export interface RatedPassage {
  /** The most recent wording among the votes. */
  readonly question: string;
  readonly questionNorm: string;
  readonly passageId: string;
  readonly articleId: string;
  /** up - down */
  readonly net: number;
  readonly up: number;
  readonly down: number;
  /** Epoch ms of the latest vote. */
  readonly lastVotedAt: number;
}

export interface FeedbackStore {
  /** One vote per (user, normalized question, passage): a second vote replaces the first. */
  recordVote(input: VoteInput, now?: number): VoteOutcome;
  /**
   * (question, passage) pairs with at least one Not helpful vote, worst first:
   * lowest net score, then most down votes, then most recently voted.
   */
  worstRated(limit?: number): RatedPassage[];
}

/**
 * The key under which "the same question" is recognised: NFC, lower case, single spaces,
 * no trailing punctuation — so "Ai là tác giả?" and "ai là  tác giả" are one question.
 */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\s?!.…。？！]+$/u, '');
}

export function createFeedbackStore(db: Database.Database): FeedbackStore {
  const previousVote = db.prepare<[string, string, string], { vote: Vote }>(
    'SELECT vote FROM feedback WHERE user_id = ? AND question_norm = ? AND passage_id = ?',
  );
  const upsertVote = db.prepare<[VoteRow]>(`
    INSERT INTO feedback (guild_id, user_id, question, question_norm, passage_id, article_id, vote, locale, dossier_version, created_at)
    VALUES (@guildId, @userId, @question, @questionNorm, @passageId, @articleId, @vote, @locale, @dossierVersion, @createdAt)
    ON CONFLICT (user_id, question_norm, passage_id) DO UPDATE SET
      guild_id = excluded.guild_id, question = excluded.question, article_id = excluded.article_id,
      vote = excluded.vote, locale = excluded.locale, dossier_version = excluded.dossier_version,
      created_at = excluded.created_at`);
  // One max() aggregate: SQLite then takes the bare columns (question, article_id) from the latest vote.
  const worst = db.prepare<[number], RatedPassage>(`
    SELECT question, question_norm AS questionNorm, passage_id AS passageId, article_id AS articleId,
           sum(vote) AS net, sum(vote = 1) AS up, sum(vote = -1) AS down, max(created_at) AS lastVotedAt
    FROM feedback
    GROUP BY question_norm, passage_id
    HAVING down > 0
    ORDER BY net ASC, down DESC, lastVotedAt DESC, questionNorm, passageId
    LIMIT ?`);

  const recordVote = db.transaction((input: VoteInput, now: number): VoteOutcome => {
    const questionNorm = normalizeQuestion(input.question);
    const previous = previousVote.get(input.userId, questionNorm, input.passageId);
    upsertVote.run({ ...input, questionNorm, createdAt: now });
    return previous ? { status: 'replaced', previous: previous.vote } : { status: 'recorded' };
  });

  return {
    recordVote: (input, now = Date.now()) => recordVote.immediate(input, now),
    worstRated: (limit = 10) => worst.all(checkLimit(limit)),
  };
}

interface VoteRow extends VoteInput {
  readonly questionNorm: string;
  readonly createdAt: number;
}
