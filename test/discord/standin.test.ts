/**
 * Proves the Discord stand-in against the real discord.js Client: login, interactions,
 * the REST calls they cause, resume, shutdown, compression and injected faults.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { WebSocket } from 'ws';
import {
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type Interaction,
} from 'discord.js';
import {
  DiscordStandin,
  autocomplete,
  button,
  messageContextMenu,
  slashCommand,
  type RecordedRequest,
  type StandinOptions,
} from './standin.js';

const RESPONSE_BUDGET_MS = 3_000;
const CALLBACK_ROUTE = 'POST /interactions/:id/:token/callback';

interface Bot {
  standin: DiscordStandin;
  client: Client;
}

/** A stand-in plus a logged-in client; both are shut down when the test ends. */
async function startBot(t: TestContext, options: StandinOptions = {}): Promise<Bot> {
  const standin = await DiscordStandin.start(options);
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standin.apiUrl } });
  t.after(async () => {
    await client.destroy();
    await standin.close();
  });
  await Promise.all([once(client, Events.ClientReady), client.login('test-token')]);
  return { standin, client };
}

/** Runs `handler` on the next interaction; the promise carries the handler's own failure. */
function handleNext(client: Client, handler: (interaction: Interaction) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => void handler(interaction).then(resolve, reject));
  });
}

function assertWithinBudget(request: RecordedRequest, dispatchedAt: number): void {
  const elapsed = request.receivedAt - dispatchedAt;
  assert.ok(elapsed >= 0 && elapsed < RESPONSE_BUDGET_MS, `callback took ${elapsed} ms`);
}

function bodyOf(request: RecordedRequest): { type?: number; data?: Record<string, unknown> } & Record<string, unknown> {
  assert.equal(typeof request.body, 'object');
  return request.body as { type?: number; data?: Record<string, unknown> };
}

test('GIVEN the stand-in WHEN discord.js logs in with a fake token THEN it identifies over plain JSON and is ready in the guild', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);

  assert.equal(client.user?.id, standin.botUser.id);
  assert.equal(client.application?.id, standin.world.applicationId);
  const guild = client.guilds.cache.get(standin.world.guildId);
  assert.ok(guild, 'guild from GUILD_CREATE is cached');
  assert.ok(guild.roles.everyone, '@everyone role present');
  assert.ok(guild.channels.cache.get(standin.world.channelId)?.isTextBased());
  assert.ok(guild.members.me, 'the bot is a member');

  const [connection] = standin.connections;
  assert.deepEqual(connection?.query, { v: '10', encoding: 'json' }, 'no compress=zlib-stream without zlib-sync');
  const identify = standin.frames.find((f) => f.direction === 'in' && f.op === 2);
  const identifyData = identify?.d as { token?: string; intents?: number; compress?: boolean } | undefined;
  assert.equal(identifyData?.token, 'test-token');
  assert.equal(identifyData?.intents, GatewayIntentBits.Guilds);
  assert.equal(identifyData?.compress, false);

  const gatewayBot = standin.requests.find((r) => r.route === 'GET /gateway/bot');
  assert.equal(gatewayBot?.authorized, true);
  assert.equal(gatewayBot?.headers['authorization'], undefined, 'Authorization is not recorded');
});

test('GIVEN a slash command WHEN the bot replies with an embed and no mentions THEN the callback is type 4 with that embed and allowed_mentions', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);
  const handled = handleNext(client, async (interaction) => {
    assert.ok(interaction.isChatInputCommand());
    assert.equal(interaction.commandName, 'hoi');
    assert.equal(interaction.options.getString('question', true), 'Kim Jong Un đến Nga khi nào?');
    assert.equal(interaction.locale, 'vi');
    const embed = new EmbedBuilder().setTitle('Trả lời').setDescription('Tháng 9 năm 2023 [1]');
    await interaction.reply({ embeds: [embed], allowedMentions: { parse: [] } });
    const reply = await interaction.fetchReply();
    assert.equal(reply.embeds[0]?.title, 'Trả lời');
  });

  const sent = standin.dispatchInteraction(
    slashCommand({ name: 'hoi', options: { question: 'Kim Jong Un đến Nga khi nào?' }, locale: 'vi' }),
  );
  const callback = await sent.callback();
  await handled;

  assertWithinBudget(callback, sent.dispatchedAt);
  assert.equal(callback.status, 204);
  assert.equal(callback.query['with_response'], 'false');
  const body = bodyOf(callback);
  assert.equal(body.type, 4);
  assert.deepEqual(body.data?.['embeds'], [{ title: 'Trả lời', description: 'Tháng 9 năm 2023 [1]' }]);
  assert.deepEqual(body.data?.['allowed_mentions'], { parse: [] });
  const routes = sent.responses().map((r) => r.route);
  assert.deepEqual(routes, [CALLBACK_ROUTE, 'GET /webhooks/:appId/:token/messages/@original']);
});

test('GIVEN a message with a button WHEN the bot calls interaction.update THEN the callback is type 7 and the stored message changes', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);
  const handled = handleNext(client, async (interaction) => {
    assert.ok(interaction.isButton());
    assert.equal(interaction.customId, 'feedback:up');
    await interaction.update({ content: 'Cảm ơn!', components: [] });
  });

  const sent = standin.dispatchInteraction(button({ customId: 'feedback:up' }));
  const callback = await sent.callback();
  await handled;

  assertWithinBudget(callback, sent.dispatchedAt);
  const body = bodyOf(callback);
  assert.equal(body.type, 7);
  assert.equal(body.data?.['content'], 'Cảm ơn!');
  const messageId = sent.payload.message?.id ?? '';
  const stored = standin.messages.get(messageId);
  assert.equal(stored?.content, 'Cảm ơn!');
  assert.deepEqual(stored?.components, []);
  assert.notEqual(stored?.edited_timestamp, null);
});

test('GIVEN a slash command WHEN the bot defers and then edits the reply THEN a type 5 callback is followed by a PATCH of @original', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);
  const handled = handleNext(client, async (interaction) => {
    assert.ok(interaction.isChatInputCommand());
    await interaction.deferReply();
    const message = await interaction.editReply({ content: 'Xong.', allowedMentions: { parse: [] } });
    assert.equal(message.content, 'Xong.');
  });

  const sent = standin.dispatchInteraction(slashCommand({ name: 'hoi', options: { question: 'x' } }));
  const callback = await sent.callback();
  const edit = await sent.waitForResponse((r) => r.route === 'PATCH /webhooks/:appId/:token/messages/@original');
  await handled;

  assertWithinBudget(callback, sent.dispatchedAt);
  assert.equal(bodyOf(callback).type, 5);
  assert.equal(edit.status, 200);
  assert.equal(edit.authorized, false, 'interaction webhooks are called without the bot token');
  assert.equal(bodyOf(edit)['content'], 'Xong.');
  const original = [...standin.messages.values()].find((m) => m.content === 'Xong.');
  assert.equal((original?.flags ?? 0) & 128, 0, 'the loading flag is cleared by the edit');
});

test('GIVEN an autocomplete with a focused option WHEN the bot responds THEN the callback is type 8 with the choices', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);
  const handled = handleNext(client, async (interaction) => {
    assert.ok(interaction.isAutocomplete());
    assert.equal(interaction.options.getFocused(), 'kim');
    await interaction.respond([{ name: 'Kim Jong Un', value: 'kim-jong-un' }]);
  });

  const sent = standin.dispatchInteraction(
    autocomplete({ name: 'hoi', options: { question: 'kim', limit: 3 }, focused: 'question' }),
  );
  const callback = await sent.callback();
  await handled;

  assertWithinBudget(callback, sent.dispatchedAt);
  const body = bodyOf(callback);
  assert.equal(body.type, 8);
  assert.deepEqual(body.data?.['choices'], [{ name: 'Kim Jong Un', value: 'kim-jong-un' }]);
});

test('GIVEN a message context menu WHEN the bot reads the target THEN it sees the stored message', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);
  const handled = handleNext(client, async (interaction) => {
    assert.ok(interaction.isMessageContextMenuCommand());
    const response = await interaction.reply({
      content: `Đã lưu: ${interaction.targetMessage.content}`,
      flags: MessageFlags.Ephemeral,
      withResponse: true,
    });
    assert.equal(response.interaction.responseMessageEphemeral, true);
    assert.equal(response.resource?.message?.content, 'Đã lưu: Putin thăm Bình Nhưỡng');
  });

  const sent = standin.dispatchInteraction(
    messageContextMenu({ name: 'Lưu hồ sơ', targetMessage: { content: 'Putin thăm Bình Nhưỡng' } }),
  );
  const callback = await sent.callback();
  await handled;

  const body = bodyOf(callback);
  assert.equal(body.type, 4);
  assert.equal(body.data?.['content'], 'Đã lưu: Putin thăm Bình Nhưỡng');
  assert.equal(body.data?.['flags'], 64);
  assert.equal(callback.query['with_response'], 'true');
  assert.equal(callback.status, 200);
});

test('GIVEN a ready bot WHEN the connection drops and an interaction arrives meanwhile THEN the bot resumes on the resume URL and answers the replayed interaction', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);
  const sessionId = standin.sessionId;
  const seqBefore = standin.seq;
  const resumed = once(client, Events.ShardResume);
  const handled = handleNext(client, async (interaction) => {
    assert.ok(interaction.isChatInputCommand());
    await interaction.reply({ content: 'vẫn đây' });
  });

  standin.dropConnection();
  const sent = standin.dispatchInteraction(slashCommand({ name: 'hoi', options: { question: 'x' } }));
  await resumed;
  const callback = await sent.callback();
  await handled;

  const resume = standin.frames.find((f) => f.direction === 'in' && f.op === 6);
  assert.deepEqual(resume?.d, { token: 'test-token', session_id: sessionId, seq: seqBefore });
  assert.equal(standin.frames.filter((f) => f.direction === 'in' && f.op === 2).length, 1, 'no second IDENTIFY');
  assert.equal(standin.connections[1]?.path, '/resume');
  assert.deepEqual(standin.closes[0], { ...standin.closes[0], code: 1006, by: 'server' });
  assert.equal(bodyOf(callback).type, 4);
  assert.ok(standin.frames.some((f) => f.direction === 'out' && f.t === 'RESUMED'));
});

test('GIVEN a ready bot WHEN the stand-in sends op 7 RECONNECT THEN the bot closes with 4200 and resumes', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);
  const resumed = once(client, Events.ShardResume);

  standin.sendReconnect();
  await resumed;

  assert.deepEqual(standin.closes.map((c) => [c.code, c.by]), [[4200, 'client']]);
  assert.equal(standin.connections[1]?.path, '/resume');
  assert.equal(standin.frames.filter((f) => f.direction === 'in' && f.op === 6).length, 1);
});

test('GIVEN a ready bot WHEN the stand-in sends op 9 resumable THEN the bot resumes on the same socket', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);
  const resumed = once(client, Events.ShardResume);

  standin.sendInvalidSession(true);
  await resumed;

  const resume = standin.frames.find((f) => f.direction === 'in' && f.op === 6);
  assert.equal(resume?.connection, 1);
  assert.equal(standin.closes.length, 0);
});

test('GIVEN a ready bot WHEN the stand-in sends op 9 not resumable THEN the bot closes with 1000 and identifies anew', { timeout: 15_000 }, async (t) => {
  // discord.js waits 5 s between IDENTIFYs by default; this throttler lets the test skip that wait.
  const standin = await DiscordStandin.start();
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: standin.apiUrl },
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) },
  });
  t.after(async () => {
    await client.destroy();
    await standin.close();
  });
  await Promise.all([once(client, Events.ClientReady), client.login('test-token')]);
  const firstSession = standin.sessionId;

  // Wait for discord.js itself, not just our frames: destroying a client mid-connect hangs it.
  const readyAgain = once(client, Events.ShardReady);
  standin.sendInvalidSession(false);
  await readyAgain;

  assert.deepEqual(standin.closes.map((c) => [c.code, c.by]), [[1000, 'client']]);
  assert.equal(standin.frames.filter((f) => f.direction === 'in' && f.op === 2).length, 2);
  assert.notEqual(standin.sessionId, firstSession);
});

test('GIVEN a short heartbeat interval WHEN ACKs stop THEN the bot treats the link as a zombie, closes with 4200 and resumes', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t, { heartbeatIntervalMs: 150 });
  await standin.waitForFrame((f) => f.direction === 'out' && f.op === 11);

  standin.stopHeartbeatAcks();
  const close = await standin.waitForClose();
  standin.resumeHeartbeatAcks();
  await once(client, Events.ShardResume);

  assert.deepEqual([close.code, close.by], [4200, 'client']);
  const resume = standin.frames.find((f) => f.direction === 'in' && f.op === 6);
  assert.equal(resume?.connection, 2);
});

test('GIVEN a ready bot WHEN client.destroy() is called THEN the gateway is closed by the client with code 1000', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);

  await client.destroy();
  const close = await standin.waitForClose((c) => c.by === 'client');

  assert.equal(close.code, 1000);
  assert.equal(standin.connections.length, 1, 'no reconnect after destroy');
});

test('GIVEN faults injected on the callback route WHEN the bot replies THEN a 429 is retried and a 10062 surfaces as DiscordAPIError', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);

  standin.failNext(CALLBACK_ROUTE, { status: 429, retryAfter: 0.1 });
  const retried = handleNext(client, async (interaction) => {
    assert.ok(interaction.isRepliable());
    await interaction.reply({ content: 'sau khi chờ' });
  });
  const first = standin.dispatchInteraction(slashCommand({ name: 'hoi' }));
  await retried;
  assert.deepEqual(first.responses().map((r) => r.status), [429, 204]);
  assert.equal(first.responses()[0]?.headers['content-type'], 'application/json');

  standin.failNext(CALLBACK_ROUTE, { status: 404, code: 10062 });
  const failed = handleNext(client, async (interaction) => {
    assert.ok(interaction.isRepliable());
    await assert.rejects(interaction.reply({ content: 'quá muộn' }), (error: unknown) => {
      assert.ok(error instanceof DiscordAPIError);
      assert.equal(error.code, 10062);
      return true;
    });
  });
  const second = standin.dispatchInteraction(slashCommand({ name: 'hoi' }));
  await failed;
  assert.deepEqual(second.responses().map((r) => r.status), [404]);
});

test('GIVEN messages in the channel WHEN the bot pins beyond the limit or without permission THEN it gets 30003 and 50013 on the new pins route', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t, { pinLimit: 1 });
  const channel = await client.channels.fetch(standin.world.channelId);
  assert.ok(channel?.isTextBased());
  const [a, b] = [standin.seedMessage('một'), standin.seedMessage('hai')];

  await channel.messages.pin(a.id);
  const pinCode = (error: unknown) => (error instanceof DiscordAPIError ? error.code : null);
  const overLimit = await channel.messages.pin(b.id).then(() => null, pinCode);
  standin.pinsForbidden = true;
  const forbidden = await channel.messages.pin(b.id).then(() => null, pinCode);

  assert.equal(overLimit, 30003);
  assert.equal(forbidden, 50013);
  assert.equal(standin.messages.get(a.id)?.pinned, true);
  const pins = standin.requests.filter((r) => r.method === 'PUT' && r.path.includes('/pins/'));
  assert.deepEqual(pins.map((r) => r.route), Array(3).fill('PUT /channels/:channelId/messages/pins/:messageId'));
});

test('GIVEN guild commands deployed by bulk overwrite WHEN that command is invoked THEN the interaction carries the stored command id', { timeout: 15_000 }, async (t) => {
  const { standin, client } = await startBot(t);
  const deployed = await client.application?.commands.set(
    [{ name: 'hoi', description: 'Hỏi hồ sơ', options: [{ type: 3, name: 'question', description: 'q', required: true }] }],
    standin.world.guildId,
  );
  const stored = standin.commands(standin.world.guildId);
  assert.equal(stored.length, 1);
  assert.equal(deployed?.first()?.id, stored[0]?.id);

  const seen = new Promise<string>((resolve) => {
    client.once(Events.InteractionCreate, (i) => resolve(i.isChatInputCommand() ? i.commandId : ''));
  });
  standin.dispatchInteraction(slashCommand({ name: 'hoi', options: { question: 'x' } }));
  assert.equal(await seen, stored[0]?.id);
  const unknown = await fetch(`${standin.apiUrl}/v10/nope`);
  assert.equal(unknown.status, 404);
  assert.deepEqual(await unknown.json(), { message: 'Unknown route', code: 0 });
  assert.equal(standin.requests.at(-1)?.path, '/nope');
});

test('GIVEN a raw client asking for zlib-stream WHEN it identifies THEN every frame is a sync-flushed piece of one deflate stream', { timeout: 15_000 }, async (t) => {
  const standin = await DiscordStandin.start();
  t.after(() => standin.close());
  const socket = new WebSocket(`${standin.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
  t.after(() => socket.terminate());
  const chunks: Buffer[] = [];
  const binary: boolean[] = [];
  const threeFrames = new Promise<void>((resolve) => {
    socket.on('message', (data: Buffer, isBinary) => {
      chunks.push(data);
      binary.push(isBinary);
      if (chunks.length === 1) socket.send(JSON.stringify({ op: 2, d: { token: 't', intents: 1, properties: {} } }));
      if (chunks.length === 3) resolve(); // HELLO, READY, GUILD_CREATE
    });
  });

  await threeFrames;

  assert.deepEqual(binary, [true, true, true]);
  for (const chunk of chunks) assert.deepEqual([...chunk.subarray(-4)], [0, 0, 0xff, 0xff]);
  const text = zlib.inflateSync(Buffer.concat(chunks), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
  const payloads = text.split(/(?<=\})(?=\{"op")/).map((part) => JSON.parse(part) as { op: number; t: string | null });
  assert.deepEqual(payloads.map((p) => p.t ?? p.op), [10, 'READY', 'GUILD_CREATE']);
});
