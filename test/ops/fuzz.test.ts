/**
 * Fuzz, in process: thousands of seeded hostile interactions through the real router, handlers,
 * renderer and discord.js (interaction objects built from gateway payloads; the REST client
 * swapped for a recorder, so what is checked is exactly the JSON discord.js would send).
 * Every case: no exception escapes, no error is logged, exactly one answer, every answer within
 * Discord's limits, allowed_mentions that can ping no one the case does not allow.
 *
 * Replay: FUZZ_SEED=<seed> [FUZZ_CASES=<n>] node --test dist/test/ops/fuzz.test.js
 * (the failure message names the seed and the case number).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Client, Events, GatewayIntentBits, type Interaction, type RequestData, type RouteLike } from 'discord.js';
import { createAppContext } from '../../src/app/context.js';
import { Cooldown } from '../../src/app/cooldown.js';
import { storeFeedbackSink } from '../../src/app/feedback-store.js';
import { commands, summarize } from '../../src/discord/commands/index.js';
import { Router } from '../../src/discord/router.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.js';
import { withAnswerCounts } from '../../src/store/answer-count.js';
import { openStore } from '../../src/store/index.js';
import { DiscordStandin } from '../discord/standin.js';
import { callbackViolations, messageViolations, type WireCallback, type WireMessage } from './discord-limits.js';
import { describeCase, FuzzStream, type CaseKind } from './fuzz-harness.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_125);
const CASES = Number(process.env['FUZZ_CASES'] ?? 6_000);
const RESTART_EVERY = 1_500;
const CASE_TIMEOUT_MS = 5_000;

interface Sent {
  readonly method: string;
  readonly route: string;
  readonly body: unknown;
}

let standin: DiscordStandin;
let client: Client;
const sent: Sent[] = [];
const logLines: { level: number; msg: string }[] = [];

before(async () => {
  standin = await DiscordStandin.start();
  client = new Client({ intents: [GatewayIntentBits.Guilds], allowedMentions: { parse: [], repliedUser: false } });
  // The REST client records instead of sending; bodies go through JSON as on the wire.
  const record = (method: string) => async (route: RouteLike, options?: RequestData): Promise<unknown> => {
    sent.push({ method, route: String(route), body: options?.body === undefined ? null : JSON.parse(JSON.stringify(options.body)) });
    if (String(route).startsWith('/interactions/')) return undefined;
    return { id: '1', channel_id: standin.world.channelId, type: 0, content: '', author: standin.botUser, embeds: [], components: [], attachments: [], mentions: [], mention_roles: [], timestamp: new Date().toISOString() };
  };
  client.rest.post = record('POST');
  client.rest.patch = record('PATCH');
  client.rest.put = record('PUT');
  client.rest.delete = record('DELETE');
  client.rest.get = record('GET');
});

after(async () => {
  await client?.destroy();
  await standin?.close();
});

/** Builds the discord.js interaction the gateway would emit for this payload. */
function toInteraction(payload: unknown): Interaction {
  let built: Interaction | undefined;
  const take = (i: Interaction) => (built = i);
  client.once(Events.InteractionCreate, take);
  (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions.InteractionCreate.handle(payload);
  client.off(Events.InteractionCreate, take);
  if (!built) throw new Error('discord.js built no interaction for the payload');
  return built;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]);
}

test(`GIVEN ${CASES} seeded hostile interactions WHEN each goes through the real router THEN none throws or logs an error, each gets one answer within Discord's limits that pings no one it should not`, { timeout: 120_000 }, async (t) => {
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  assert.ok(opened.ok);
  const index = opened.value.index;
  const log = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _e, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as { level: number; msg: string });
        done();
      },
    }),
  });
  let now = 1_700_000_000_000;
  const clock = () => now;
  // The real store (votes, quizzes, scores) in a temp folder; a restart reopens the same file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-fuzz-'));
  let store = withAnswerCounts(openStore(path.join(dir, 'hoso.db')));
  t.after(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const boot = () =>
    new Router({
      commands,
      ctx: createAppContext({ index, feedback: storeFeedbackSink(store.feedback), commands: summarize(commands), store, clock }),
      log,
      cooldown: new Cooldown({ limit: 5, windowMs: 10_000, now: clock }),
      buttonCooldown: new Cooldown({ limit: 20, windowMs: 10_000, now: clock }),
    });
  let router = boot();
  const stream = new FuzzStream(SEED, commands, standin);
  const kinds = new Map<CaseKind, number>();
  const targets = new Map<string, number>();
  const callbackTypes = new Map<number, number>();
  let refusedForSpeed = 0;
  t.diagnostic(`fuzz seed ${SEED}, ${CASES} cases (replay: FUZZ_SEED=${SEED})`);
  const started = performance.now();

  for (let i = 0; i < CASES; i++) {
    if (i > 0 && i % RESTART_EVERY === 0) {
      store.close();
      store = withAnswerCounts(openStore(path.join(dir, 'hoso.db')));
      router = boot();
      stream.restarted();
    }
    now += 100 + stream.rng.int(600);
    const c = stream.next();
    kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    const target = c.spec.kind === 'button' ? c.spec.customId.split(':').slice(0, 2).join(':') : c.spec.kind === 'slash' || c.spec.kind === 'messageContextMenu' ? c.spec.name : undefined;
    if (target !== undefined && c.kind !== 'button-forged' && c.kind !== 'unknown-command') targets.set(target, (targets.get(target) ?? 0) + 1);
    const fail = (why: string) => assert.fail(`fuzz seed ${SEED}, case ${describeCase(c)}\n${why}\nreplay: FUZZ_SEED=${SEED} FUZZ_CASES=${c.n} node --test dist/test/ops/fuzz.test.js`);
    const firstLog = logLines.length;
    const firstSent = sent.length;
    let interaction: Interaction;
    try {
      interaction = toInteraction(standin.buildInteraction(c.spec));
    } catch (err) {
      fail(`discord.js could not build the interaction: ${String(err)}`);
      return;
    }
    try {
      await withTimeout(router.handle(interaction), CASE_TIMEOUT_MS, 'router.handle');
    } catch (err) {
      fail(`an exception escaped the router: ${err instanceof Error ? err.stack : String(err)}`);
    }
    const errors = logLines.slice(firstLog).filter((l) => l.level >= 50);
    if (errors.length > 0) fail(`logged an error: ${JSON.stringify(errors).slice(0, 3_000)}`);
    const mine = sent.slice(firstSent);
    const callbacks = mine.filter((s) => s.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/u.test(s.route));
    if (callbacks.length !== 1) fail(`expected exactly one callback, got ${callbacks.length}: ${JSON.stringify(mine).slice(0, 2_000)}`);
    const callback = callbacks[0]!.body as WireCallback;
    callbackTypes.set(callback.type ?? -1, (callbackTypes.get(callback.type ?? -1) ?? 0) + 1);
    const wantType = c.spec.kind === 'autocomplete' ? [8] : c.spec.kind === 'button' ? [4, 5, 6, 7] : [4, 5];
    if (!wantType.includes(callback.type ?? -1)) fail(`callback type ${callback.type} for a ${c.spec.kind}`);
    const problems = callbackViolations(callback, c.allowedUsers);
    for (const other of mine.filter((s) => s !== callbacks[0])) {
      // Edits of the deferred original and follow-ups (a quiz answer's private note).
      problems.push(...messageViolations(other.body as WireMessage, c.allowedUsers, other.method === 'PATCH').map((p) => `${other.method} ${other.route.replace(/\/[^/]{60,}/u, '/:token')}: ${p}`));
    }
    if (problems.length > 0) fail(`the answer breaks Discord's rules:\n  ${problems.join('\n  ')}\nbody: ${JSON.stringify(callback).slice(0, 2_000)}`);
    if (logLines.slice(firstLog).some((l) => l.msg === 'member over the cooldown')) refusedForSpeed++;
    if (callback.type === 4 || callback.type === 7) {
      const message = c.spec.kind === 'button' && callback.type === 7 && typeof c.spec.message === 'object' ? c.spec.message : undefined;
      stream.issued(callback.data, message);
    }
    for (const other of mine.filter((s) => s.method === 'POST' && s.route.startsWith('/webhooks/'))) stream.issued(other.body as WireMessage);
  }

  const ms = Math.round(performance.now() - started);
  const warnings = logLines.filter((l) => l.level === 40);
  t.diagnostic(`fuzz: ${CASES} cases in ${ms} ms (seed ${SEED}, ${stream.restarts} restarts); kinds ${JSON.stringify(Object.fromEntries(kinds))}; callback types ${JSON.stringify(Object.fromEntries(callbackTypes))}; commands and buttons ${JSON.stringify(Object.fromEntries(targets))}; members newly over the cooldown ${refusedForSpeed}; warnings ${warnings.length}`);
  assert.ok((kinds.get('button') ?? 0) + (kinds.get('button-again') ?? 0) > CASES / 20, 'real buttons were pressed');
  assert.ok((kinds.get('button-after-restart') ?? 0) > 0, 'buttons were pressed after a restart');
  assert.ok((kinds.get('button-other-member') ?? 0) > 0, 'buttons were pressed by another member');
  assert.ok(refusedForSpeed > 0, 'the cooldown was reached');
  assert.deepEqual(warnings.map((w) => w.msg), [], 'no warnings either');
});
