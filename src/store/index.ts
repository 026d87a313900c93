// The store: the only part of hoso that touches SQLite. Core code never imports this.

export { openStore, type OpenOptions, type Store } from './db.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { LATEST_SCHEMA_VERSION } from './migrations.js';
export {
  normalizeQuestion,
  type FeedbackStore,
  type RatedPassage,
  type Vote,
  type VoteInput,
  type VoteOutcome,
} from './feedback.js';
export { type PinnedSummary, type PinnedSummaryInput, type SummaryOutcome, type SummaryStore } from './summaries.js';
export {
  type AnswerInput,
  type AnswerOutcome,
  type QuizAnswer,
  type QuizQuestion,
  type QuizQuestionOutcome,
  type QuizStore,
} from './quiz.js';
export {
  POINTS_PER_CORRECT_ANSWER,
  type MemberRank,
  type MemberStats,
  type RankedMember,
  type ScoreStore,
} from './scores.js';
