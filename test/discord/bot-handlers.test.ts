/**
 * The handlers without Discord: requests in, reply models out, on the real corpus.
 * Structure, not ranking (the search is being tuned elsewhere).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { ask, askAboutMessage, pressFull, pressMore, pressVote } from '../../src/app/ask.js';
import { createAppContext, QuestionCache, type AppContext, type ButtonRequest, type CommandRequest } from '../../src/app/context.js';
import {
  decodeOrdinals, dossierTag, encodeCustomId, encodeOrdinals, MAX_CUSTOM_ID_LENGTH, parseCustomId, questionHash,
} from '../../src/app/custom-id.js';
import type { FeedbackVote } from '../../src/app/feedback.js';
import { help } from '../../src/app/help.js';
import { toReplyLocale } from '../../src/app/locale.js';
import { plainText, type ButtonModel, type Reply } from '../../src/app/reply.js';
import { PAGE_SIZE, pressPage, search } from '../../src/app/search.js';
import { outline, pressList, pressShow, sources } from '../../src/app/sources.js';
import { articleChoices, completeQuestion, resolveArticle } from '../../src/app/vocabulary.js';
import { commands, summarize } from '../../src/discord/commands/index.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.js';
import type { QueryProblem, ReplyLocale } from '../../src/core/types.js';

const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
if (!opened.ok) throw new Error('corpus does not open');
const index = opened.value.index;
const log = pino({ level: 'silent' });
const votes: FeedbackVote[] = [];

function freshContext(): AppContext {
  return createAppContext({ index, feedback: { record: (v) => void votes.push(v) }, commands: summarize(commands) });
}

const ctx = freshContext();
const who = (locale: ReplyLocale = 'vi') => ({ locale, userId: '42' });

function buttons(reply: Reply): ButtonModel[] {
  return reply.components.flatMap((r) => r.buttons);
}

function pressReq(customId: string, locale: ReplyLocale = 'vi', author?: string): ButtonRequest {
  const parsed = parseCustomId(customId);
  assert.ok(parsed);
  return { id: 'i1', locale, userId: '42', log, customId: parsed, message: { embeds: [author === undefined ? {} : { author }] } };
}

const QUESTION = 'Kim Jong-un đến Nga bằng gì?';

describe('ask', () => {
  test('GIVEN a question the dossier answers WHEN asked THEN the model has the question as author, bold excerpt, citation field, cue and four buttons', () => {
    const reply = ask(ctx, who(), { question: QUESTION });
    const [embed] = reply.embeds;
    assert.equal(embed?.author, QUESTION);
    assert.ok(embed?.description?.some((p) => typeof p === 'object' && 'bold' in p), 'a bold run');
    assert.equal(plainText(embed!.fields![0]!.name), 'Nguồn');
    assert.match(embed?.footer ?? '', /^Độ tin cậy: .+ · Kết quả 1\/\d$/u);
    assert.deepEqual(buttons(reply).map((b) => b.customId.split(':').slice(0, 3).join(':')), ['ask:more:1', 'ask:full:1', 'ask:vote:1', 'ask:vote:1']);
    assert.equal(reply.ephemeral, false);
    assert.deepEqual(reply.mentionUserIds, []);
  });

  test('GIVEN private and a mention WHEN asked THEN the reply is ephemeral and pings no one', () => {
    const reply = ask(ctx, who('en'), { question: QUESTION, private: true, mention: '7' });
    assert.equal(reply.ephemeral, true);
    assert.deepEqual(reply.mentionUserIds, []);
    assert.match(plainText(reply.content ?? []), /no one was notified/u);
  });

  test('GIVEN a public mention WHEN asked THEN only that member may be pinged', () => {
    const reply = ask(ctx, who('en'), { question: QUESTION, mention: '7' });
    assert.deepEqual(reply.mentionUserIds, ['7']);
    assert.deepEqual(reply.content?.slice(0, 1), [{ user: '7' }]);
  });

  test('GIVEN an article filter by id or by unique text WHEN asked THEN every result comes from that article', () => {
    for (const article of ['2023-09-kim-jong-un-toi-khasan', 'khasan']) {
      const reply = ask(ctx, who(), { question: 'Kim Jong-un', article });
      const source = plainText(reply.embeds[0]!.fields![0]!.value);
      assert.match(source, /Khasan/u, article);
    }
  });

  test('GIVEN an article option matching none or several articles WHEN asked THEN an ephemeral error says so', () => {
    for (const article of ['no such article', 'binh nhuong']) {
      const reply = ask(ctx, who(), { question: QUESTION, article });
      assert.equal(reply.ephemeral, true);
      assert.equal(reply.embeds[0]?.tone, 'error');
      assert.match(plainText(reply.embeds[0]!.description!), /Không xác định được bài báo/u);
    }
  });

  test('GIVEN each kind of unusable question WHEN asked THEN each gets its own ephemeral message in both locales', () => {
    const cases: [string, QueryProblem][] = [
      ['   ', 'empty'],
      ['x'.repeat(501), 'too-long'],
      ['Kim\u0007 Jong-un', 'control-characters'],
      ['金正恩访问俄罗斯', 'unsupported-script'],
      ['?!?', 'no-searchable-terms'],
    ];
    for (const locale of ['vi', 'en'] as const) {
      const texts = cases.map(([question]) => {
        const reply = ask(ctx, who(locale), { question });
        assert.equal(reply.ephemeral, true, question);
        return plainText(reply.embeds[0]!.description!);
      });
      assert.equal(new Set(texts).size, cases.length, `distinct messages (${locale}): ${texts.join(' | ')}`);
      assert.ok(texts[1]!.includes('500'), 'too-long names the limit');
    }
  });

  test('GIVEN a question outside the dossier WHEN asked THEN "not in the dossier" with the article titles', () => {
    const reply = ask(ctx, who(), { question: 'Công thức làm bánh pizza là gì?' });
    assert.equal(plainText(reply.embeds[0]!.title!), 'Hồ sơ chưa có thông tin này.');
    const description = plainText(reply.embeds[0]!.description!);
    for (const article of index.dossier.articles) assert.ok(description.includes(article.title));
    assert.deepEqual(reply.components, []);
  });

  test('GIVEN a message context menu WHEN its message is empty THEN it says there is nothing to ask; else it answers ephemerally', () => {
    const base: CommandRequest = { id: 'i', locale: 'en', userId: '42', log, options: new Map(), targetMessage: { content: '  ', authorId: '1' } };
    assert.match(plainText(askAboutMessage(ctx, base).embeds[0]!.description!), /no text/u);
    const answered = askAboutMessage(ctx, { ...base, targetMessage: { content: QUESTION, authorId: '1' } });
    assert.equal(answered.ephemeral, true);
    assert.equal(answered.embeds[0]?.author, QUESTION);
  });
});

describe('ask buttons', () => {
  const first = ask(ctx, who(), { question: QUESTION });
  const more = buttons(first)[0]!.customId;

  test('GIVEN "More" WHEN pressed THEN the message is updated with result 2, and its own More leads on', () => {
    const outcome = pressMore(ctx, pressReq(more, 'vi', QUESTION));
    assert.equal(outcome.kind, 'update');
    assert.match(outcome.reply.embeds[0]?.footer ?? '', /Kết quả 2\//u);
    assert.notEqual(buttons(outcome.reply)[0]!.customId, more);
  });

  test('GIVEN a restart (empty question cache) WHEN "More" is pressed on a message showing the question THEN it re-ranks exactly', () => {
    const restarted = freshContext();
    const outcome = pressMore(restarted, pressReq(more, 'vi', QUESTION));
    assert.equal(outcome.kind, 'update');
    assert.ok(!outcome.reply.embeds[0]?.footer?.includes('không còn lưu câu hỏi'), outcome.reply.embeds[0]?.footer);
    assert.ok(outcome.reply.embeds[0]?.description?.some((p) => typeof p === 'object' && 'bold' in p));
  });

  test('GIVEN a restart and no question on the message WHEN "More" is pressed THEN the next passage is still shown, whole and cited', () => {
    const restarted = freshContext();
    const outcome = pressMore(restarted, pressReq(more, 'en'));
    assert.equal(outcome.kind, 'update');
    assert.match(outcome.reply.embeds[0]?.footer ?? '', /Result 2 of \d · This passage is shown in full/u);
    assert.ok(outcome.reply.embeds[0]?.fields?.some((f) => plainText(f.name) === 'Source'));
  });

  test('GIVEN the last result WHEN "More" shows THEN it goes back to the first', () => {
    const ordinals = decodeOrdinals(parseCustomId(more)!.args[3])!;
    let id = more;
    for (let i = 1; i < ordinals.length; i++) id = buttons(pressMore(ctx, pressReq(id, 'vi', QUESTION)).reply)[0]!.customId;
    const last = pressMore(ctx, pressReq(more.replace(/:1:([^:]+):([^:]+):\d+:/u, `:1:$1:$2:${ordinals.length - 1}:`), 'vi', QUESTION));
    assert.equal(buttons(last.reply)[0]!.label, 'Về kết quả đầu');
  });

  test('GIVEN a button from another dossier version or with broken arguments WHEN pressed THEN it expires or is unusable, ephemerally', () => {
    const stale = pressMore(ctx, pressReq(more.replace(`:${ctx.tag}:`, ':ffffffff:'), 'vi', QUESTION));
    assert.equal(stale.kind, 'reply');
    assert.equal(stale.reply.ephemeral, true);
    assert.match(plainText(stale.reply.embeds[0]!.description!), /hết hạn/u);
    for (const broken of [`ask:more:1:${ctx.tag}:abc:99:0.1:-`, `ask:more:1:${ctx.tag}:abc:0:zzzzzz:-`, `ask:more:1:${ctx.tag}`, `ask:full:1:${ctx.tag}:9999`]) {
      const outcome = broken.startsWith('ask:full') ? pressFull(ctx, pressReq(broken)) : pressMore(ctx, pressReq(broken));
      assert.equal(outcome.kind, 'reply', broken);
      assert.match(plainText(outcome.reply.embeds[0]!.description!), /không còn dùng được/u, broken);
    }
  });

  test('GIVEN "Full passage" WHEN pressed THEN the whole paragraph with its heading is shown ephemerally', () => {
    const withHeading = index.dossier.passages.findIndex((p) => p.heading !== undefined);
    const outcome = pressFull(ctx, pressReq(`ask:full:1:${ctx.tag}:${withHeading.toString(36)}`));
    assert.equal(outcome.kind, 'reply');
    assert.equal(outcome.reply.ephemeral, true);
    const text = plainText(outcome.reply.embeds[0]!.description!);
    assert.ok(text.startsWith(index.dossier.passages[withHeading]!.heading!));
    assert.ok(text.endsWith(index.dossier.passages[withHeading]!.text));
  });

  test('GIVEN "Not helpful" WHEN pressed THEN a vote with the passage id and question goes to the sink', async () => {
    const vote = buttons(first)[3]!.customId;
    const outcome = await pressVote(ctx, pressReq(vote, 'en'));
    assert.equal(outcome.reply.ephemeral, true);
    const recorded = votes.at(-1)!;
    assert.equal(recorded.helpful, false);
    assert.equal(recorded.question, QUESTION);
    assert.equal(recorded.questionHash, questionHash(QUESTION));
    assert.equal(recorded.dossierVersion, index.dossier.version);
    assert.ok(index.dossier.passages.some((p) => p.id === recorded.passageId));
  });
});

describe('search, sources, help', () => {
  test('GIVEN keywords WHEN searched THEN a page of at most PAGE_SIZE entries with a full-passage button each, and paging in place', () => {
    const reply = search(ctx, who('en'), { query: 'Kim Jong-un' });
    const entries = plainText(reply.embeds[0]!.description!).match(/^\d+\. /gmu) ?? [];
    assert.ok(entries.length >= 1 && entries.length <= PAGE_SIZE);
    const pageButtons = buttons(reply).filter((b) => b.customId.startsWith('search:page:'));
    assert.equal(buttons(reply).filter((b) => b.customId.startsWith('ask:full:')).length, entries.length);
    const next = pageButtons.find((b) => b.label === 'Next');
    if (next && !next.disabled) {
      const outcome = pressPage(freshContext(), pressReq(next.customId, 'en', 'Kim Jong-un'));
      assert.equal(outcome.kind, 'update');
      assert.match(outcome.reply.embeds[0]?.footer ?? '', /^Page 2 of/u);
    }
  });

  test('GIVEN /sources WHEN listed and an article chosen THEN every article is numbered, and the outline leads back', () => {
    const list = sources(ctx, 'vi');
    assert.equal(buttons(list).length, index.dossier.articles.length);
    const shown = pressShow(ctx, pressReq(buttons(list)[2]!.customId));
    assert.equal(shown.kind, 'update');
    assert.equal(plainText(shown.reply.embeds[0]!.title!), index.dossier.articles[2]!.title);
    const back = pressList(ctx, pressReq(buttons(shown.reply)[0]!.customId));
    assert.equal(back.kind, 'update');
    assert.equal(buttons(back.reply).length, index.dossier.articles.length);
    assert.equal(outline(ctx, 'vi', 999), undefined);
  });

  test('GIVEN /help in each locale WHEN shown THEN commands use the localized names and examples come in both languages', () => {
    const vi = help(ctx, 'vi');
    const en = help(ctx, 'en');
    const field = (r: Reply, name: string) => plainText(r.embeds[0]!.fields!.find((f) => plainText(f.name) === name)!.value);
    assert.match(field(vi, 'Các lệnh'), /\/hoi cau-hoi \[bai-bao\] \[rieng-tu\] \[nhac-ten\]/u);
    assert.match(field(en, 'Commands'), /\/search query \[article\]/u);
    assert.match(field(en, 'Examples in Vietnamese'), /Kim Jong-un/u);
    assert.match(field(vi, 'Ví dụ bằng tiếng Anh'), /Pyongyang/u);
  });
});

describe('autocomplete', () => {
  test('GIVEN nothing typed WHEN the question autocompletes THEN example questions in the member’s language come first', () => {
    const choices = completeQuestion(ctx.vocabulary, '', 'en');
    assert.ok(choices.length > 0 && choices.length <= 25);
    assert.match(choices[0]!.value, /^[A-Za-z -?]+$/u);
  });

  test('GIVEN a name typed without diacritics WHEN the question autocompletes THEN it completes to the dossier’s spelling', () => {
    const values = completeQuestion(ctx.vocabulary, 'ai gặp Vladimir Pu', 'vi').map((c) => c.value);
    assert.ok(values.includes('ai gặp Vladimir Putin'), values.join(' | '));
    const folded = completeQuestion(ctx.vocabulary, 'kim den binh nh', 'vi').map((c) => c.value);
    assert.ok(folded.includes('kim den Bình Nhưỡng'), folded.join(' | '));
    assert.ok(!folded.some((v) => /Nhật Bản/u.test(v)), 'a two-word match beats completing the last word alone');
  });

  test('GIVEN part of a surname WHEN the question autocompletes THEN the whole name is offered, the longest match first', () => {
    assert.ok(completeQuestion(ctx.vocabulary, 'Ai gặp shoi', 'vi').some((c) => c.value === 'Ai gặp Sergei Shoigu'));
    assert.equal(completeQuestion(ctx.vocabulary, 'kim jong', 'vi')[1]?.value, 'Kim Jong-un', 'the most frequent first');
  });

  test('GIVEN more than 100 characters typed WHEN it autocompletes THEN no choice is offered (values are limited to 100)', () => {
    assert.deepEqual(completeQuestion(ctx.vocabulary, 'Kim '.repeat(30), 'vi'), []);
  });

  test('GIVEN article text WHEN it autocompletes THEN matches ignore case and diacritics, newest first, at most 25', () => {
    const values = articleChoices(ctx.vocabulary, 'KIM JONG', 'vi').map((c) => c.value);
    assert.ok(values.length >= 3);
    const dates = values.map((v) => index.articlesById.get(v)!.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(resolveArticle(ctx.vocabulary, '2019-04-thuong-dinh-putin-kim-vladivostok').entry?.ordinal, 0);
  });
});

describe('custom ids and locales', () => {
  test('GIVEN arguments WHEN encoded THEN they parse back, carry the version, and refuse ":" or more than 100 characters', () => {
    const id = encodeCustomId('ask', 'more', ['abc', 3, encodeOrdinals([0, 35, 94])]);
    assert.deepEqual(parseCustomId(id), { command: 'ask', action: 'more', version: '1', args: ['abc', '3', '0.z.2m'] });
    assert.deepEqual(decodeOrdinals('0.z.2m'), [0, 35, 94]);
    assert.equal(decodeOrdinals('0.-1'), undefined);
    assert.throws(() => encodeCustomId('ask', 'more', ['a:b']), /contains ':'/u);
    assert.throws(() => encodeCustomId('ask', 'more', ['x'.repeat(MAX_CUSTOM_ID_LENGTH)]), /limit is 100/u);
    assert.equal(dossierTag(index.dossier), ctx.tag);
  });

  test('GIVEN every button of every view WHEN built from the real dossier THEN its custom_id fits in 100 characters', () => {
    const replies = [ask(ctx, who(), { question: QUESTION, article: 'khasan' }), search(ctx, who(), { query: 'Nga' }), sources(ctx, 'vi')];
    for (const reply of replies) for (const b of buttons(reply)) assert.ok(b.customId.length <= 100, b.customId);
  });

  test('GIVEN Discord locales WHEN mapped THEN vi is Vietnamese and everything else English', () => {
    assert.equal(toReplyLocale('vi'), 'vi');
    for (const locale of ['en-US', 'en-GB', 'fr', 'ko', undefined, null]) assert.equal(toReplyLocale(locale), 'en');
  });

  test('GIVEN a full question cache WHEN more are remembered THEN the oldest go first', () => {
    const cache = new QuestionCache(2);
    cache.remember('a', 'qa');
    cache.remember('b', 'qb');
    cache.remember('c', 'qc', 'art');
    assert.equal(cache.recall('a'), undefined);
    assert.deepEqual(cache.recall('c'), { question: 'qc', articleId: 'art' });
  });
});
