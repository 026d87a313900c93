// Extractive summaries: verbatim body sentences only, cited to the paragraph that holds them, no
// repetition, 3-8 sentences in reading order, on topic when asked, within Discord's limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from '../../src/core/analyzer.js';
import type { PassageIndex } from '../../src/core/passage-index.js';
import {
  formatSummaryText, summarize, summaryTitle, MAX_SENTENCES, MIN_SENTENCES, SUMMARY_TEXT_LIMIT, type Summary, type SummaryReply,
} from '../../src/core/summary.js';
import { corpusIndex, fixtureIndex } from '../fixtures/dossier.js';

function found(reply: SummaryReply): Summary {
  assert.equal(reply.kind, 'summary', `expected a summary, got ${JSON.stringify(reply)}`);
  return reply as Summary;
}

/** Every invariant a summary must hold, whatever was asked. */
function assertWellFormed(index: PassageIndex, summary: Summary): void {
  const passages = new Map(index.dossier.passages.map((p) => [p.id, p]));
  const texts = summary.sentences.map((s) => s.text);
  assert.equal(new Set(texts).size, texts.length, 'no sentence twice');
  summary.sources.forEach((source, i) => assert.equal(source.marker, i + 1, 'markers are 1..n in order'));
  for (const s of summary.sentences) {
    const source = summary.sources[s.marker - 1];
    assert.ok(source, `[${s.marker}] has a source`);
    const passage = passages.get(source.passageId);
    assert.ok(passage, `${source.passageId} exists`);
    assert.equal(passage.kind, 'paragraph', 'only body paragraphs, never captions');
    assert.ok(passage.text.includes(s.text), `[${s.marker}] points at the paragraph that holds "${s.text.slice(0, 40)}…"`);
    assert.equal(source.articleId, passage.articleId);
    assert.equal(source.paragraph, passage.paragraph);
    assert.equal(source.title, index.articlesById.get(passage.articleId)?.title);
  }
  const order = summary.sentences.map((s) => {
    const source = summary.sources[s.marker - 1]!;
    return `${source.date}|${source.articleId}|${String(source.paragraph).padStart(4, '0')}`;
  });
  assert.deepEqual(order, [...order].sort(), 'reading order: article date, then position');
  assert.equal(summary.dossierVersion, index.dossier.version);
}

test('GIVEN the corpus WHEN summarised with no options THEN five distinct verbatim body sentences, each cited to its paragraph', () => {
  const index = corpusIndex();
  const summary = found(summarize(index));
  assert.equal(summary.sentences.length, 5);
  assertWellFormed(index, summary);
  assert.equal(summary.topic, undefined);
  assert.equal(summary.articleId, undefined);
});

test('GIVEN the whole dossier WHEN summarised THEN the sentences come from several articles, not one', () => {
  const summary = found(summarize(corpusIndex(), { sentences: 5 }));
  assert.ok(new Set(summary.sentences.map((s) => s.articleId)).size >= 3);
});

test('GIVEN a sentence count outside 3-8 WHEN summarised THEN it is clamped, and every count in range is honoured', () => {
  const index = corpusIndex();
  assert.equal(found(summarize(index, { sentences: 1 })).sentences.length, MIN_SENTENCES);
  assert.equal(found(summarize(index, { sentences: 50 })).sentences.length, MAX_SENTENCES);
  for (let n = MIN_SENTENCES; n <= MAX_SENTENCES; n++) {
    const summary = found(summarize(index, { sentences: n }));
    assert.equal(summary.sentences.length, n);
    assertWellFormed(index, summary);
  }
});

test('GIVEN one article WHEN summarised THEN every sentence comes from that article', () => {
  const index = corpusIndex();
  for (const article of index.dossier.articles) {
    const summary = found(summarize(index, { articleId: article.id, sentences: 6 }));
    assertWellFormed(index, summary);
    assert.equal(summary.articleId, article.id);
    assert.ok(summary.sentences.length >= MIN_SENTENCES);
    for (const s of summary.sentences) assert.equal(s.articleId, article.id);
  }
});

test('GIVEN a topic WHEN summarised THEN every sentence is about it (its paragraph names it), in any spelling or language', () => {
  const index = corpusIndex();
  const passages = new Map(index.dossier.passages.map((p) => [p.id, p]));
  const cases: [topic: string, mentions: RegExp][] = [
    ['vũ khí', /vũ khí/iu],
    ['vu khi', /vũ khí/iu],
    ['Vladivosok', /vladivos(?:to)?k|vlapostok/iu],
    ['space cooperation', /vũ trụ|không gian/iu],
    ['trừng phạt', /trừng phạt/iu],
  ];
  for (const [topic, mentions] of cases) {
    const summary = found(summarize(index, { topic }));
    assertWellFormed(index, summary);
    assert.equal(summary.topic, topic);
    for (const s of summary.sentences) assert.match(passages.get(s.passageId)!.text, mentions, `"${topic}": ${s.text}`);
  }
});

test('GIVEN "trừng phạt" WHEN summarised THEN no sentence is there only for "Trung" (Trung Quốc), which folds the same', () => {
  for (const s of found(summarize(corpusIndex(), { topic: 'trừng phạt', sentences: 8 })).sentences) {
    assert.match(s.text, /trừng phạt|cấm vận/iu);
  }
});

test('GIVEN a topic and an article WHEN summarised THEN sentences are on topic and from that article', () => {
  const id = '2023-09-kim-jong-un-len-tau-sang-nga';
  const summary = found(summarize(corpusIndex(), { topic: 'trừng phạt', articleId: id }));
  for (const s of summary.sentences) assert.equal(s.articleId, id);
});

test('GIVEN an unknown article, an empty topic or a topic the dossier never mentions WHEN summarised THEN "none" with the reason and suggestions', () => {
  const index = corpusIndex();
  const unknown = summarize(index, { articleId: 'no-such-article' });
  assert.equal(unknown.kind, 'none');
  assert.equal(unknown.kind === 'none' && unknown.reason, 'unknown-article');
  assert.equal(unknown.kind === 'none' && unknown.suggestions.length, index.dossier.articles.length);
  const empty = summarize(index, { topic: '   ' });
  assert.equal(empty.kind === 'none' && empty.reason, 'empty');
  const absent = summarize(index, { topic: 'xyzzy plugh' });
  assert.equal(absent.kind === 'none' && absent.reason, 'nothing-relevant');
});

test('GIVEN two articles reporting a fact in nearly the same words WHEN summarised THEN at most one of the two sentences is chosen', () => {
  const shared = 'Thủ tướng Petr Novak ngày 12/3 đón Tổng thống Jan Kowalski tại thủ đô Praha, mở đầu hội nghị thượng đỉnh kéo dài ba ngày.';
  const index = fixtureIndex([
    { id: 'bai-a', title: 'Hội nghị Praha', date: '2021-03', lines: [shared, 'Hai bên thảo luận về thương mại, năng lượng và an ninh khu vực trong nhiều giờ liền.', 'Các chuyên gia đánh giá cuộc gặp là bước tiến lớn trong quan hệ song phương giữa hai nước.'] },
    { id: 'bai-b', title: 'Praha đón khách', date: '2021-03', lines: [shared.replace('ba ngày', '3 ngày'), 'Người dân Praha xếp hàng dọc hai bên đường để chào đón đoàn xe của phái đoàn nước bạn.', 'Báo chí địa phương đưa tin rằng an ninh được thắt chặt tối đa tại trung tâm thành phố.'] },
  ]);
  const summary = found(summarize(index, { sentences: 8 }));
  assertWellFormed(index, summary);
  assert.ok(summary.sentences.length >= MIN_SENTENCES);
  const novak = summary.sentences.filter((s) => s.text.includes('Petr Novak'));
  assert.ok(novak.length <= 1, `near-duplicates both chosen: ${JSON.stringify(novak)}`);
});

test('GIVEN two sentences of one paragraph WHEN both are chosen THEN they share one marker and one source', () => {
  const index = fixtureIndex([{
    id: 'bai-a', title: 'Một bài', date: '2022-05',
    lines: [
      'Hội nghị thượng đỉnh về năng lượng diễn ra tại Oslo với sự tham gia của mười quốc gia. Các nước cam kết giảm phát thải một nửa vào năm 2030 theo lộ trình chung.',
      'Đoàn đại biểu Na Uy đề xuất quỹ khí hậu chung cho các quốc gia đang phát triển ở châu Phi.',
    ],
  }]);
  const summary = found(summarize(index, { sentences: 3 }));
  assertWellFormed(index, summary);
  assert.equal(summary.sentences.length, 3);
  assert.equal(summary.sources.length, 2);
  assert.deepEqual(summary.sentences.map((s) => s.marker), [1, 1, 2]);
});

test('GIVEN a summary WHEN formatted THEN the text holds every sentence with its marker and a source line per marker, within 4096 characters', () => {
  const index = corpusIndex();
  for (const locale of ['vi', 'en'] as const) {
    const summary = found(summarize(index, { sentences: 8 }));
    const text = formatSummaryText(summary, locale);
    assert.ok(text.length <= SUMMARY_TEXT_LIMIT);
    for (const s of summary.sentences) assert.ok(text.includes(`${s.text} [${s.marker}]`));
    for (const source of summary.sources) assert.match(text, new RegExp(`^\\[${source.marker}\\] «`, 'mu'));
    assert.match(text, locale === 'vi' ? /\nNguồn:\n/u : /\nSources:\n/u);
    assert.match(text, locale === 'vi' ? /đoạn \d+\/\d+/u : /paragraph \d+ of \d+/u);
  }
});

test('GIVEN a small limit WHEN formatted THEN sentences are left out from the end and only their sources remain', () => {
  const summary = found(summarize(corpusIndex(), { sentences: 8 }));
  const text = formatSummaryText(summary, 'vi', 900);
  assert.ok(text.length <= 900, `${text.length} characters`);
  const markers = [...text.matchAll(/ \[(\d+)\]/gu)].map((m) => Number(m[1]));
  assert.ok(markers.length >= 1 && markers.length < summary.sentences.length);
  const listed = [...text.matchAll(/^\[(\d+)\] /gmu)].map((m) => Number(m[1]));
  assert.deepEqual(listed, [...new Set(markers)]);
});

test('GIVEN "none" WHEN formatted THEN a short message in the locale lists the articles', () => {
  const none = summarize(corpusIndex(), { topic: 'xyzzy plugh' });
  assert.match(formatSummaryText(none, 'vi'), /^Hồ sơ không có đoạn nào về «xyzzy plugh» để tóm tắt\.\nHồ sơ có các bài:\n• /u);
  assert.match(formatSummaryText(none, 'en'), /^The dossier has nothing about “xyzzy plugh” to summarise\./u);
  assert.equal(summaryTitle(found(summarize(corpusIndex(), { topic: 'vũ khí' })), 'vi'), 'Tóm tắt hồ sơ về «vũ khí»');
});

test('GIVEN any summary of the corpus WHEN checked THEN every sentence is a substring of some body paragraph (the summary invents nothing)', () => {
  const index = corpusIndex();
  const bodies = index.dossier.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text);
  for (const opts of [{}, { sentences: 8 }, { topic: 'Putin' }, { topic: 'Ukraine', sentences: 3 }]) {
    for (const s of found(summarize(index, opts)).sentences) {
      assert.ok(bodies.some((b) => b.includes(s.text)), s.text);
      assert.ok(fold(s.text).length > 0);
    }
  }
});
