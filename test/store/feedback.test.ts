import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeQuestion } from '../../src/store/index.js';
import { freshStore, vote } from './helpers.js';

test('GIVEN questions differing only in case, spacing and final punctuation WHEN normalized THEN they are one key', () => {
  assert.equal(normalizeQuestion('  Ai là   TÁC GIẢ?? '), 'ai là tác giả');
  assert.equal(normalizeQuestion('Ai là tác giả'), 'ai là tác giả');
  // NFD input (combining marks) gives the same key as NFC.
  assert.equal(normalizeQuestion('Ai là tác giả?'.normalize('NFD')), 'ai là tác giả');
  assert.notEqual(normalizeQuestion('Ai là tác giả?'), normalizeQuestion('Ai là tác giả bài 2?'));
});

test('GIVEN a member voted on a passage WHEN they vote again on the same question and passage THEN the second vote replaces the first', (t) => {
  const { store } = freshStore(t);
  assert.deepEqual(store.feedback.recordVote(vote({ vote: -1, question: 'Ai là tác giả?' }), 1), { status: 'recorded' });
  assert.deepEqual(store.feedback.recordVote(vote({ vote: 1, question: 'ai là tác giả' }), 2), { status: 'replaced', previous: -1 });
  assert.deepEqual(store.feedback.worstRated(), [], 'the only vote is now Helpful');

  assert.deepEqual(store.feedback.recordVote(vote({ vote: -1, question: 'AI LÀ TÁC GIẢ?' }), 3), { status: 'replaced', previous: 1 });
  const [only, ...rest] = store.feedback.worstRated();
  assert.deepEqual(rest, []);
  assert.deepEqual(only, {
    question: 'AI LÀ TÁC GIẢ?', questionNorm: 'ai là tác giả', passageId: 'bai-1#3', articleId: 'bai-1',
    net: -1, up: 0, down: 1, lastVotedAt: 3,
  });
});

test('GIVEN votes by other members or on other passages WHEN recorded THEN each is its own vote', (t) => {
  const { store } = freshStore(t);
  store.feedback.recordVote(vote({ userId: 'u1' }), 1);
  assert.deepEqual(store.feedback.recordVote(vote({ userId: 'u2' }), 2), { status: 'recorded' });
  assert.deepEqual(store.feedback.recordVote(vote({ userId: 'u1', passageId: 'bai-1#4' }), 3), { status: 'recorded' });
  assert.deepEqual(store.feedback.recordVote(vote({ userId: 'u3', guildId: null }), 4), { status: 'recorded' });
  const counts = store.feedback.worstRated().map((r) => [r.passageId, r.down]);
  assert.deepEqual(counts, [['bai-1#3', 3], ['bai-1#4', 1]]);
});

test('GIVEN several rated passages WHEN worstRated runs THEN lowest net comes first, then more down votes, then the most recent; all-helpful ones are left out', (t) => {
  const { store } = freshStore(t);
  const cast = (question: string, passageId: string, votes: readonly (1 | -1)[], at: number): void => {
    votes.forEach((v, i) => store.feedback.recordVote(vote({ userId: `u${i}`, question, passageId, vote: v }), at + i));
  };
  cast('q net -3', 'p#1', [-1, -1, -1], 100);
  cast('q net -1, 2 down', 'p#2', [-1, -1, 1], 200);
  cast('q net -1, 1 down, old', 'p#3', [-1], 300);
  cast('q net -1, 1 down, new', 'p#4', [-1], 400);
  cast('q net 0', 'p#5', [-1, 1], 500);
  cast('q all helpful', 'p#6', [1, 1], 600);

  const worst = store.feedback.worstRated();
  assert.deepEqual(
    worst.map((r) => [r.passageId, r.net, r.up, r.down]),
    [['p#1', -3, 0, 3], ['p#2', -1, 1, 2], ['p#4', -1, 0, 1], ['p#3', -1, 0, 1], ['p#5', 0, 1, 1]],
  );
  assert.deepEqual(store.feedback.worstRated(2).map((r) => r.passageId), ['p#1', 'p#2']);
  assert.throws(() => store.feedback.worstRated(0), RangeError);
});
