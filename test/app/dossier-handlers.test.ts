/**
 * The /summary, /timeline, /quiz and /leaderboard handlers without Discord: requests in, reply
 * models out, on the real corpus and a real store in a temporary DATA_DIR. Channel actions are
 * fakes that record what would have been posted and pinned.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import pino from 'pino';
import { pressVote } from '../../src/app/ask.js';
import type { ChannelActions, ChannelFailure } from '../../src/app/channel.js';
import { createAppContext, type AppContext, type ButtonRequest } from '../../src/app/context.js';
import { encodeCustomId, parseCustomId } from '../../src/app/custom-id.js';
import { storeFeedbackSink } from '../../src/app/feedback-store.js';
import { leaderboard } from '../../src/app/leaderboard.js';
import { BOT_PIN_PERMISSIONS, missingPermissions, PERMISSIONS } from '../../src/app/permissions.js';
import { LETTERS, pressAnswer, quizStats, startQuiz } from '../../src/app/quiz.js';
import { plainText, type ButtonModel, type Reply } from '../../src/app/reply.js';
import { pressPin, recentSummaries, summary } from '../../src/app/summary.js';
import { pressTimelinePage, timelineView } from '../../src/app/timeline.js';
import { commandSpecs, parseLine } from '../../src/console/parse.js';
import { commands, summarize } from '../../src/discord/commands/index.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { DEFAULT_CORPUS_DIR, storeFileIn } from '../../src/paths.js';
import { withAnswerCounts, type CountingStore } from '../../src/store/answer-count.js';
import { openStore } from '../../src/store/index.js';

const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
if (!opened.ok) throw new Error('corpus does not open');
const index = opened.value.index;
const log = pino({ level: 'silent' });

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';
const ALICE = '333333333333333333';
const BOB = '444444444444444444';
const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.ReadMessageHistory;
const BOT = MEMBER | PermissionFlagsBits.PinMessages;

let dir: string;
let store: CountingStore;
let now = Date.UTC(2026, 4, 1);

function context(): AppContext {
  return createAppContext({ index, feedback: storeFeedbackSink(store.feedback), commands: summarize(commands), store, clock: () => now });
}

let ctx: AppContext;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'hoso-handlers-'));
  store = withAnswerCounts(openStore(storeFileIn(dir)));
  ctx = context();
});

after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function buttons(reply: Reply): ButtonModel[] {
  return reply.components.flatMap((r) => r.buttons);
}

function description(reply: Reply): string {
  return plainText(reply.embeds[0]?.description ?? []);
}

let messageCount = 0;

/** Channel actions that succeed (or fail as told) and remember what they did. */
function fakeChannel(fail: { post?: ChannelFailure; pin?: ChannelFailure } = {}) {
  const posted: Reply[] = [];
  const pinned: string[] = [];
  const actions: ChannelActions = {
    async post(reply) {
      if (fail.post) return { ok: false, why: fail.post };
      posted.push(reply);
      return { ok: true, value: { messageId: String(900_000_000_000_000_000n + BigInt(++messageCount)) } };
    },
    async pin(messageId) {
      if (fail.pin) return { ok: false, why: fail.pin };
      pinned.push(messageId);
      return { ok: true, value: undefined };
    },
  };
  return { actions, posted, pinned };
}

interface PressOptions {
  userId?: string;
  locale?: 'vi' | 'en';
  member?: bigint;
  app?: bigint;
  channel?: ChannelActions;
  authors?: (string | undefined)[];
  guild?: boolean;
}

function press(customId: string, o: PressOptions = {}): ButtonRequest {
  const parsed = parseCustomId(customId);
  assert.ok(parsed, customId);
  return {
    id: 'i1', locale: o.locale ?? 'vi', userId: o.userId ?? ALICE, log, customId: parsed,
    message: { embeds: (o.authors ?? [undefined]).map((author) => (author === undefined ? {} : { author })) },
    ...(o.guild === false ? {} : { guildId: GUILD, channelId: CHANNEL }),
    ...(o.member !== undefined ? { memberPermissions: o.member } : {}),
    ...(o.app !== undefined ? { appPermissions: o.app } : {}),
    ...(o.channel ? { channel: o.channel } : {}),
  };
}

describe('permissions', () => {
  test('GIVEN the app layer’s permission bits WHEN compared with discord.js THEN they are the same numbers', () => {
    for (const [name, bit] of Object.entries(PERMISSIONS)) assert.equal(bit, PermissionFlagsBits[name as keyof typeof PermissionFlagsBits], name);
  });

  test('GIVEN Manage Messages without Pin Messages WHEN the bot’s pin permissions are checked THEN Pin Messages is missing (split on 2026-01-12)', () => {
    assert.deepEqual(missingPermissions(MEMBER | PermissionFlagsBits.ManageMessages, BOT_PIN_PERMISSIONS), ['PinMessages']);
    assert.deepEqual(missingPermissions(PermissionFlagsBits.Administrator, BOT_PIN_PERMISSIONS), [], 'Administrator implies every permission');
    assert.deepEqual(missingPermissions(undefined, BOT_PIN_PERMISSIONS), [], 'no permission system (console): nothing missing');
  });
});

describe('/summary', () => {
  test('GIVEN no topic WHEN summarised THEN an ephemeral embed holds verbatim sentences with [n] markers, the sources and one Post & pin button', () => {
    const reply = summary(ctx, { locale: 'vi' }, {});
    assert.equal(reply.ephemeral, true);
    assert.deepEqual(reply.mentionUserIds, []);
    const text = description(reply);
    const [body, sources] = text.split('\n\nNguồn:\n');
    assert.ok(body && sources, 'a sources list after the sentences');
    const markers = [...body.matchAll(/ \[(\d+)\](?=\n|$)/gu)].map((m) => Number(m[1]));
    assert.ok(markers.length >= 3 && markers.length <= 8, `3-8 sentences, got ${markers.length}`);
    for (const n of new Set(markers)) assert.match(sources, new RegExp(`^\\[${n}\\] «.+» · .+ · đoạn \\d+/\\d+$`, 'mu'), `source [${n}] with title, date, paragraph`);
    const passages = index.dossier.passages.map((p) => p.text);
    for (const sentence of body.split(/ \[\d+\](?:\n\n| )?/u).filter((s) => s.trim() !== '')) {
      assert.ok(passages.some((p) => p.includes(sentence.trim())), `verbatim: ${sentence}`);
    }
    const [pin] = buttons(reply);
    assert.equal(pin?.label, 'Đăng và ghim');
    assert.match(pin?.customId ?? '', /^summary:pin:1:[^:]+:-:-:5$/u);
  });

  test('GIVEN a topic, an article and a length in English WHEN summarised THEN the topic is the author line and the sentences come from that article', () => {
    const reply = summary(ctx, { locale: 'en' }, { topic: 'tàu bọc thép', article: 'khasan', length: 3 });
    const embed = reply.embeds[0];
    assert.equal(embed?.author, 'tàu bọc thép');
    assert.match(plainText(embed?.title ?? []), /^Summary of “Ông Kim Jong-un tới Khasan/u);
    const sources = description(reply).split('\n\nSources:\n')[1] ?? '';
    assert.ok(sources.split('\n').every((line) => /Khasan/u.test(line)), sources);
    assert.match(buttons(reply)[0]?.customId ?? '', /^summary:pin:1:[^:]+:[A-Za-z0-9_-]{8}:[0-9a-z]+:3$/u);
  });

  test('GIVEN an article no article matches WHEN summarised THEN an ephemeral error names it', () => {
    const reply = summary(ctx, { locale: 'vi' }, { article: 'không có bài này' });
    assert.equal(reply.embeds[0]?.tone, 'error');
    assert.match(description(reply), /không có bài này/u);
  });
});

describe('Post & pin', () => {
  const pinId = () => buttons(summary(ctx, { locale: 'vi' }, { topic: 'Bình Nhưỡng', length: 4 }))[0]!.customId;

  test('GIVEN a member who may pin and a bot that can WHEN Post & pin is pressed THEN the summary is posted (pinging no one), pinned, recorded, and the button is gone', async () => {
    const channel = fakeChannel();
    const outcome = await pressPin(ctx, press(pinId(), { member: MEMBER | PermissionFlagsBits.PinMessages, app: BOT, channel: channel.actions }));
    assert.equal(outcome.kind, 'update');
    assert.equal(plainText(outcome.reply.content ?? []), 'Đã đăng và ghim bản tóm tắt trong kênh.');
    assert.deepEqual(buttons(outcome.reply), []);
    assert.equal(channel.posted.length, 1);
    const post = channel.posted[0]!;
    assert.equal(post.ephemeral, false);
    assert.deepEqual(post.mentionUserIds, [], 'the pinner is named, not pinged');
    assert.deepEqual(post.content, ['Bản tóm tắt do ', { user: ALICE }, ' ghim.']);
    assert.equal(post.embeds[0]?.author, 'Bình Nhưỡng');
    assert.equal(channel.pinned.length, 1);
    const [recorded] = store.summaries.recentPinnedSummaries(GUILD, 1);
    assert.equal(recorded?.messageId, channel.pinned[0]);
    assert.equal(recorded?.pinnedBy, ALICE);
    assert.equal(recorded?.topic, 'Bình Nhưỡng');
    assert.equal(recorded?.channelId, CHANNEL);
    assert.equal(recorded?.dossierVersion, index.dossier.version);
    assert.match(recorded?.summary ?? '', /\[1\]/u);
  });

  test('GIVEN a member without Pin Messages WHEN Post & pin is pressed THEN nothing is posted and they are told which permission they need', async () => {
    const channel = fakeChannel();
    const outcome = await pressPin(ctx, press(pinId(), { member: MEMBER | PermissionFlagsBits.ManageMessages, app: BOT, channel: channel.actions }));
    assert.equal(outcome.kind, 'reply');
    assert.equal(outcome.reply.ephemeral, true);
    assert.match(description(outcome.reply), /quyền «Ghim tin nhắn» \(Pin Messages\)/u);
    assert.equal(channel.posted.length, 0);
  });

  test('GIVEN an administrator WHEN Post & pin is pressed THEN it goes through', async () => {
    const channel = fakeChannel();
    const outcome = await pressPin(ctx, press(pinId(), { member: PermissionFlagsBits.Administrator, app: BOT, channel: channel.actions }));
    assert.equal(outcome.kind, 'update');
    assert.equal(channel.pinned.length, 1);
  });

  test('GIVEN a bot with Manage Messages but not Pin Messages WHEN pressed THEN nothing is posted and the missing permission is named', async () => {
    const channel = fakeChannel();
    const outcome = await pressPin(ctx, press(pinId(), { locale: 'en', member: PermissionFlagsBits.PinMessages, app: MEMBER | PermissionFlagsBits.ManageMessages, channel: channel.actions }));
    assert.equal(outcome.kind, 'reply');
    assert.match(description(outcome.reply), /The bot lacks permissions in this channel: Pin Messages\. .*Nothing was posted\./u);
    assert.equal(channel.posted.length, 0);
  });

  test('GIVEN Discord refuses the post (50013) WHEN pressed THEN the member is told nothing was posted', async () => {
    const channel = fakeChannel({ post: 'missing-permissions' });
    const outcome = await pressPin(ctx, press(pinId(), { member: BOT, app: BOT, channel: channel.actions }));
    assert.match(description(outcome.reply), /Bot không đăng được .* Chưa có gì được đăng\./u);
  });

  test('GIVEN the pin limit (30003) WHEN pressed THEN the summary was posted, the member learns it is not pinned and why, and nothing is recorded', async () => {
    const before = store.summaries.recentPinnedSummaries(GUILD, 100).length;
    const channel = fakeChannel({ pin: 'pin-limit' });
    const outcome = await pressPin(ctx, press(pinId(), { member: BOT, app: BOT, channel: channel.actions }));
    assert.equal(channel.posted.length, 1);
    assert.match(description(outcome.reply), /^Đã đăng bản tóm tắt nhưng chưa ghim được: kênh đã đủ số tin ghim tối đa/u);
    assert.equal(store.summaries.recentPinnedSummaries(GUILD, 100).length, before);
  });

  test('GIVEN a restart (topic no longer cached) WHEN pressed THEN the topic is read back from the author line and the same summary is posted', async () => {
    const made = summary(ctx, { locale: 'vi' }, { topic: 'hiệp ước', length: 3 });
    const fresh = context();
    const channel = fakeChannel();
    const outcome = await pressPin(fresh, press(buttons(made)[0]!.customId, { member: BOT, app: BOT, channel: channel.actions, authors: ['hiệp ước'] }));
    assert.equal(outcome.kind, 'update');
    assert.deepEqual(channel.posted[0]?.embeds[0]?.description, made.embeds[0]?.description);
    const lost = await pressPin(context(), press(buttons(made)[0]!.customId, { member: BOT, app: BOT, channel: fakeChannel().actions }));
    assert.match(description(lost.reply), /không còn dùng được/u, 'without the author line: unusable, not a wrong summary');
  });

  test('GIVEN a double click WHEN the second press arrives while the first is posting THEN the summary is posted once', async () => {
    const id = pinId();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const channel = fakeChannel();
    const slow: ChannelActions = { post: async (reply) => (await gate, channel.actions.post(reply)), pin: channel.actions.pin };
    const first = pressPin(ctx, press(id, { member: BOT, app: BOT, channel: slow }));
    const second = await pressPin(ctx, press(id, { member: BOT, app: BOT, channel: slow }));
    assert.match(description(second.reply), /đang đăng bản tóm tắt này/u);
    release();
    assert.equal((await first).kind, 'update');
    assert.equal(channel.posted.length, 1);
  });

  test('GIVEN a DM or an older dossier WHEN pressed THEN the member is told, and nothing is posted', async () => {
    const channel = fakeChannel();
    const dm = await pressPin(ctx, press(pinId(), { guild: false, channel: channel.actions }));
    assert.match(description(dm.reply), /Chỉ ghim được bản tóm tắt trong kênh của máy chủ/u);
    const old = await pressPin(ctx, press(encodeCustomId('summary', 'pin', ['00000000', '-', '-', 5]), { member: BOT, app: BOT, channel: channel.actions }));
    assert.match(description(old.reply), /hết hạn/u);
    assert.equal(channel.posted.length, 0);
  });

  test('GIVEN pinned summaries WHEN /summary recent THEN they are listed newest first with who pinned them and a jump link', () => {
    const reply = recentSummaries(ctx, { locale: 'vi', guildId: GUILD });
    assert.equal(reply.ephemeral, true);
    assert.deepEqual(reply.mentionUserIds, []);
    const lines = description(reply).split('\n');
    const newest = store.summaries.recentPinnedSummaries(GUILD, 1)[0]!;
    assert.equal(lines[0], `• 1/5/2026 · chủ đề «${newest.topic}» · ghim bởi <@${ALICE}> · https://discord.com/channels/${GUILD}/${CHANNEL}/${newest.messageId}`);
    assert.ok(lines.some((l) => l.includes('chủ đề «hiệp ước» · ghim bởi')), 'the restart test’s pin is listed');
    assert.equal(lines.length, store.summaries.recentPinnedSummaries(GUILD, 10).length);
    assert.match(recentSummaries(ctx, { locale: 'en', guildId: '999' }).embeds[0]?.description?.[0] as string, /No summary has been pinned/u);
  });
});

describe('/timeline', () => {
  test('GIVEN the whole dossier WHEN /timeline THEN events come in date order, one line each with date and citation, paged with buttons', () => {
    const first = timelineView(ctx, { locale: 'vi' }, {});
    assert.equal(first.ephemeral, true);
    const lines = description(first).split('\n\n');
    assert.ok(lines.length > 1 && lines.length <= 8);
    for (const line of lines) assert.match(line, /^.+ — .+ — «.+» · .+ · (đoạn \d+\/\d+|chú thích ảnh \d+)( \(\+\d+ bài khác\))?$/u);
    assert.match(first.embeds[0]?.footer ?? '', /^Trang 1\/(\d+) · \d+ sự kiện/u);
    const [previous, next] = buttons(first);
    assert.equal(previous?.disabled, true);
    assert.notEqual(next?.disabled, true);
    const second = pressTimelinePage(ctx, press(next!.customId));
    assert.equal(second.kind, 'update');
    assert.match(second.reply.embeds[0]?.footer ?? '', /^Trang 2\//u);
    assert.notEqual(description(second.reply), description(first));
    assert.equal(buttons(second.reply)[0]?.disabled, false);
  });

  test('GIVEN a topic WHEN paged after a restart THEN the topic comes back from the author line', () => {
    const first = timelineView(ctx, { locale: 'en' }, { topic: 'Putin' });
    assert.equal(first.embeds[0]?.author, 'Putin');
    const next = buttons(first)[1];
    if (!next) return; // one page only: nothing to press
    const second = pressTimelinePage(context(), press(next.customId, { locale: 'en', authors: ['Putin'] }));
    assert.equal(second.kind, 'update');
    assert.match(second.reply.embeds[0]?.footer ?? '', /^Page 2 of/u);
  });

  test('GIVEN a topic the dossier never dates WHEN /timeline THEN a friendly "nothing dated" reply', () => {
    const reply = timelineView(ctx, { locale: 'vi' }, { topic: 'bóng đá' });
    assert.equal(description(reply), 'Mình không tìm thấy sự kiện nào có ngày tháng về «bóng đá» trong hồ sơ.');
    assert.equal(reply.components.length, 0);
  });
});

describe('/quiz and /leaderboard', () => {
  const QUIZ_GUILD = '555555555555555555';
  const where = (channelId = '666666666666666666') => ({ locale: 'vi' as const, guildId: QUIZ_GUILD, channelId });
  const questionOf = (reply: Reply) => {
    const id = buttons(reply)[0]!.customId.split(':')[3]!;
    const question = store.quiz.getQuizQuestion(id);
    assert.ok(question, 'recorded in the store');
    return question;
  };
  const answer = (reply: Reply, letter: string, userId: string) =>
    pressAnswer(ctx, press(encodeCustomId('quiz', 'answer', [questionOf(reply).id, letter]), { userId, guild: true }));

  test('GIVEN a seed WHEN a quiz starts THEN a public message shows the stem and four options with buttons A-D, and the question is stored with an expiry', () => {
    const reply = startQuiz(ctx, where('700000000000000001'), {}, 7);
    assert.equal(reply.ephemeral, false);
    assert.deepEqual(reply.mentionUserIds, []);
    assert.match(description(reply), /_____/u);
    const ids = buttons(reply).map((b) => b.customId);
    assert.equal(ids.length, 4);
    ids.forEach((id, i) => assert.match(id, new RegExp(`^quiz:answer:1:[A-Za-z0-9_-]{8}:${LETTERS[i]}$`, 'u')));
    const question = questionOf(reply);
    assert.equal(question.expiresAt - question.createdAt, ctx.quiz.expiryMs);
    assert.equal(question.guildId, QUIZ_GUILD);
    assert.match(reply.embeds[0]?.footer ?? '', /chưa ai trả lời/u);
  });

  test('GIVEN an open quiz WHEN members answer right, wrong, twice, and after it expires THEN each is told once, scores follow, and the public count updates', () => {
    const reply = startQuiz(ctx, where('700000000000000002'), {}, 11);
    const question = questionOf(reply);
    const right = LETTERS[question.correctIndex]!;
    const wrong = LETTERS[(question.correctIndex + 1) % 4]!;

    const first = answer(reply, right, ALICE);
    assert.equal(first.kind, 'update-and-reply');
    if (first.kind !== 'update-and-reply') return;
    assert.match(description(first.reply), /^Đúng rồi! \+1 điểm\./u);
    assert.equal(first.reply.ephemeral, true);
    assert.ok(first.reply.embeds[0]?.fields?.some((f) => plainText(f.name) === 'Nguồn'), 'the cited passage is revealed');
    assert.match(first.update.embeds[0]?.footer ?? '', /1 người đã trả lời/u);
    assert.equal(first.update.ephemeral, false);

    const again = answer(reply, wrong, ALICE);
    assert.equal(again.kind, 'reply');
    assert.equal(description(again.reply), `Bạn đã trả lời câu này rồi (bạn chọn ${right}). Mỗi người chỉ được trả lời một lần.`);

    const other = answer(reply, wrong, BOB);
    assert.equal(other.kind, 'update-and-reply');
    if (other.kind !== 'update-and-reply') return;
    assert.match(description(other.reply), new RegExp(`^Chưa đúng, đáp án là ${right}\\.`, 'u'));
    assert.match(other.update.embeds[0]?.footer ?? '', /2 người đã trả lời/u);

    now += ctx.quiz.expiryMs;
    const late = answer(reply, right, '777777777777777777');
    now -= ctx.quiz.expiryMs;
    assert.equal(late.kind, 'update-and-reply');
    if (late.kind !== 'update-and-reply') return;
    assert.match(description(late.reply), /^Câu đố đã hết hạn/u);
    assert.ok(buttons(late.update).every((b) => b.disabled === true), 'closed for everyone');
    assert.match(late.update.embeds[0]?.footer ?? '', new RegExp(`kết thúc · 2 người đã trả lời · đáp án: ${right}$`, 'u'));

    assert.deepEqual(store.scores.memberStats(QUIZ_GUILD, ALICE)?.points, 1);
    assert.deepEqual(store.scores.memberStats(QUIZ_GUILD, BOB)?.points, 0);
    assert.equal(store.scores.memberStats(QUIZ_GUILD, '777777777777777777'), undefined, 'a late answer scores nothing');
  });

  test('GIVEN three open quizzes in a channel WHEN a fourth is asked THEN it is politely refused, and allowed again once one expires', () => {
    const channel = '700000000000000003';
    for (let seed = 1; seed <= ctx.quiz.maxOpenPerChannel; seed++) assert.equal(startQuiz(ctx, where(channel), {}, seed).ephemeral, false);
    const refused = startQuiz(ctx, where(channel), {}, 99);
    assert.equal(refused.ephemeral, true);
    assert.match(description(refused), /Kênh này đang có 3 câu đố chưa kết thúc \(tối đa 3 câu cùng lúc\)/u);
    now += ctx.quiz.expiryMs;
    assert.equal(startQuiz(ctx, where(channel), {}, 99).ephemeral, false);
    now -= ctx.quiz.expiryMs;
  });

  test('GIVEN a DM, a topic with nothing to ask, or no store WHEN /quiz THEN a clear ephemeral message', () => {
    assert.match(description(startQuiz(ctx, { locale: 'en' }, {})), /only be played in a server/u);
    assert.equal(description(startQuiz(ctx, where(), { topic: 'bóng đá' })), 'Hồ sơ không có đoạn nào về «bóng đá» để ra câu đố. Bạn thử chủ đề khác nhé.');
    const bare = createAppContext({ index, feedback: { record: () => undefined } });
    assert.match(description(startQuiz(bare, where(), {})), /cơ sở dữ liệu/u);
    assert.match(description(leaderboard(bare, { locale: 'vi', guildId: GUILD, userId: ALICE })), /cơ sở dữ liệu/u);
  });

  test('GIVEN scores WHEN /leaderboard THEN the top comes in order with mentions that ping no one, and the caller’s own rank', () => {
    const reply = leaderboard(ctx, { locale: 'en', guildId: QUIZ_GUILD, userId: BOB });
    assert.equal(reply.ephemeral, false);
    assert.deepEqual(reply.mentionUserIds, []);
    const text = description(reply);
    assert.ok(text.indexOf(`<@${ALICE}>`) >= 0 && text.indexOf(`<@${ALICE}>`) < text.indexOf(`<@${BOB}>`), text);
    assert.match(text, new RegExp(`^1\\. <@${ALICE}> — 1 point \\(1/1 correct\\)$`, 'mu'));
    assert.equal(plainText(reply.embeds[0]!.fields![0]!.value), `<@${BOB}> is #2 of 2 with 0 points.`);
    const stranger = leaderboard(ctx, { locale: 'vi', guildId: QUIZ_GUILD, userId: '888888888888888888' });
    assert.match(plainText(stranger.embeds[0]!.fields![0]!.value), /chưa có điểm nào/u);
    assert.match(description(leaderboard(ctx, { locale: 'vi', guildId: '1', userId: ALICE })), /Chưa ai có điểm/u);
  });

  test('GIVEN answers WHEN /quiz stats THEN the member sees points, rank, accuracy and streaks, privately', () => {
    const reply = quizStats(ctx, { locale: 'vi', guildId: QUIZ_GUILD, userId: ALICE });
    assert.equal(reply.ephemeral, true);
    const fields = Object.fromEntries((reply.embeds[0]?.fields ?? []).map((f) => [plainText(f.name), plainText(f.value)]));
    assert.deepEqual(fields, { 'Điểm': '1', 'Xếp hạng': '1/2', 'Đã trả lời': '1', 'Trả lời đúng': '1/1 (100%)', 'Chuỗi đúng hiện tại': '1', 'Chuỗi đúng dài nhất': '1' });
    assert.match(description(quizStats(ctx, { locale: 'en', guildId: QUIZ_GUILD, userId: '1' })), /not answered a quiz/u);
  });
});

describe('votes in the store', () => {
  test('GIVEN a restarted bot WHEN "Not helpful" is pressed THEN the vote is stored with the question read back from the answer, its article and guild', async () => {
    const { questionHash } = await import('../../src/app/custom-id.js');
    const question = 'Kim Jong-un đến Nga bằng gì?';
    const fresh = context();
    const ordinal = index.dossier.passages.findIndex((p) => p.articleId === '2023-09-kim-jong-un-toi-khasan');
    const id = encodeCustomId('ask', 'vote', [fresh.tag, questionHash(question), ordinal.toString(36), 'n']);
    await pressVote(fresh, press(id, { authors: [question] }));
    const [worst] = store.feedback.worstRated(10).filter((r) => r.question === question);
    assert.equal(worst?.articleId, '2023-09-kim-jong-un-toi-khasan');
    assert.equal(worst?.down, 1);
  });
});

describe('console lines with subcommands', () => {
  const specs = commandSpecs(commands);

  test('GIVEN /tom-tat gan-day, /summary with options only, and /do-vui thanh-tich WHEN parsed THEN the subcommand and options are found', () => {
    const recent = parseLine(specs, '/tom-tat gan-day');
    assert.ok(recent.kind === 'command' && recent.subcommand === 'recent');
    const create = parseLine(specs, '/summary chu-de:tàu bọc thép so-cau:3');
    assert.ok(create.kind === 'command' && create.subcommand === 'create');
    if (create.kind === 'command') assert.deepEqual(Object.fromEntries(create.options), { topic: 'tàu bọc thép', length: 3 });
    const stats = parseLine(specs, '/do-vui thanh-tich');
    assert.ok(stats.kind === 'command' && stats.subcommand === 'stats');
  });
});
