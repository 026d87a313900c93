/** The per-member cooldown (pure, on a fake clock) and its polite replies. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cooldownReply, restartingReply } from '../../src/app/availability.js';
import { Cooldown, secondsToWait } from '../../src/app/cooldown.js';
import { plainText } from '../../src/app/reply.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

test('GIVEN 5 per 10 s WHEN a member sends 5 commands THEN all pass and the 6th is refused with the time until the oldest leaves the window', () => {
  const c = clock();
  const cooldown = new Cooldown({ limit: 5, windowMs: 10_000, now: c.now });
  for (let i = 0; i < 5; i++) {
    assert.deepEqual(cooldown.hit('ana'), { ok: true }, `command ${i + 1}`);
    c.advance(1_000);
  }
  // The first was at t0, now is t0 + 5 s: it leaves the window at t0 + 10 s.
  assert.deepEqual(cooldown.hit('ana'), { ok: false, retryAfterMs: 5_000, first: true });
});

test('GIVEN a refused member WHEN they retry at once THEN still refused, not first, and the wait is not extended by refusals', () => {
  const c = clock();
  const cooldown = new Cooldown({ limit: 2, windowMs: 10_000, now: c.now });
  cooldown.hit('ana');
  cooldown.hit('ana');
  const first = cooldown.hit('ana');
  c.advance(3_000);
  const again = cooldown.hit('ana');
  assert.deepEqual(first, { ok: false, retryAfterMs: 10_000, first: true });
  assert.deepEqual(again, { ok: false, retryAfterMs: 7_000, first: false });
  c.advance(7_000);
  assert.deepEqual(cooldown.hit('ana'), { ok: true }, 'exactly when told, the member may run a command');
  assert.equal(cooldown.hit('ana').ok, true, 'both slots of the window freed at the same instant');
  assert.equal(cooldown.hit('ana').ok, false);
});

test('GIVEN the window slides WHEN old commands age out one by one THEN one new command passes per expired one', () => {
  const c = clock();
  const cooldown = new Cooldown({ limit: 3, windowMs: 1_000, now: c.now });
  for (const at of [0, 300, 600]) {
    c.advance(at === 0 ? 0 : 300);
    assert.equal(cooldown.hit('binh').ok, true);
  }
  c.advance(300); // t = 900: all three still inside
  assert.equal(cooldown.hit('binh').ok, false);
  c.advance(101); // t = 1001: the one at 0 left
  assert.equal(cooldown.hit('binh').ok, true);
  assert.equal(cooldown.hit('binh').ok, false);
});

test('GIVEN two members WHEN one is refused THEN the other is not affected', () => {
  const cooldown = new Cooldown({ limit: 1, windowMs: 10_000, now: clock().now });
  assert.equal(cooldown.hit('ana').ok, true);
  assert.equal(cooldown.hit('ana').ok, false);
  assert.equal(cooldown.hit('binh').ok, true);
});

test('GIVEN a limit of 0 WHEN many commands arrive THEN the cooldown is off and tracks nobody', () => {
  const cooldown = new Cooldown({ limit: 0, windowMs: 10_000 });
  for (let i = 0; i < 100; i++) assert.equal(cooldown.hit('ana').ok, true);
  assert.equal(cooldown.enabled, false);
  assert.equal(cooldown.size, 0);
});

test('GIVEN many members WHEN more than maxKeys are tracked or they go idle THEN memory stays bounded', () => {
  const c = clock();
  const cooldown = new Cooldown({ limit: 1, windowMs: 1_000, now: c.now, maxKeys: 100 });
  for (let i = 0; i < 1_000; i++) cooldown.hit(`m${i}`);
  assert.equal(cooldown.size, 100);
  c.advance(1_001);
  cooldown.prune();
  assert.equal(cooldown.size, 0);
  for (let i = 0; i < 2_500; i++) {
    c.advance(1);
    cooldown.hit(`n${i % 7}`);
  }
  assert.ok(cooldown.size <= 7);
});

test('GIVEN a bad window WHEN constructed THEN it says so', () => {
  assert.throws(() => new Cooldown({ limit: 5, windowMs: 0 }), /cooldown window must be positive/u);
});

test('GIVEN a wait in ms WHEN told to the member THEN whole seconds rounded up, in both languages, privately', () => {
  assert.equal(secondsToWait(1), 1);
  assert.equal(secondsToWait(1_000), 1);
  assert.equal(secondsToWait(1_001), 2);
  assert.equal(secondsToWait(0), 1);
  const vi = cooldownReply('vi', 4_200);
  const en = cooldownReply('en', 1_000);
  assert.equal(vi.ephemeral, true);
  assert.deepEqual(vi.mentionUserIds, []);
  assert.match(plainText(vi.embeds[0]!.description!), /chờ 5 giây/u);
  assert.match(plainText(en.embeds[0]!.description!), /try again in 1 second\./u);
  assert.match(plainText(cooldownReply('en', 9_000).embeds[0]!.description!), /in 9 seconds\./u);
  assert.equal(restartingReply('vi').ephemeral, true);
  assert.match(plainText(restartingReply('en').embeds[0]!.description!), /restarting/u);
});
