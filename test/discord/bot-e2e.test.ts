/**
 * The bot end to end: the real discord.js client, logged in to the Discord stand-in on 127.0.0.1
 * through DISCORD_API_URL, answering from the real corpus. Asserts on what the stand-in
 * received: callback types, embeds, components, flags, allowed_mentions, and timing.
 * Structure, not ranking: the search is being tuned elsewhere.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { APIMessage } from 'discord.js';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import type { FeedbackSink, FeedbackVote } from '../../src/app/feedback.js';
import { commands, summarize } from '../../src/discord/commands/index.js';
import { startDiscord, type DiscordShell } from '../../src/discord/client.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.js';
import {
  DiscordStandin,
  autocomplete,
  button,
  messageContextMenu,
  slashCommand,
  type DispatchedInteraction,
  type RecordedRequest,
} from './standin.js';

const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.e2e-test-token-not-a-real-one_0123456789';
const EPHEMERAL = 64;
const NO_PINGS = { parse: [], users: [], roles: [], replied_user: false };

interface CallbackBody {
  type: number;
  data?: {
    content?: string;
    embeds?: { author?: { name: string }; title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
    components?: { type: number; components: { type: number; custom_id: string; label: string; disabled?: boolean }[] }[];
    flags?: number;
    allowed_mentions?: unknown;
    choices?: { name: string; value: string }[];
  };
}

let standin: DiscordStandin;
let shell: DiscordShell;
let ctx: AppContext;
const votes: FeedbackVote[] = [];
const logLines: string[] = [];
let failVotes = false;

const sink: FeedbackSink = {
  record(vote) {
    if (failVotes) throw new Error('feedback store unavailable');
    votes.push(vote);
  },
};

before(async () => {
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  assert.ok(opened.ok, 'the corpus opens');
  ctx = createAppContext({ index: opened.value.index, feedback: sink, commands: summarize(commands) });
  standin = await DiscordStandin.start();
  const log = createLogger({
    level: 'info',
    secrets: [TOKEN],
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    }),
  });
  shell = await startDiscord({ token: TOKEN, apiUrl: standin.apiUrl, ctx, commands, log });
});

after(async () => {
  await shell?.stop();
  await standin?.close();
});

async function callbackOf(sent: DispatchedInteraction): Promise<{ request: RecordedRequest; body: CallbackBody; elapsed: number }> {
  const request = await sent.callback();
  const elapsed = request.receivedAt - sent.dispatchedAt;
  assert.ok(elapsed < 3_000, `acknowledged in ${elapsed} ms, within Discord's 3 s`);
  assert.ok(request.status < 300, `callback accepted (status ${request.status})`);
  return { request, body: request.body as CallbackBody, elapsed };
}

function customIds(body: CallbackBody): string[] {
  return (body.data?.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));
}

function assertSafeComponents(body: CallbackBody): void {
  const ids = customIds(body);
  for (const id of ids) assert.ok(id.length <= 100, `custom_id within 100 characters: ${id}`);
  assert.equal(new Set(ids).size, ids.length, 'custom_ids are unique within the message');
  assert.ok((body.data?.components ?? []).length <= 5);
}

/** The message the bot posted for an interaction, as the stand-in stored it (the newest with the same embeds). */
function postedMessage(sent: DispatchedInteraction): APIMessage {
  const body = sent.responses()[0]?.body as CallbackBody | undefined;
  const embeds = JSON.stringify(body?.data?.embeds ?? []);
  const found = [...standin.messages.values()].reverse().find((m) => m.webhook_id !== undefined && JSON.stringify(m.embeds) === embeds);
  assert.ok(found, 'the reply was stored as a message');
  return found;
}

describe('/ask', () => {
  test('GIVEN a Vietnamese member WHEN they /ask a question THEN one public embed answers with bold terms, a citation, a confidence cue and four buttons, pinging no one', async () => {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'vi', options: { question: 'Kim Jong-un đến Nga bằng gì?' } }));
    const { body } = await callbackOf(sent);

    assert.equal(body.type, 4, 'CHANNEL_MESSAGE_WITH_SOURCE');
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, 0, 'public by default');
    assert.deepEqual(body.data?.allowed_mentions, NO_PINGS);
    const embed = body.data?.embeds?.[0];
    assert.ok(embed, 'an embed');
    assert.equal(embed.author?.name, 'Kim Jong-un đến Nga bằng gì?', 'the question, verbatim, as the author line');
    assert.match(embed.description ?? '', /\*\*[^*]+\*\*/, 'matched terms in bold');
    const source = embed.fields?.find((f) => f.name === 'Nguồn');
    assert.ok(source, 'a citation field');
    assert.match(source.value, /«.+» · .*đoạn \d+\/\d+|chú thích ảnh \d+/u, 'title, date, paragraph n of N');
    assert.match(embed.footer?.text ?? '', /^Độ tin cậy: (cao|trung bình|thấp) · Kết quả 1\/\d$/u);
    const labels = body.data?.components?.[0]?.components.map((c) => c.label);
    assert.deepEqual(labels?.slice(1), ['Toàn văn đoạn', 'Hữu ích', 'Không hữu ích']);
    assert.match(labels?.[0] ?? '', /^Xem thêm \(2\/\d\)$|^Về kết quả đầu$/u);
    assertSafeComponents(body);
    assert.ok(customIds(body).every((id) => id.startsWith('ask:')));
  });

  test('GIVEN an English-locale member WHEN they /ask THEN the reply is in English', async () => {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'en-GB', options: { question: 'When did Putin arrive in Pyongyang?' } }));
    const { body } = await callbackOf(sent);
    const embed = body.data?.embeds?.[0];
    assert.ok(embed?.fields?.some((f) => f.name === 'Source' && /paragraph \d+ of \d+|photo caption/u.test(f.value)));
    assert.match(embed?.footer?.text ?? '', /^Confidence: (high|medium|low) · Result 1 of \d$/u);
    assert.equal(body.data?.components?.[0]?.components[1]?.label, 'Full passage');
  });

  test('GIVEN private:true WHEN a member asks THEN the answer is ephemeral (flags 64)', async () => {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'vi', options: { question: 'Ông Putin tới Bình Nhưỡng khi nào?', private: true } }));
    const { body } = await callbackOf(sent);
    assert.equal(body.type, 4);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.deepEqual(body.data?.allowed_mentions, NO_PINGS);
  });

  test('GIVEN mention:@member WHEN a member asks publicly THEN the content points that member to the answer and only they may be pinged', async () => {
    const target = '123456789012345678';
    const sent = standin.dispatchInteraction(slashCommand({
      name: 'ask',
      locale: 'vi',
      options: [
        { name: 'question', type: 3, value: 'Kim Jong-un đến Nga bằng gì?' },
        { name: 'mention', type: 6, value: target },
      ],
    }));
    const { body } = await callbackOf(sent);
    assert.match(body.data?.content ?? '', new RegExp(`^<@${target}> ơi, <@${standin.world.userId}> muốn bạn xem`));
    assert.deepEqual(body.data?.allowed_mentions, { parse: [], users: [target], roles: [], replied_user: false });
  });

  test('GIVEN a question naming no passage WHEN asked THEN a friendly "not in the dossier" reply lists what it can answer', async () => {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'vi', options: { question: 'Công thức làm bánh pizza là gì?' } }));
    const { body } = await callbackOf(sent);
    const embed = body.data?.embeds?.[0];
    assert.equal(embed?.title, 'Hồ sơ chưa có thông tin này.');
    assert.match(embed?.description ?? '', /• /u, 'suggestions listed');
    assert.deepEqual(body.data?.components ?? [], []);
  });

  test('GIVEN a blank question WHEN asked THEN an ephemeral message names the problem', async () => {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'en-US', options: { question: '   ' } }));
    const { body } = await callbackOf(sent);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.match(body.data?.embeds?.[0]?.description ?? '', /^The question is empty\./u);
  });

  test('GIVEN a question with Markdown and @everyone WHEN echoed THEN the echo cannot format or ping', async () => {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'en-US', options: { question: '@everyone **pizza** `recipe` [link](http://x.invalid)' } }));
    const { body } = await callbackOf(sent);
    const description = body.data?.embeds?.[0]?.description ?? '';
    assert.ok(!description.includes('@everyone'), 'no live @everyone');
    assert.ok(description.includes('@\u200beveryone'));
    assert.ok(description.includes('\\*\\*pizza\\*\\*'), 'asterisks escaped');
    assert.ok(description.includes('\\`recipe\\`'), 'backticks escaped');
    assert.deepEqual(body.data?.allowed_mentions, NO_PINGS);
  });
});

describe('buttons', () => {
  let answered: { sent: DispatchedInteraction; body: CallbackBody; message: APIMessage };

  before(async () => {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'vi', options: { question: 'Kim Jong-un đến Nga bằng gì?' } }));
    const { body } = await callbackOf(sent);
    answered = { sent, body, message: postedMessage(sent) };
  });

  const idOf = (action: string, helpful?: 'y' | 'n') =>
    customIds(answered.body).find((id) => id.startsWith(`ask:${action}:`) && (helpful === undefined || id.endsWith(`:${helpful}`)))!;

  test('GIVEN an answer WHEN "More" is pressed THEN the message is updated in place (type 7) with the next result', async () => {
    const sent = standin.dispatchInteraction(button({ customId: idOf('more'), message: answered.message.id, locale: 'vi' }));
    const { body } = await callbackOf(sent);
    assert.equal(body.type, 7, 'UPDATE_MESSAGE');
    const embed = body.data?.embeds?.[0];
    assert.match(embed?.footer?.text ?? '', /Kết quả 2\/\d/u);
    assert.equal(embed?.author?.name, 'Kim Jong-un đến Nga bằng gì?');
    assert.match(embed?.description ?? '', /\*\*/u, 'still bold: re-ranked from the question');
    assert.deepEqual(body.data?.allowed_mentions, NO_PINGS);
    assertSafeComponents(body);
    assert.equal(standin.messages.get(answered.message.id)?.embeds[0]?.footer?.text, embed?.footer?.text, 'the stored message changed');
  });

  test('GIVEN an answer WHEN "Full passage" is pressed THEN the whole paragraph comes back ephemerally', async () => {
    const sent = standin.dispatchInteraction(button({ customId: idOf('full'), message: answered.message.id, locale: 'vi' }));
    const { body } = await callbackOf(sent);
    assert.equal(body.type, 4);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    const embed = body.data?.embeds?.[0];
    assert.ok((embed?.description ?? '').length >= (answered.body.data?.embeds?.[0]?.description ?? '').replace(/\*\*/g, '').length - 5, 'at least the excerpt');
    assert.ok(embed?.fields?.some((f) => f.name === 'Nguồn'));
  });

  test('GIVEN an answer WHEN "Helpful" is pressed THEN the vote reaches the feedback sink and the member is thanked ephemerally', async () => {
    const before = votes.length;
    const sent = standin.dispatchInteraction(button({ customId: idOf('vote', 'y'), message: answered.message.id, locale: 'vi' }));
    const { body } = await callbackOf(sent);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.match(body.data?.embeds?.[0]?.description ?? '', /Cảm ơn/u);
    assert.equal(votes.length, before + 1);
    assert.equal(votes.at(-1)?.helpful, true);
    assert.equal(votes.at(-1)?.question, 'Kim Jong-un đến Nga bằng gì?');
    assert.match(votes.at(-1)?.passageId ?? '', /#/u);
  });

  test('GIVEN a button from an older index WHEN pressed THEN the member is told clearly that the result expired', async () => {
    const stale = idOf('more').replace(`:${ctx.tag}:`, ':00000000:');
    const sent = standin.dispatchInteraction(button({ customId: stale, message: answered.message.id, locale: 'en-US' }));
    const { body } = await callbackOf(sent);
    assert.equal(body.type, 4);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.match(body.data?.embeds?.[0]?.description ?? '', /expired/u);
  });

  test('GIVEN a button nobody knows WHEN pressed THEN it answers ephemerally instead of failing', async () => {
    const sent = standin.dispatchInteraction(button({ customId: 'quiz:answer:9:x', locale: 'vi' }));
    const { body } = await callbackOf(sent);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.match(body.data?.embeds?.[0]?.description ?? '', /không còn dùng được/u);
  });

  test('GIVEN the feedback store fails WHEN a vote is pressed THEN the member gets an ephemeral error and one log line names the interaction and command', async () => {
    failVotes = true;
    try {
      const sent = standin.dispatchInteraction(button({ customId: idOf('vote', 'n'), message: answered.message.id, locale: 'en-US' }));
      const { body } = await callbackOf(sent);
      assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
      assert.match(body.data?.embeds?.[0]?.description ?? '', /something went wrong/u);
      const lines = logLines.filter((l) => l.includes(sent.id));
      assert.equal(lines.length, 1, 'one log line for the failure');
      const line = JSON.parse(lines[0]!) as { level: number; interactionId: string; command: string; err: { message: string }; msg: string };
      assert.equal(line.level, 50);
      assert.equal(line.command, 'ask:vote');
      assert.equal(line.err.message, 'feedback store unavailable');
    } finally {
      failVotes = false;
    }
  });
});

describe('autocomplete', () => {
  test('GIVEN a half-typed name WHEN the question autocompletes THEN the choices complete it from the dossier, within Discord limits', async () => {
    const sent = standin.dispatchInteraction(autocomplete({ name: 'ask', locale: 'vi', options: { question: 'Ông Putin tới Bình Nh' }, focused: 'question' }));
    const { body } = await callbackOf(sent);
    assert.equal(body.type, 8, 'APPLICATION_COMMAND_AUTOCOMPLETE_RESULT');
    const choices = body.data?.choices ?? [];
    assert.ok(choices.length >= 2 && choices.length <= 25);
    assert.equal(choices[0]?.value, 'Ông Putin tới Bình Nh', 'what was typed comes first');
    assert.ok(choices.some((c) => c.value === 'Ông Putin tới Bình Nhưỡng'), JSON.stringify(choices));
    for (const c of choices) assert.ok(c.name.length <= 100 && c.value.length <= 100);
  });

  test('GIVEN an article typed without diacritics WHEN the article option autocompletes THEN the matching articles come back by id', async () => {
    const sent = standin.dispatchInteraction(autocomplete({ name: 'ask', locale: 'vi', options: { question: 'x', article: 'binh nhuong' }, focused: 'article' }));
    const { body } = await callbackOf(sent);
    const values = (body.data?.choices ?? []).map((c) => c.value);
    assert.ok(values.includes('2024-06-putin-tham-binh-nhuong'), JSON.stringify(values));
    assert.ok(values.every((v) => ctx.index.articlesById.has(v)));
    assert.ok(values.length <= 25);
  });

  test('GIVEN an empty article option WHEN it autocompletes THEN every article is offered (at most 25)', async () => {
    const sent = standin.dispatchInteraction(autocomplete({ name: 'search', locale: 'en-US', options: { query: 'Kim', article: '' }, focused: 'article' }));
    const { body } = await callbackOf(sent);
    assert.equal(body.data?.choices?.length, Math.min(25, ctx.index.dossier.articles.length));
  });
});

describe('context menu', () => {
  test('GIVEN a member message WHEN "Ask the dossier" is used on it THEN its text is answered ephemerally', async () => {
    const sent = standin.dispatchInteraction(messageContextMenu({ name: 'Ask the dossier', locale: 'vi', targetMessage: { content: 'Kim Jong-un tới Khasan khi nào?' } }));
    const { body } = await callbackOf(sent);
    assert.equal(body.type, 4);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.equal(body.data?.embeds?.[0]?.author?.name, 'Kim Jong-un tới Khasan khi nào?');
    assert.deepEqual(body.data?.allowed_mentions, NO_PINGS);
  });
});

describe('/search, /sources, /help', () => {
  test('GIVEN keywords with many passages WHEN /search pages forward THEN the list is updated in place to page 2', async () => {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'search', locale: 'en-US', options: { query: 'Kim Jong-un' } }));
    const { body } = await callbackOf(sent);
    const embed = body.data?.embeds?.[0];
    assert.match(embed?.footer?.text ?? '', /^Page 1 of (\d+) · \d+ passages$/u);
    assert.match(embed?.description ?? '', /^\*\*1\.\*\* /u);
    assertSafeComponents(body);
    const next = body.data?.components?.flatMap((r) => r.components).find((c) => c.label === 'Next');
    assert.ok(next && !next.disabled, 'a Next button');
    const message = postedMessage(sent);

    const paged = standin.dispatchInteraction(button({ customId: next.custom_id, message: message.id, locale: 'en-US' }));
    const { body: page2 } = await callbackOf(paged);
    assert.equal(page2.type, 7);
    assert.match(page2.data?.embeds?.[0]?.footer?.text ?? '', /^Page 2 of \d+/u);
    assert.match(page2.data?.embeds?.[0]?.description ?? '', /^\*\*4\.\*\* /u);
    const previous = page2.data?.components?.flatMap((r) => r.components).find((c) => c.label === 'Previous');
    assert.ok(previous && !previous.disabled);
  });

  test('GIVEN /sources WHEN an article number is pressed THEN its outline replaces the list', async () => {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'sources', locale: 'vi' }));
    const { body } = await callbackOf(sent);
    assert.equal((body.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL);
    assert.equal(body.data?.embeds?.[0]?.title, `Hồ sơ gồm ${ctx.index.dossier.articles.length} bài báo`);
    const first = body.data?.components?.[0]?.components[0];
    assert.equal(first?.label, '1');
    const message = postedMessage(sent);
    const pressed = standin.dispatchInteraction(button({ customId: first!.custom_id, message: message.id, locale: 'vi' }));
    const { body: outline } = await callbackOf(pressed);
    assert.equal(outline.type, 7);
    assert.equal(outline.data?.embeds?.[0]?.title, ctx.index.dossier.articles[0]!.title.replace(/([*_~`|])/g, '\\$1'));
    assert.ok(outline.data?.embeds?.[0]?.fields?.some((f) => f.name === 'Các mục'));
  });

  test('GIVEN /help in English WHEN run THEN it lists the commands and examples in both languages', async () => {
    const sent = standin.dispatchInteraction(slashCommand({ name: 'help', locale: 'en-US' }));
    const { body } = await callbackOf(sent);
    const fields = body.data?.embeds?.[0]?.fields ?? [];
    assert.match(fields.find((f) => f.name === 'Commands')?.value ?? '', /\/ask question \[article\] \[private\] \[mention\]/u);
    assert.ok(fields.some((f) => f.name === 'Examples in Vietnamese'));
    assert.ok(fields.some((f) => f.name === 'Examples in English'));
  });
});

describe('the token', () => {
  test('GIVEN the bot ran all of the above WHEN its log is read THEN the token appears nowhere', () => {
    assert.ok(logLines.length > 0, 'something was logged');
    assert.ok(logLines.every((l) => !l.includes(TOKEN)));
  });
});
