// The FeedbackSink the bot runs with: every "Helpful" / "Not helpful" vote goes to the store, one
// transaction each, so `npm run feedback-report` can list the worst-rated questions and passages.
import type { FeedbackStore } from '../store/index.js';
import type { FeedbackSink, FeedbackVote } from './feedback.js';

export function storeFeedbackSink(store: Pick<FeedbackStore, 'recordVote'>): FeedbackSink {
  return {
    record(vote) {
      store.recordVote(
        {
          guildId: vote.guildId ?? null,
          userId: vote.userId,
          question: questionText(vote),
          passageId: vote.passageId,
          articleId: vote.articleId ?? articleOf(vote.passageId),
          vote: vote.helpful ? 1 : -1,
          locale: vote.locale,
          dossierVersion: vote.dossierVersion,
        },
        vote.at.getTime(),
      );
    },
  };
}

/**
 * The question as asked; when the bot no longer knows it (restarted, and the message no longer
 * shows it), a stand-in naming its hash, so the votes on one question still group together.
 */
export function questionText(vote: Pick<FeedbackVote, 'question' | 'questionHash'>): string {
  return vote.question ?? `[question #${vote.questionHash}]`;
}

/** Passage ids are `<article-id>#<n>` or `<article-id>#anh-<k>`. */
function articleOf(passageId: string): string {
  const hash = passageId.lastIndexOf('#');
  return hash > 0 ? passageId.slice(0, hash) : passageId;
}
