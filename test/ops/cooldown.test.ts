/** The per-member cooldown (pure, on a fake clock), its polite replies, and the bot applying it through the stand-in. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cooldownReply, restartingReply } from '../../src/app/availability.js';
import { createAppContext } from '../../src/app/context.js';
import { Cooldown, secondsToWait } from '../../src/app/cooldown.js';
import { plainText } from '../../src/app/reply.js';
import { startDiscord, type DiscordShell } from '../../src/discord/client.js';
import { commands, summarize } from '../../src/discord/commands/index.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.js';
import { DiscordStandin, autocomplete, button, slashCommand, type DispatchedInteraction } from '../discord/standin.js';

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

describe('through the bot', () => {
  const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.cooldown-test-token_0123456789abcdef';
  const CALLBACK = 'POST /interactions/:id/:token/callback';
  type Body = { type: number; data?: { flags?: number; choices?: unknown[]; embeds?: { description?: string }[]; allowed_mentions?: { parse?: string[] } } };
  let standin: DiscordStandin;
  let shell: DiscordShell;
  const c = clock();
  const answer = async (sent: DispatchedInteraction) => (await sent.waitForResponse((r) => r.route === CALLBACK && r.status < 300)).body as Body;

  before(async () => {
    const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
    assert.ok(opened.ok);
    const ctx = createAppContext({ index: opened.value.index, feedback: { record: () => undefined }, commands: summarize(commands) });
    standin = await DiscordStandin.start();
    shell = await startDiscord({
      token: TOKEN, apiUrl: standin.apiUrl, ctx, commands, log: createLogger({ level: 'silent' }),
      cooldown: new Cooldown({ limit: 5, windowMs: 10_000, now: c.now }),
      buttonCooldown: new Cooldown({ limit: 2, windowMs: 10_000, now: c.now }),
    });
  });
  after(async () => {
    await shell?.stop();
    await standin?.close();
  });

  test('GIVEN 5 commands per 10 s WHEN a member sends a 6th THEN it is not run: a private note says how many seconds to wait, in their language', async () => {
    const ana = { id: '111111111111111111' };
    for (let i = 0; i < 5; i++) {
      const body = await answer(standin.dispatchInteraction(slashCommand({ name: 'help', user: ana, locale: 'vi' })));
      assert.doesNotMatch(body.data?.embeds?.[0]?.description ?? '', /gửi lệnh hơi nhanh/u, `command ${i + 1} runs`);
      c.advance(1_000);
    }
    const refused = await answer(standin.dispatchInteraction(slashCommand({ name: 'ask', user: ana, locale: 'vi', options: { question: 'Kim Jong-un đến Nga bằng gì?' } })));
    assert.equal(refused.type, 4);
    assert.equal(refused.data?.flags, 64, 'private');
    assert.deepEqual(refused.data?.allowed_mentions?.parse, []);
    assert.match(refused.data?.embeds?.[0]?.description ?? '', /chờ 5 giây/u, 'the first command leaves the window 5 s from now');
    const binh = await answer(standin.dispatchInteraction(slashCommand({ name: 'help', user: { id: '222222222222222222' }, locale: 'en-US' })));
    assert.doesNotMatch(binh.data?.embeds?.[0]?.description ?? '', /a little fast/u, 'another member is not affected');
    c.advance(5_000);
    const later = await answer(standin.dispatchInteraction(slashCommand({ name: 'help', user: ana, locale: 'vi' })));
    assert.doesNotMatch(later.data?.embeds?.[0]?.description ?? '', /gửi lệnh hơi nhanh/u, 'when told, it runs again');
  });

  test('GIVEN a member over the cooldown WHEN they type (autocomplete) THEN suggestions still come', async () => {
    const chi = { id: '333333333333333333' };
    for (let i = 0; i < 6; i++) await answer(standin.dispatchInteraction(slashCommand({ name: 'help', user: chi })));
    for (let i = 0; i < 10; i++) {
      const body = await answer(standin.dispatchInteraction(autocomplete({ name: 'ask', user: chi, options: { question: 'Kim' }, focused: 'question' })));
      assert.equal(body.type, 8);
      assert.ok((body.data?.choices ?? []).length > 0);
    }
  });

  test('GIVEN a button allowance WHEN a member presses faster THEN the extra presses get the note, not the handler', async () => {
    const dung = { id: '444444444444444444' };
    const pressed = [];
    for (let i = 0; i < 3; i++) pressed.push(await answer(standin.dispatchInteraction(button({ customId: 'sources:list:1', user: dung, locale: 'en-US' }))));
    assert.ok(pressed.slice(0, 2).every((b) => !/a little fast/u.test(b.data?.embeds?.[0]?.description ?? '')));
    assert.match(pressed[2]!.data?.embeds?.[0]?.description ?? '', /try again in \d+ seconds?\./u);
    assert.equal(pressed[2]!.data?.flags, 64);
  });
});
