// "Helpful" / "Not helpful" votes go through a FeedbackSink, so the store can be swapped in
// later (SQLite) without touching the handlers. For now votes are logged at debug level.
import type { Logger } from 'pino';
import type { ReplyLocale } from '../core/types.js';

export interface FeedbackVote {
  readonly helpful: boolean;
  /** `questionHash(question, articleId)`; the question itself when it is still known. */
  readonly questionHash: string;
  readonly question?: string;
  readonly passageId: string;
  readonly articleId?: string;
  readonly dossierVersion: string;
  /** Absent in DMs and the console. */
  readonly guildId?: string;
  readonly userId: string;
  readonly interactionId: string;
  readonly locale: ReplyLocale;
  readonly at: Date;
}

export interface FeedbackSink {
  record(vote: FeedbackVote): void | Promise<void>;
}

export function loggingFeedbackSink(log: Pick<Logger, 'debug'>): FeedbackSink {
  return {
    record(vote) {
      log.debug({ vote: { ...vote, at: vote.at.toISOString() } }, 'feedback vote');
    },
  };
}
