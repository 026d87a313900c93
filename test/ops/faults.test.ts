/**
 * Network trouble through the stand-in, one fault at a time, on one running bot: REST 429 with
 * retry_after, a 500, a slow response (500 ms), an interaction that expired before the reply
 * (10062), a dropped gateway (resume), an invalid session (re-identify), RECONNECT, missed
 * heartbeat ACKs. Each time: the bot stays up, logs exactly one warning (and no error), and
 * answers the next interaction. The metrics saw each fault once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { Events } from 'discord.js';
import { createAppContext } from '../../src/app/context.js';
import { startDiscord, type DiscordShell } from '../../src/discord/client.js';
import { commands, summarize } from '../../src/discord/commands/index.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics, type BotMetrics } from '../../src/observability/metrics.js';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.js';
import { DiscordStandin, slashCommand, type DispatchedInteraction } from '../discord/standin.js';

const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.faults-test-token_0123456789abcdef';
const CALLBACK = 'POST /interactions/:id/:token/callback';
const noThrottle = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) };

interface Line {
  level: number;
  msg: string;
  [key: string]: unknown;
}

let standin: DiscordStandin;
let shell: DiscordShell;
let metrics: BotMetrics;
const lines: Line[] = [];

before(async () => {
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  assert.ok(opened.ok);
  const ctx = createAppContext({ index: opened.value.index, feedback: { record: () => undefined }, commands: summarize(commands) });
  // A short heartbeat so missed ACKs are noticed in well under a second.
  standin = await DiscordStandin.start({ heartbeatIntervalMs: 250 });
  metrics = createMetrics({ defaultMetrics: false });
  const log = createLogger({
    level: 'info',
    secrets: [TOKEN],
    destination: new Writable({
      write(chunk: Buffer, _e, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
        done();
      },
    }),
  });
  shell = await startDiscord({ token: TOKEN, apiUrl: standin.apiUrl, ctx, commands, log, ws: noThrottle, observer: metrics });
});

after(async () => {
  await shell?.stop();
  await standin?.close();
});

/** The accepted callback for an interaction (faulted attempts before it are skipped). */
function answered(sent: DispatchedInteraction, timeoutMs = 6_000) {
  return sent.waitForResponse((r) => r.route === CALLBACK && r.status < 300, timeoutMs);
}

function ask(question = 'Kim Jong-un đến Nga bằng gì?'): DispatchedInteraction {
  return standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'vi', options: { question } }));
}

/** Runs `fault`, then checks the bot answers the next interaction and logged exactly `warning`, and no error. */
async function survives(warning: string, fault: () => Promise<void>): Promise<Line[]> {
  const mark = lines.length;
  await fault();
  const next = ask('Ông Putin tới Bình Nhưỡng khi nào?');
  const callback = await answered(next);
  assert.equal((callback.body as { type: number }).type, 4, 'the next interaction got its answer');
  await new Promise((resolve) => setTimeout(resolve, 50)); // a late log line would show up here
  const segment = lines.slice(mark);
  assert.deepEqual(segment.filter((l) => l.level >= 50).map((l) => l.msg), [], 'no error logged');
  assert.deepEqual(segment.filter((l) => l.level === 40).map((l) => l.msg), [warning], 'exactly one warning');
  assert.equal(shell.gatewayState, 'ready');
  return segment;
}

describe('REST faults', () => {
  test('GIVEN a 429 with retry_after 1 s on the reply WHEN a member asks THEN discord.js waits, retries and the answer arrives; one warning', async () => {
    const segment = await survives('Discord rate limit: waiting, then retrying', async () => {
      standin.failNext(CALLBACK, { status: 429, retryAfter: 1 });
      const sent = ask();
      const callback = await answered(sent);
      const statuses = sent.responses().map((r) => r.status);
      assert.deepEqual(statuses, [429, 204]);
      assert.ok(callback.receivedAt - sent.responses()[0]!.receivedAt >= 950, 'the retry waited retry_after');
    });
    const warning = segment.find((l) => l.level === 40)!;
    assert.equal(warning['retryAfter'], 1);
    assert.equal(warning['route'], '/interactions/:id/:token/callback', 'no interaction token in the log');
  });

  test('GIVEN a 500 on the reply WHEN a member asks THEN it is retried and answered; one warning', async () => {
    await survives('Discord server error: retrying', async () => {
      standin.failNext(CALLBACK, { status: 500 });
      const sent = ask();
      await answered(sent);
      assert.deepEqual(sent.responses().map((r) => r.status), [500, 204]);
    });
  });

  test('GIVEN a reply that takes 500 ms WHEN a member asks THEN it is answered within Discord\'s 3 s; one warning without the token', async () => {
    const segment = await survives('slow Discord API response', async () => {
      standin.failNext(CALLBACK, { delayMs: 500 });
      const sent = ask();
      const callback = await answered(sent);
      assert.ok(callback.receivedAt - sent.dispatchedAt < 3_000);
    });
    const warning = segment.find((l) => l.level === 40)!;
    assert.ok((warning['ms'] as number) >= 500);
    assert.match(String(warning['path']), /^\/api\/v10\/interactions\/\d+\/:token\/callback$/u);
  });

  test('GIVEN an interaction that expired before the reply (10062) WHEN the bot answers THEN it logs one warning, sends nothing more for it, and goes on', async () => {
    let expired: DispatchedInteraction | undefined;
    await survives('interaction expired before the reply', async () => {
      standin.failNext(CALLBACK, { status: 404, code: 10062 });
      expired = ask();
      await expired.waitForResponse((r) => r.route === CALLBACK);
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    assert.deepEqual(expired!.responses().map((r) => r.status), [404], 'no second attempt, no error follow-up');
  });
});

describe('gateway faults', () => {
  test('GIVEN the connection drops WHEN the bot resumes THEN the missed interaction is replayed and answered; one warning', async () => {
    let missed: DispatchedInteraction | undefined;
    await survives('gateway connection closed; reconnecting', async () => {
      const resumed = once(shell.client, Events.ShardResume);
      standin.dropConnection();
      missed = ask(); // dispatched while disconnected: replayed on RESUME
      await resumed;
      assert.equal(standin.connections.at(-1)?.path, '/resume', 'resumed on resume_gateway_url');
    });
    await answered(missed!);
  });

  test('GIVEN a RECONNECT (op 7) WHEN the bot resumes THEN it answers the next interaction; one warning', async () => {
    await survives('gateway connection closed; reconnecting', async () => {
      const resumed = once(shell.client, Events.ShardResume);
      standin.sendReconnect();
      await resumed;
    });
  });

  test('GIVEN an invalid session that cannot be resumed WHEN the bot re-identifies THEN it answers the next interaction; one warning', async () => {
    const identifies = () => standin.frames.filter((f) => f.direction === 'in' && f.op === 2).length;
    const before = identifies();
    await survives('gateway connection closed; reconnecting', async () => {
      const ready = once(shell.client, Events.ShardReady);
      standin.sendInvalidSession(false);
      await ready;
    });
    assert.equal(identifies(), before + 1, 'a new IDENTIFY');
  });

  test('GIVEN heartbeats go unacknowledged WHEN the bot notices the zombie connection THEN it reconnects, resumes and answers; one warning', async () => {
    await survives('gateway connection closed; reconnecting', async () => {
      const resumed = once(shell.client, Events.ShardResume);
      standin.stopHeartbeatAcks();
      try {
        await resumed;
      } finally {
        standin.resumeHeartbeatAcks();
      }
    });
  });

  test('GIVEN all those faults WHEN the metrics are read THEN each was counted once and the gateway is up', async () => {
    const text = await metrics.registry.metrics();
    assert.match(text, /^hoso_discord_api_problems_total\{problem="rate_limited"\} 1$/mu);
    assert.match(text, /^hoso_discord_api_problems_total\{problem="server_error"\} 1$/mu);
    assert.match(text, /^hoso_discord_api_problems_total\{problem="slow"\} 1$/mu);
    assert.match(text, /^hoso_gateway_reconnects_total 4$/mu);
    assert.match(text, /^hoso_gateway_up 1$/mu);
    assert.match(text, /^hoso_interactions_total\{kind="command",command="ask",outcome="expired"\} 1$/mu);
    assert.match(text, /^hoso_interaction_errors_total\{kind="command",command="unknown"\} 0$/mu);
    assert.doesNotMatch(text, /outcome="error"/u);
  });
});
