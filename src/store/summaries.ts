// Summaries a member pinned to a channel, so /summary history can list them.

import type Database from 'better-sqlite3';
import { checkLimit } from './limits.js';

export interface PinnedSummaryInput {
  readonly guildId: string;
  readonly channelId: string;
  /** The Discord message carrying the summary; recording it twice is a no-op. */
  readonly messageId: string;
  readonly pinnedBy: string;
  readonly topic: string | null;
  readonly articleId: string | null;
  readonly dossierVersion: string;
  readonly summary: string;
}

export interface PinnedSummary extends PinnedSummaryInput {
  readonly id: number;
  /** Epoch ms. */
  readonly createdAt: number;
}

export type SummaryOutcome = { readonly status: 'recorded'; readonly id: number } | { readonly status: 'already-recorded' };

export interface SummaryStore {
  recordPinnedSummary(input: PinnedSummaryInput, now?: number): SummaryOutcome;
  /** Newest first. */
  recentPinnedSummaries(guildId: string, limit?: number): PinnedSummary[];
}

export function createSummaryStore(db: Database.Database): SummaryStore {
  // Keyed on message_id so an interaction retried by Discord does not record the pin twice.
  const insert = db.prepare<[PinnedSummaryInput & { createdAt: number }], number>(`
    INSERT INTO pinned_summaries (guild_id, channel_id, message_id, pinned_by, topic, article_id, dossier_version, summary, created_at)
    VALUES (@guildId, @channelId, @messageId, @pinnedBy, @topic, @articleId, @dossierVersion, @summary, @createdAt)
    ON CONFLICT (message_id) DO NOTHING
    RETURNING id`).pluck();
  const recent = db.prepare<[string, number], PinnedSummary>(`
    SELECT id, guild_id AS guildId, channel_id AS channelId, message_id AS messageId, pinned_by AS pinnedBy,
           topic, article_id AS articleId, dossier_version AS dossierVersion, summary, created_at AS createdAt
    FROM pinned_summaries WHERE guild_id = ?
    ORDER BY created_at DESC, id DESC LIMIT ?`);
  return {
    recordPinnedSummary: (input, now = Date.now()) => {
      const id = insert.get({ ...input, createdAt: now });
      return id === undefined ? { status: 'already-recorded' } : { status: 'recorded', id };
    },
    recentPinnedSummaries: (guildId, limit = 10) => recent.all(guildId, checkLimit(limit)),
  };
}
