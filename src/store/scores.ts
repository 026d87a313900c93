// Quiz scores per guild: points, counts, streaks; the leaderboard and a member's rank.
//
// Ranking: more points first; on equal points, whoever reached that score first ranks higher
// (points_reached_at = time of the member's last point gain); a tie on that too (same
// millisecond) falls back to user id, arbitrary but stable. Ranks are therefore unique: 1, 2, 3...

import type Database from 'better-sqlite3';
import { checkLimit } from './limits.js';

export const POINTS_PER_CORRECT_ANSWER = 1;

export interface MemberStats {
  readonly userId: string;
  readonly points: number;
  readonly answered: number;
  readonly correct: number;
  /** Correct answers in a row, up to the latest answer. */
  readonly streak: number;
  readonly bestStreak: number;
}

export interface RankedMember extends MemberStats {
  /** 1-based, unique (see the tie rule above). */
  readonly rank: number;
}

export interface MemberRank extends RankedMember {
  /** Members with a score in this guild. */
  readonly members: number;
}

export interface ScoreStore {
  leaderboard(guildId: string, limit?: number): RankedMember[];
  /** undefined: the member has never answered a quiz in this guild. */
  rankOf(guildId: string, userId: string): MemberRank | undefined;
  memberStats(guildId: string, userId: string): MemberStats | undefined;
}

export interface AnswerScore {
  readonly guildId: string;
  readonly userId: string;
  readonly correct: boolean;
  readonly answeredAt: number;
}

const RANK_ORDER = 'points DESC, points_reached_at ASC, user_id ASC';
const STATS_COLUMNS = 'user_id AS userId, points, answered, correct, streak, best_streak AS bestStreak';

export function createScoreStore(db: Database.Database): ScoreStore {
  const top = db.prepare<[string, number], RankedMember>(`
    SELECT row_number() OVER (ORDER BY ${RANK_ORDER}) AS rank, ${STATS_COLUMNS}
    FROM scores WHERE guild_id = ? ORDER BY ${RANK_ORDER} LIMIT ?`);
  const rank = db.prepare<[string, string], MemberRank>(`
    SELECT * FROM (
      SELECT row_number() OVER (ORDER BY ${RANK_ORDER}) AS rank, count(*) OVER () AS members, ${STATS_COLUMNS}
      FROM scores WHERE guild_id = ?)
    WHERE userId = ?`);
  const stats = db.prepare<[string, string], MemberStats>(
    `SELECT ${STATS_COLUMNS} FROM scores WHERE guild_id = ? AND user_id = ?`,
  );
  return {
    leaderboard: (guildId, limit = 10) => top.all(guildId, checkLimit(limit)),
    rankOf: (guildId, userId) => rank.get(guildId, userId),
    memberStats: (guildId, userId) => stats.get(guildId, userId),
  };
}

/** Adds one answer to a member's score. Call inside the transaction that records the answer. */
export function prepareScoreUpdate(db: Database.Database): (answer: AnswerScore) => void {
  // In an UPDATE every right-hand side reads the row as it was, so `streak + 1` is the old streak plus one.
  const upsert = db.prepare<[{ guildId: string; userId: string; correct: 0 | 1; points: number; now: number }]>(`
    INSERT INTO scores (guild_id, user_id, points, answered, correct, streak, best_streak, points_reached_at)
    VALUES (@guildId, @userId, @points, 1, @correct, @correct, @correct, @now)
    ON CONFLICT (guild_id, user_id) DO UPDATE SET
      points = points + excluded.points,
      answered = answered + 1,
      correct = correct + excluded.correct,
      streak = CASE WHEN excluded.correct = 1 THEN streak + 1 ELSE 0 END,
      best_streak = max(best_streak, CASE WHEN excluded.correct = 1 THEN streak + 1 ELSE 0 END),
      points_reached_at = CASE WHEN excluded.points > 0 THEN excluded.points_reached_at ELSE points_reached_at END`);
  return ({ guildId, userId, correct, answeredAt }) => {
    upsert.run({
      guildId,
      userId,
      correct: correct ? 1 : 0,
      points: correct ? POINTS_PER_CORRECT_ANSWER : 0,
      now: answeredAt,
    });
  };
}
