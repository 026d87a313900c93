/**
 * The router's guarantees, through the stand-in with the real discord.js client: slow handlers
 * are deferred in time, failing handlers answer ephemerally (reply or follow-up) and log one line,
 * a failing autocomplete still responds, and a rejected callback never crashes the bot.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { SlashCommandBuilder } from 'discord.js';
import { createAppContext } from '../../src/app/context.js';
import { notice } from '../../src/app/reply.js';
import { startDiscord, type DiscordShell } from '../../src/discord/client.js';
import { commands as realCommands } from '../../src/discord/commands/index.js';
import type { Command } from '../../src/discord/commands/types.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.js';
import { DiscordStandin, autocomplete, slashCommand, type RecordedRequest } from './standin.js';

const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.router-test-token_0123456789abcdef';
const DEFER_AFTER_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const slow: Command = {
  data: new SlashCommandBuilder().setName('slow').setDescription('slow'),
  ephemeral: () => true,
  async execute() {
    await sleep(DEFER_AFTER_MS * 3);
    return { embeds: [{ description: ['done slowly'] }], components: [], ephemeral: true, mentionUserIds: [] };
  },
};

const broken: Command = {
  data: new SlashCommandBuilder().setName('broken').setDescription('broken').addStringOption((o) => o.setName('q').setDescription('q').setAutocomplete(true)),
  execute() {
    throw new Error('handler exploded');
  },
  autocomplete() {
    throw new Error('autocomplete exploded');
  },
};

const lateFailure: Command = {
  data: new SlashCommandBuilder().setName('late').setDescription('late'),
  async execute() {
    await sleep(DEFER_AFTER_MS * 3);
    throw new Error('failed after deferring');
  },
};

const quick: Command = {
  data: new SlashCommandBuilder().setName('quick').setDescription('quick'),
  execute: () => ({ ...notice(['quick']), ephemeral: false }),
};

let standin: DiscordStandin;
let shell: DiscordShell;
const lines: string[] = [];

before(async () => {
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  assert.ok(opened.ok);
  const ctx = createAppContext({ index: opened.value.index, feedback: { record: () => undefined } });
  standin = await DiscordStandin.start();
  const log = createLogger({
    level: 'info',
    secrets: [TOKEN],
    destination: new Writable({ write(c: Buffer, _e, done) { lines.push(...c.toString().split('\n').filter(Boolean)); done(); } }),
  });
  shell = await startDiscord({
    token: TOKEN, apiUrl: standin.apiUrl, ctx, log, deferAfterMs: DEFER_AFTER_MS,
    commands: [...realCommands, slow, broken, lateFailure, quick],
  });
});

after(async () => {
  await shell?.stop();
  await standin?.close();
});

const routeOf = (r: RecordedRequest) => r.route;
const body = (r: RecordedRequest) => r.body as { type?: number; data?: { flags?: number; embeds?: { description?: string }[] }; flags?: number; embeds?: { description?: string }[] };

test('GIVEN a handler slower than the deferral threshold WHEN invoked THEN it is deferred at once (ephemeral) and the answer edits @original', async () => {
  const sent = standin.dispatchInteraction(slashCommand({ name: 'slow' }));
  const callback = await sent.callback();
  const edit = await sent.waitForResponse((r) => r.route === 'PATCH /webhooks/:appId/:token/messages/@original');
  assert.equal(body(callback).type, 5, 'DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE');
  assert.equal(body(callback).data?.flags, 64);
  assert.ok(callback.receivedAt - sent.dispatchedAt < DEFER_AFTER_MS * 3, 'acknowledged before the handler finished');
  assert.equal(body(edit).embeds?.[0]?.description, 'done slowly');
});

test('GIVEN a handler that throws WHEN invoked THEN the member gets an ephemeral error and one line is logged with id, command and error', async () => {
  const sent = standin.dispatchInteraction(slashCommand({ name: 'broken', locale: 'vi' }));
  const callback = await sent.callback();
  assert.equal(body(callback).type, 4);
  assert.equal(body(callback).data?.flags, 64);
  assert.match(body(callback).data?.embeds?.[0]?.description ?? '', /Xin lỗi/u);
  await sleep(20);
  const logged = lines.filter((l) => l.includes(sent.id));
  assert.equal(logged.length, 1);
  const line = JSON.parse(logged[0]!) as { interactionId: string; command: string; err: { message: string } };
  assert.deepEqual([line.interactionId, line.command, line.err.message], [sent.id, 'broken', 'handler exploded']);
});

test('GIVEN a handler that fails after the deferral WHEN invoked THEN the error arrives as an ephemeral follow-up', async () => {
  const sent = standin.dispatchInteraction(slashCommand({ name: 'late' }));
  const followUp = await sent.waitForResponse((r) => r.route === 'POST /webhooks/:appId/:token');
  assert.deepEqual(sent.responses().map(routeOf).slice(0, 2), ['POST /interactions/:id/:token/callback', 'POST /webhooks/:appId/:token']);
  assert.equal((body(followUp).flags ?? 0) & 64, 64);
  assert.match(body(followUp).embeds?.[0]?.description ?? '', /something went wrong/u);
});

test('GIVEN an autocomplete that throws WHEN invoked THEN it still responds, with no choices', async () => {
  const sent = standin.dispatchInteraction(autocomplete({ name: 'broken', options: { q: 'x' }, focused: 'q' }));
  const callback = await sent.callback();
  assert.equal(body(callback).type, 8);
  assert.deepEqual((callback.body as { data?: { choices?: unknown[] } }).data?.choices, []);
});

test('GIVEN Discord rejects the callback WHEN a command answers THEN the bot logs one line, tries the ephemeral error, and keeps serving', async () => {
  // 400 is not retried by discord.js (5xx would be), so the second callback is the router's error notice.
  standin.failNext('POST /interactions/:id/:token/callback', { status: 400, code: 50035, message: 'Invalid Form Body' }, 1);
  const failed = standin.dispatchInteraction(slashCommand({ name: 'quick' }));
  await failed.waitForResponse((r) => r.status === 400);
  const retry = await failed.waitForResponse((r) => r.status < 300);
  assert.equal((body(retry).data?.flags ?? 0) & 64, 64, 'the error notice is ephemeral');
  assert.match(body(retry).data?.embeds?.[0]?.description ?? '', /something went wrong/u);
  assert.equal(lines.filter((l) => l.includes(failed.id)).length, 1);
  const next = standin.dispatchInteraction(slashCommand({ name: 'quick' }));
  const callback = await next.callback();
  assert.equal(callback.status, 204, 'the bot is still answering');
});

test('GIVEN a command that is no longer registered here WHEN invoked THEN it answers ephemerally rather than failing', async () => {
  const sent = standin.dispatchInteraction(slashCommand({ name: 'gone' }));
  const callback = await sent.callback();
  assert.equal(body(callback).data?.flags, 64);
  assert.match(body(callback).data?.embeds?.[0]?.description ?? '', /no longer supported/u);
});
