/**
 * Restarts: the real bot process (`node dist/src/index.js`) against the Discord stand-in gets
 * SIGTERM or SIGINT. It stops taking new interactions (each is told privately that the bot is
 * restarting), finishes the one in flight, closes the gateway with 1000 and exits 0 within 5 s.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiscordStandin, slashCommand, type DispatchedInteraction } from '../discord/standin.js';
import { botEnv, LEVEL, startBot, tempDir } from './bot-process.js';

const EPHEMERAL = 64;
const CALLBACK = 'POST /interactions/:id/:token/callback';

interface CallbackBody {
  type: number;
  data?: { flags?: number; embeds?: { description?: string }[]; allowed_mentions?: { parse?: string[] } };
}

async function answered(sent: DispatchedInteraction, timeoutMs = 8_000): Promise<CallbackBody> {
  const request = await sent.waitForResponse((r) => r.route === CALLBACK && r.status < 300, timeoutMs);
  return request.body as CallbackBody;
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`GIVEN the bot with an interaction in flight WHEN it gets ${signal} THEN newcomers are told it restarts, the one in flight is answered, the gateway closes with 1000 and it exits 0 within 5 s`, { timeout: 30_000 }, async (t) => {
    const standin = await DiscordStandin.start();
    t.after(() => standin.close());
    const bot = startBot(t, botEnv(standin, tempDir(t), { LOG_LEVEL: 'debug' }));
    await bot.waitForLine((l) => l.msg === 'ready', 15_000, 'ready');

    // The reply to the first interaction is held up 1.5 s by the stand-in: it is in flight.
    standin.failNext(CALLBACK, { delayMs: 1_500 });
    const first = standin.dispatchInteraction(slashCommand({ name: 'help', locale: 'vi' }));
    await bot.waitForLine((l) => l.msg === 'command' && l['interactionId'] === first.id, 5_000, 'the first interaction to start');
    const signalledAt = performance.now();
    bot.child.kill(signal);
    const shutting = await bot.waitForLine((l) => l.msg === 'shutting down', 5_000, 'shutting down');
    assert.equal(shutting['inFlight'], 1);

    const second = standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'en-US', options: { question: 'When did Putin arrive in Pyongyang?' } }));
    const refused = await answered(second);
    assert.equal(refused.type, 4);
    assert.equal((refused.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL, 'the restarting note is private');
    assert.match(refused.data?.embeds?.[0]?.description ?? '', /restarting/u);
    assert.deepEqual(refused.data?.allowed_mentions?.parse, []);
    assert.ok(!bot.lines.some((l) => l.msg === 'command' && l['interactionId'] === second.id), 'the newcomer was not run');

    const finished = await answered(first);
    assert.equal(finished.type, 4, 'the interaction in flight got its real answer');
    assert.equal(standin.interactionResponses(first.id).length, 1);

    const exit = await bot.exited;
    const tookMs = exit.at - signalledAt;
    assert.equal(exit.code, 0, `exit code (stderr: ${bot.stderr()})`);
    assert.ok(tookMs < 5_000, `exited ${Math.round(tookMs)} ms after ${signal}`);
    assert.ok(tookMs >= 1_000, 'it waited for the interaction in flight');
    const close = standin.closes.at(-1);
    assert.equal(close?.code, 1000, 'gateway closed normally');
    assert.equal(close?.by, 'client');
    assert.ok(bot.lines.some((l) => l.msg === 'stopped'));
    const warnings = bot.lines.filter((l) => l.level >= LEVEL.warn).map((l) => l.msg);
    assert.deepEqual(warnings, ['slow Discord API response'], 'only the injected slow reply is warned about: the stop itself is clean');
    assert.deepEqual(bot.stray, [], 'stdout holds JSON log lines only');
  });
}

test('GIVEN an idle bot WHEN it gets SIGTERM THEN it closes with 1000 and exits 0 at once', { timeout: 30_000 }, async (t) => {
  const standin = await DiscordStandin.start();
  t.after(() => standin.close());
  const bot = startBot(t, botEnv(standin, tempDir(t)));
  await bot.waitForLine((l) => l.msg === 'ready', 15_000, 'ready');
  const sent = standin.dispatchInteraction(slashCommand({ name: 'help' }));
  await answered(sent);
  const signalledAt = performance.now();
  bot.child.kill('SIGTERM');
  const exit = await bot.exited;
  assert.equal(exit.code, 0, bot.stderr());
  assert.ok(exit.at - signalledAt < 2_000, `exited ${Math.round(exit.at - signalledAt)} ms after SIGTERM`);
  assert.equal(standin.closes.at(-1)?.code, 1000);
});

test('GIVEN the bot still connecting (a slow gateway lookup) WHEN it gets SIGTERM THEN it exits 0 at once without waiting for Discord', { timeout: 30_000 }, async (t) => {
  const standin = await DiscordStandin.start();
  t.after(() => standin.close());
  standin.failNext('GET /gateway/bot', { delayMs: 5_000 });
  const bot = startBot(t, botEnv(standin, tempDir(t)));
  await bot.waitForLine((l) => l.msg === 'connecting to Discord', 15_000, 'connecting');
  const signalledAt = performance.now();
  bot.child.kill('SIGTERM');
  const exit = await bot.exited;
  assert.equal(exit.code, 0, bot.stderr());
  assert.ok(exit.at - signalledAt < 2_000, `exited ${Math.round(exit.at - signalledAt)} ms after SIGTERM`);
  assert.ok(bot.lines.some((l) => l.msg === 'stopped before the bot was ready'));
  assert.equal(standin.connections.length, 0);
});
