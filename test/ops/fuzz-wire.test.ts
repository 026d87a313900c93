/**
 * Fuzz on the wire: a few hundred seeded hostile interactions sent over the stand-in's gateway to
 * the real bot (startDiscord, discord.js, the real store), with a restart in the middle. Checks
 * what arrived over HTTP: one accepted callback per interaction, every request accepted by the
 * stand-in, every payload within Discord's limits, allowed_mentions.parse always [], users only
 * those `mention` allows, no error logged.
 *
 * Replay: FUZZ_SEED=<seed> [FUZZ_WIRE_CASES=<n>] node --test dist/test/ops/fuzz-wire.test.js
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createAppContext } from '../../src/app/context.js';
import { storeFeedbackSink } from '../../src/app/feedback-store.js';
import { startDiscord, type DiscordShell } from '../../src/discord/client.js';
import { commands, summarize } from '../../src/discord/commands/index.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.js';
import { withAnswerCounts, type CountingStore } from '../../src/store/answer-count.js';
import { openStore } from '../../src/store/index.js';
import { DiscordStandin, type DispatchedInteraction } from '../discord/standin.js';
import { callbackViolations, messageViolations, type WireCallback, type WireMessage } from './discord-limits.js';
import { describeCase, FuzzStream, storedMessage, type FuzzCase } from './fuzz-harness.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_125);
const CASES = Number(process.env['FUZZ_WIRE_CASES'] ?? 240);
const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.wire-fuzz-token_0123456789abcdef';
const CALLBACK = 'POST /interactions/:id/:token/callback';
const noThrottle = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) };

test(`GIVEN ${CASES} seeded hostile interactions WHEN sent over the stand-in to the real bot, restarted half-way THEN every request it makes is accepted and within Discord's limits, pinging no one it should not`, { timeout: 90_000 }, async (t) => {
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  assert.ok(opened.ok);
  const index = opened.value.index;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-wire-fuzz-'));
  const standin = await DiscordStandin.start();
  const lines: { level: number; msg: string }[] = [];
  const log = createLogger({
    level: 'info',
    secrets: [TOKEN],
    destination: new Writable({
      write(chunk: Buffer, _e, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { level: number; msg: string });
        done();
      },
    }),
  });
  let store: CountingStore | undefined;
  let shell: DiscordShell | undefined;
  t.after(async () => {
    await shell?.stop({ drainMs: 1_000 });
    store?.close();
    await standin.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const boot = async () => {
    store = withAnswerCounts(openStore(path.join(dir, 'hoso.db')));
    const ctx = createAppContext({ index, feedback: storeFeedbackSink(store.feedback), commands: summarize(commands), store });
    shell = await startDiscord({ token: TOKEN, apiUrl: standin.apiUrl, ctx, commands, log, ws: noThrottle });
  };
  await boot();

  const stream = new FuzzStream(SEED, commands, standin);
  t.diagnostic(`wire fuzz seed ${SEED}, ${CASES} cases (replay: FUZZ_SEED=${SEED})`);
  const started = performance.now();
  const sent: { c: FuzzCase; d: DispatchedInteraction }[] = [];
  for (let i = 0; i < CASES; i++) {
    if (i === Math.floor(CASES / 2)) {
      await shell!.stop();
      store!.close();
      await boot();
      stream.restarted();
    }
    const c = stream.next();
    const d = standin.dispatchInteraction(c.spec);
    sent.push({ c, d });
    const fail = (why: string) => assert.fail(`wire fuzz seed ${SEED}, case ${describeCase(c)}\n${why}\nreplay: FUZZ_SEED=${SEED} FUZZ_WIRE_CASES=${c.n} node --test dist/test/ops/fuzz-wire.test.js`);
    let callback;
    try {
      callback = await d.callback(5_000);
    } catch (err) {
      fail(`no callback: ${String(err)}`);
      return;
    }
    const body = callback.body as WireCallback;
    if (body.type === 4 || body.type === 7) {
      // Press later on the message as the stand-in stored it (a reply is new, an update keeps its id).
      const stored = storedMessage(standin, body.data);
      if (stored) stream.issued(body.data, stored);
    }
  }
  // Follow-ups and edits come after the callback: let the last ones land, then check everything.
  await new Promise((resolve) => setTimeout(resolve, 300));
  let requests = 0;
  for (const { c, d } of sent) {
    const fail = (why: string) => assert.fail(`wire fuzz seed ${SEED}, case ${describeCase(c)}\n${why}`);
    const responses = d.responses();
    requests += responses.length;
    const callbacks = responses.filter((r) => r.route === CALLBACK);
    if (callbacks.length !== 1) fail(`${callbacks.length} callbacks: ${responses.map((r) => `${r.method} ${r.route} ${r.status}`).join(', ')}`);
    const refused = responses.filter((r) => r.status >= 300);
    if (refused.length > 0) fail(`the stand-in refused: ${refused.map((r) => `${r.method} ${r.route} -> ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`).join('; ')}`);
    const problems = callbackViolations(callbacks[0]!.body as WireCallback, c.allowedUsers);
    for (const r of responses.filter((x) => x !== callbacks[0])) problems.push(...messageViolations(r.body as WireMessage, c.allowedUsers, r.method === 'PATCH').map((p) => `${r.method} ${r.route}: ${p}`));
    if (problems.length > 0) fail(`the answer breaks Discord's rules:\n  ${problems.join('\n  ')}`);
  }
  const others = standin.requests.filter((r) => r.interactionId === null && r.status >= 300);
  assert.deepEqual(others.map((r) => `${r.method} ${r.path} ${r.status}`), [], 'no other request refused');
  const errors = lines.filter((l) => l.level >= 50);
  assert.deepEqual(errors, [], 'no error logged');
  t.diagnostic(`wire fuzz: ${CASES} cases, ${requests} requests, ${Math.round(performance.now() - started)} ms (seed ${SEED}); warnings ${lines.filter((l) => l.level === 40).length}`);
});
