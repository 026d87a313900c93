import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PinnedSummaryInput } from '../../src/store/index.js';
import { freshStore } from './helpers.js';

function pin(messageId: string, overrides: Partial<PinnedSummaryInput> = {}): PinnedSummaryInput {
  return {
    guildId: 'g1', channelId: 'c1', messageId, pinnedBy: 'u1', topic: null, articleId: null,
    dossierVersion: 'dv1', summary: `Tóm tắt ${messageId}`, ...overrides,
  };
}

test('GIVEN pinned summaries in two guilds WHEN the recent ones of a guild are listed THEN only that guild\'s come back, newest first, up to the limit', (t) => {
  const { store } = freshStore(t);
  store.summaries.recordPinnedSummary(pin('m1', { topic: 'lũ lụt' }), 100);
  store.summaries.recordPinnedSummary(pin('m2', { articleId: 'bai-2' }), 300);
  store.summaries.recordPinnedSummary(pin('m3'), 200);
  store.summaries.recordPinnedSummary(pin('m4', { guildId: 'g2' }), 400);

  const recent = store.summaries.recentPinnedSummaries('g1');
  assert.deepEqual(recent.map((s) => s.messageId), ['m2', 'm3', 'm1']);
  assert.deepEqual(recent[0], { id: 2, createdAt: 300, ...pin('m2', { articleId: 'bai-2' }) });
  assert.equal(recent[2]?.topic, 'lũ lụt');
  assert.deepEqual(store.summaries.recentPinnedSummaries('g1', 1).map((s) => s.messageId), ['m2']);
  assert.deepEqual(store.summaries.recentPinnedSummaries('g3'), []);
});

test('GIVEN a summary already recorded for a message WHEN the same message is recorded again THEN it is kept once', (t) => {
  const { store } = freshStore(t);
  assert.equal(store.summaries.recordPinnedSummary(pin('m1'), 100).status, 'recorded');
  assert.deepEqual(store.summaries.recordPinnedSummary(pin('m1', { summary: 'khác' }), 200), { status: 'already-recorded' });
  assert.deepEqual(store.summaries.recentPinnedSummaries('g1').map((s) => s.summary), ['Tóm tắt m1']);
});
