/**
 * /summary (with Post & pin), /timeline, /quiz and /leaderboard end to end: the real discord.js
 * client logged in to the Discord stand-in, a real store in a temporary DATA_DIR. Asserts on what
 * the stand-in received (callbacks, follow-ups, channel posts, pins) and on what the store holds.
 * Every message the bot sends is checked to ping no one.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import pino from 'pino';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { storeFeedbackSink } from '../../src/app/feedback-store.js';
import { startDiscord, type DiscordShell } from '../../src/discord/client.js';
import { commands, summarize } from '../../src/discord/commands/index.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { DEFAULT_CORPUS_DIR, storeFileIn } from '../../src/paths.js';
import { withAnswerCounts, type CountingStore } from '../../src/store/answer-count.js';
import { openStore } from '../../src/store/index.js';
import { autocomplete, button, DiscordStandin, slashCommand, type DispatchedInteraction, type RecordedRequest } from './standin.js';

const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.dossier-e2e-token-not-real_0123456789';
const EPHEMERAL = 64;
const NO_PINGS = { parse: [], users: [], roles: [], replied_user: false };
const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory
  | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.UseApplicationCommands;
const MAY_PIN = MEMBER | PermissionFlagsBits.PinMessages;
const ALICE = { id: '100000000000000001', username: 'alice' };
const BOB = { id: '100000000000000002', username: 'bob' };
const CAROL = { id: '100000000000000003', username: 'carol' };

interface Body {
  type: number;
  data?: {
    content?: string;
    embeds?: { author?: { name: string }; title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
    components?: { components: { custom_id: string; label: string; disabled?: boolean }[] }[];
    flags?: number;
    allowed_mentions?: unknown;
  };
}

let dir: string;
let store: CountingStore;
let ctx: AppContext;
let standin: DiscordStandin;
let shell: DiscordShell;
/** Added to the clock: moving it past a quiz's expiry. */
let clockOffset = 0;

before(async () => {
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  assert.ok(opened.ok, 'the corpus opens');
  dir = mkdtempSync(join(tmpdir(), 'hoso-dossier-e2e-'));
  store = withAnswerCounts(openStore(storeFileIn(dir)));
  ctx = createAppContext({
    index: opened.value.index, feedback: storeFeedbackSink(store.feedback), commands: summarize(commands), store,
    clock: () => Date.now() + clockOffset,
  });
  standin = await DiscordStandin.start();
  shell = await startDiscord({ token: TOKEN, apiUrl: standin.apiUrl, ctx, commands, log: pino({ level: 'silent' }) });
});

after(async () => {
  await shell?.stop();
  await standin?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function callbackOf(sent: DispatchedInteraction): Promise<Body> {
  const request = await sent.callback();
  assert.ok(request.status < 300, `callback accepted (status ${request.status})`);
  const body = request.body as Body;
  if (body.data) assert.deepEqual(body.data.allowed_mentions, NO_PINGS, 'the callback pings no one');
  return body;
}

/** The follow-up the bot sent for an interaction (a quiz press's private result). */
async function followUpOf(sent: DispatchedInteraction): Promise<Body['data'] & object> {
  const request = await sent.waitForResponse((r) => r.route === 'POST /webhooks/:appId/:token');
  assert.ok(request.status < 300);
  const data = request.body as NonNullable<Body['data']>;
  assert.deepEqual(data.allowed_mentions, NO_PINGS, 'the follow-up pings no one');
  return data;
}

function customIds(body: Body): string[] {
  return (body.data?.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));
}

/** The message a callback created, as the stand-in stored it (the newest with the same embeds). */
function storedReply(body: Body): APIMessage {
  const embeds = JSON.stringify(body.data?.embeds ?? []);
  const found = [...standin.messages.values()].reverse().find((m) => m.webhook_id !== undefined && JSON.stringify(m.embeds) === embeds);
  assert.ok(found, 'the reply was stored as a message');
  return found;
}

/** Requests made after `mark` (a request count taken before dispatching). */
function since(mark: number, route: string): RecordedRequest[] {
  return standin.requests.slice(mark).filter((r) => r.route === route);
}

const POST = 'POST /channels/:channelId/messages';
const PIN = 'PUT /channels/:channelId/messages/pins/:messageId';

async function summaryReply(locale: 'vi' | 'en-US', options: Record<string, string | number> = {}): Promise<{ body: Body; message: APIMessage; pinId: string }> {
  const body = await callbackOf(standin.dispatchInteraction(slashCommand({ name: 'summary', subcommand: 'create', locale, options })));
  const [pinId] = customIds(body);
  assert.ok(pinId, 'a Post & pin button');
  return { body, message: storedReply(body), pinId };
}

describe('/summary', () => {
  test('GIVEN /summary create with a topic WHEN run THEN an ephemeral summary has [n] markers, a sources list and a Post & pin button', async () => {
    const { body } = await summaryReply('vi', { topic: 'tàu bọc thép', length: 4 });
    assert.equal(body.type, 4);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL, 'only the member sees it');
    const embed = body.data?.embeds?.[0];
    assert.equal(embed?.author?.name, 'tàu bọc thép');
    assert.match(embed?.description ?? '', /\. \[1\]\n/u, 'a sentence followed by its marker');
    assert.match(embed?.description ?? '', /\n\nNguồn:\n\[1\] «.+» · .+ · đoạn \d+\/\d+/u, 'sources with title, date, paragraph');
    assert.ok((embed?.description ?? '').length <= 4096);
    assert.equal(body.data?.components?.[0]?.components[0]?.label, 'Đăng và ghim');
    assert.match(customIds(body)[0] ?? '', /^summary:pin:1:/u);
  });

  test('GIVEN a member allowed to pin WHEN Post & pin is pressed THEN the summary is posted pinging no one, pinned through PUT …/messages/pins/:id, recorded, and listed by /summary recent', async () => {
    const { message, pinId } = await summaryReply('en-US');
    const mark = standin.requests.length;
    const sent = standin.dispatchInteraction(button({ customId: pinId, message, permissions: MAY_PIN }));
    const body = await callbackOf(sent);
    assert.equal(body.type, 7, 'the ephemeral summary is updated in place');
    assert.equal(body.data?.content, 'Posted and pinned in the channel.');
    assert.deepEqual(customIds(body), [], 'no button left to post it twice');

    const [post] = since(mark, POST);
    assert.ok(post && post.status === 200 && post.authorized, 'posted in the channel by the bot');
    const posted = post.body as NonNullable<Body['data']>;
    assert.deepEqual(posted.allowed_mentions, NO_PINGS, 'the post pings no one');
    assert.equal(posted.content, `Summary pinned by <@${standin.world.userId}>.`);
    assert.match(posted.embeds?.[0]?.description ?? '', /\[1\]/u);
    const [pin] = since(mark, PIN);
    assert.equal(pin?.status, 204, 'pinned');
    const messageId = pin!.params['messageId']!;
    assert.equal(standin.messages.get(messageId)?.pinned, true);
    assert.equal(standin.messages.get(messageId)?.content, posted.content, 'the pinned message is the posted one');

    const [recorded] = store.summaries.recentPinnedSummaries(standin.world.guildId, 1);
    assert.equal(recorded?.messageId, messageId);
    assert.equal(recorded?.pinnedBy, standin.world.userId);
    assert.equal(recorded?.channelId, standin.world.channelId);
    assert.equal(recorded?.dossierVersion, ctx.index.dossier.version);

    const recent = await callbackOf(standin.dispatchInteraction(slashCommand({ name: 'summary', subcommand: 'recent' })));
    assert.equal((recent.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.match(recent.data?.embeds?.[0]?.description ?? '', new RegExp(`whole dossier · pinned by <@${standin.world.userId}> · https://discord\\.com/channels/${standin.world.guildId}/${standin.world.channelId}/${messageId}`, 'u'));
  });

  test('GIVEN a member without Pin Messages WHEN Post & pin is pressed THEN nothing is posted and they are told why', async () => {
    const { message, pinId } = await summaryReply('vi');
    const mark = standin.requests.length;
    const body = await callbackOf(standin.dispatchInteraction(button({ customId: pinId, message, locale: 'vi', permissions: MEMBER | PermissionFlagsBits.ManageMessages })));
    assert.equal(body.type, 4);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.match(body.data?.embeds?.[0]?.description ?? '', /Bạn cần quyền «Ghim tin nhắn» \(Pin Messages\) trong kênh này/u);
    assert.deepEqual(since(mark, POST), [], 'no post');
    assert.deepEqual(since(mark, PIN), [], 'no pin');
  });

  test('GIVEN the bot lacks Pin Messages in the channel (Manage Messages is not enough) WHEN pressed THEN nothing is posted and the missing permission is named', async () => {
    const { message, pinId } = await summaryReply('en-US');
    const mark = standin.requests.length;
    const body = await callbackOf(standin.dispatchInteraction(button({
      customId: pinId, message, permissions: MAY_PIN, appPermissions: MEMBER | PermissionFlagsBits.ManageMessages,
    })));
    assert.equal(body.type, 4);
    assert.match(body.data?.embeds?.[0]?.description ?? '', /^The bot lacks permissions in this channel: Pin Messages\. Ask an admin/u);
    assert.deepEqual(since(mark, POST), []);
  });

  test('GIVEN the channel’s pin limit is reached WHEN pressed THEN the summary is posted, the member learns it could not be pinned and why, and nothing is recorded', async () => {
    const { message, pinId } = await summaryReply('en-US');
    const recorded = store.summaries.recentPinnedSummaries(standin.world.guildId, 100).length;
    const pinned = [...standin.messages.values()].filter((m) => m.pinned).length;
    standin.pinLimit = pinned;
    try {
      const mark = standin.requests.length;
      const body = await callbackOf(standin.dispatchInteraction(button({ customId: pinId, message, permissions: MAY_PIN })));
      assert.equal(since(mark, POST).length, 1, 'posted');
      const [pin] = since(mark, PIN);
      assert.equal(pin?.status, 400, 'Discord refused the pin (30003)');
      assert.equal(body.type, 4);
      assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
      assert.match(body.data?.embeds?.[0]?.description ?? '', /^Posted the summary, but could not pin it: the channel already has the most pins Discord allows\./u);
      assert.equal(store.summaries.recentPinnedSummaries(standin.world.guildId, 100).length, recorded);
    } finally {
      standin.pinLimit = 250;
    }
  });

  test('GIVEN Discord answers the pin with 50013 WHEN pressed THEN the member learns the summary is posted but not pinned for lack of permission', async () => {
    const { message, pinId } = await summaryReply('vi');
    standin.pinsForbidden = true;
    try {
      const body = await callbackOf(standin.dispatchInteraction(button({ customId: pinId, message, locale: 'vi', permissions: MAY_PIN })));
      assert.match(body.data?.embeds?.[0]?.description ?? '', /^Đã đăng bản tóm tắt nhưng chưa ghim được: bot thiếu quyền «Ghim tin nhắn»/u);
    } finally {
      standin.pinsForbidden = false;
    }
  });
});

describe('autocomplete under subcommands', () => {
  const choicesOf = async (sent: DispatchedInteraction) => {
    const request = await sent.callback();
    const body = request.body as { type: number; data?: { choices?: { name: string; value: string }[] } };
    assert.equal(body.type, 8, 'an autocomplete result');
    return body.data?.choices ?? [];
  };

  test('GIVEN /summary create and /quiz play WHEN the topic and the article autocomplete THEN names from the dossier and article ids come back', async () => {
    const topics = await choicesOf(standin.dispatchInteraction(autocomplete({ name: 'summary', subcommand: 'create', options: { topic: 'Vlad' }, focused: 'topic' })));
    assert.ok(topics.some((c) => /Vladimir Putin|Vladivostok/u.test(c.value)), JSON.stringify(topics));
    assert.ok(topics.length <= 25);
    const articles = await choicesOf(standin.dispatchInteraction(autocomplete({ name: 'quiz', subcommand: 'play', options: { article: 'khasan' }, focused: 'article' })));
    assert.deepEqual(articles.map((c) => c.value), ['2023-09-kim-jong-un-toi-khasan']);
  });
});

describe('/timeline', () => {
  test('GIVEN /timeline WHEN Next is pressed THEN page 2 replaces page 1 in place', async () => {
    const first = await callbackOf(standin.dispatchInteraction(slashCommand({ name: 'timeline' })));
    assert.equal((first.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.match(first.data?.embeds?.[0]?.footer?.text ?? '', /^Page 1 of \d+ · \d+ events/u);
    assert.match(first.data?.embeds?.[0]?.description ?? '', /^\*\*.+\*\* — .+ — «.+» · .+ · (paragraph \d+ of \d+|photo caption \d+)/u);
    const [previous, next] = first.data?.components?.[0]?.components ?? [];
    assert.equal(previous?.disabled, true);
    const second = await callbackOf(standin.dispatchInteraction(button({ customId: next!.custom_id, message: storedReply(first) })));
    assert.equal(second.type, 7);
    assert.match(second.data?.embeds?.[0]?.footer?.text ?? '', /^Page 2 of/u);
    assert.notEqual(second.data?.embeds?.[0]?.description, first.data?.embeds?.[0]?.description);
  });
});

describe('/quiz and /leaderboard', () => {
  let quizMessageId = '';
  let questionId = '';
  let right = '';
  let wrong = '';
  const press = (letter: string, user: typeof ALICE) =>
    standin.dispatchInteraction(button({ customId: `quiz:answer:1:${questionId}:${letter}`, message: quizMessageId, user }));

  test('GIVEN /quiz play WHEN run THEN a public question with buttons A-D is posted and stored', async () => {
    const body = await callbackOf(standin.dispatchInteraction(slashCommand({ name: 'quiz', subcommand: 'play', user: ALICE })));
    assert.equal(body.type, 4);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, 0, 'for the whole channel');
    const ids = customIds(body);
    assert.equal(ids.length, 4);
    assert.deepEqual(ids.map((id) => id.split(':').at(-1)), ['A', 'B', 'C', 'D']);
    questionId = ids[0]!.split(':')[3]!;
    const question = store.quiz.getQuizQuestion(questionId);
    assert.ok(question, 'recorded in the store');
    assert.equal(question.channelId, standin.world.channelId);
    right = 'ABCD'[question.correctIndex]!;
    wrong = 'ABCD'[(question.correctIndex + 1) % 4]!;
    quizMessageId = storedReply(body).id;
    assert.match(body.data?.embeds?.[0]?.footer?.text ?? '', /no answers yet/u);
  });

  test('GIVEN the quiz WHEN Alice answers right THEN the public count says 1 and she alone learns she scored, with the cited passage', async () => {
    const sent = press(right, ALICE);
    const update = await callbackOf(sent);
    assert.equal(update.type, 7, 'the public message is updated in place');
    assert.match(update.data?.embeds?.[0]?.footer?.text ?? '', /· 1 answered$/u);
    const result = await followUpOf(sent);
    assert.equal((result.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.match(result.embeds?.[0]?.description ?? '', /^Correct! \+1 point\./u);
    assert.ok(result.embeds?.[0]?.fields?.some((f) => f.name === 'Source' && /paragraph \d+ of \d+|photo caption/u.test(f.value)), 'the citation');
  });

  test('GIVEN Alice answered WHEN she presses again THEN she is told once is enough, and nothing changes', async () => {
    const body = await callbackOf(press(wrong, ALICE));
    assert.equal(body.type, 4);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.equal(body.data?.embeds?.[0]?.description, `You have already answered this one (you chose ${right}). One answer per member.`);
    assert.equal(store.scores.memberStats(standin.world.guildId, ALICE.id)?.answered, 1);
  });

  test('GIVEN the quiz WHEN Bob answers wrong THEN the count says 2 and he alone learns the answer', async () => {
    const sent = press(wrong, BOB);
    const update = await callbackOf(sent);
    assert.match(update.data?.embeds?.[0]?.footer?.text ?? '', /· 2 answered$/u);
    const result = await followUpOf(sent);
    assert.match(result.embeds?.[0]?.description ?? '', new RegExp(`^Not quite: the answer is ${right}\\.`, 'u'));
  });

  test('GIVEN the quiz has expired WHEN Carol presses THEN the quiz closes for everyone and she is told it expired', async () => {
    clockOffset = ctx.quiz.expiryMs + 1_000;
    try {
      const sent = press(right, CAROL);
      const update = await callbackOf(sent);
      assert.equal(update.type, 7);
      assert.ok((update.data?.components?.[0]?.components ?? []).every((c) => c.disabled === true), 'buttons greyed out');
      assert.match(update.data?.embeds?.[0]?.footer?.text ?? '', new RegExp(`closed · 2 answered · answer: ${right}$`, 'u'));
      const result = await followUpOf(sent);
      assert.match(result.embeds?.[0]?.description ?? '', /^This quiz has expired/u);
      assert.equal(store.scores.memberStats(standin.world.guildId, CAROL.id), undefined, 'no score for a late answer');
    } finally {
      clockOffset = 0;
    }
  });

  test('GIVEN Alice 1 point and Bob 0 WHEN Bob asks for the leaderboard THEN Alice comes first, Bob sees his own rank, and no one is pinged', async () => {
    const body = await callbackOf(standin.dispatchInteraction(slashCommand({ name: 'leaderboard', user: BOB })));
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, 0);
    const embed = body.data?.embeds?.[0];
    assert.deepEqual(embed?.description?.split('\n'), [
      `**1.** <@${ALICE.id}> — 1 point (1/1 correct)`,
      `**2.** <@${BOB.id}> — 0 points (0/1 correct)`,
    ]);
    assert.equal(embed?.fields?.[0]?.value, `<@${BOB.id}> is #2 of 2 with 0 points.`);
  });

  test('GIVEN answers WHEN Alice asks /quiz stats THEN her record comes back privately', async () => {
    const body = await callbackOf(standin.dispatchInteraction(slashCommand({ name: 'quiz', subcommand: 'stats', user: ALICE })));
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    const fields = Object.fromEntries((body.data?.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
    assert.equal(fields['Points'], '1');
    assert.equal(fields['Rank'], '1/2');
  });
});
