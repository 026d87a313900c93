// Parsing one article body: paragraphs numbered 1..N, captions apart from paragraphs (numbered by
// the paragraph they follow), headings as context and never as passages, photo credits read off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Passage } from '../../src/core/types.js';
import { datePrecision, parseArticle, type ParsedArticle } from '../../src/ingest/parse.js';

const FRONT = '---\nid: bai\ntitle: "Bài"\ndate: "2023-09"\nlanguage: vi\n---\n\n';

function parsed(body: string): ParsedArticle {
  const outcome = parseArticle('bai.md', FRONT + body);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.problems.join('; '));
  return outcome.value;
}

const shape = (p: Passage) => [p.id, p.kind, p.paragraph, p.captionNumber, p.heading ?? null, p.text];

test('GIVEN captions, headings and paragraphs WHEN parsed THEN paragraphs are 1..N, captions are numbered apart and headings only give context', () => {
  const { article, passages } = parsed([
    '@caption Ảnh mở đầu. Ảnh: Reuters.',
    'Đoạn một.',
    '## Mục A',
    'Đoạn hai.',
    '@caption Ảnh: RT',
    '',
    '## Mục B  ',
    'Đoạn ba.',
  ].join('\n'));
  assert.deepEqual(passages.map(shape), [
    ['bai#anh-1', 'caption', 0, 1, null, 'Ảnh mở đầu. Ảnh: Reuters.'],
    ['bai#1', 'paragraph', 1, 0, null, 'Đoạn một.'],
    ['bai#2', 'paragraph', 2, 0, 'Mục A', 'Đoạn hai.'],
    ['bai#anh-2', 'caption', 2, 2, 'Mục A', 'Ảnh: RT'],
    ['bai#3', 'paragraph', 3, 0, 'Mục B', 'Đoạn ba.'],
  ]);
  assert.equal(article.paragraphCount, 3);
  assert.deepEqual(article.headings, [{ text: 'Mục A', beforeParagraph: 2 }, { text: 'Mục B', beforeParagraph: 3 }]);
  assert.deepEqual(passages.map((p) => p.credit ?? null), ['Reuters', null, null, 'RT', null]);
});

test('GIVEN a caption ending in "Ảnh: AFP |" WHEN parsed THEN the credit is AFP and the text is kept verbatim', () => {
  const { passages } = parsed('Đoạn.\n@caption Ông Kim Jong-un tại nhà ga. Ảnh: AFP |\n');
  const caption = passages.find((p) => p.kind === 'caption');
  assert.ok(caption);
  assert.equal(caption.credit, 'AFP');
  assert.equal(caption.text, 'Ông Kim Jong-un tại nhà ga. Ảnh: AFP |');
});

test('GIVEN a body typed decomposed (NFD) WHEN parsed THEN passage text is NFC', () => {
  const { passages } = parsed('Bình Nhưỡng tiễn ông Kim.'.normalize('NFD'));
  assert.equal(passages[0]!.text, 'Bình Nhưỡng tiễn ông Kim.');
});

test('GIVEN a line with leading and trailing spaces WHEN parsed THEN the passage text is trimmed', () => {
  assert.equal(parsed('   Đoạn có khoảng trắng.   \n').passages[0]!.text, 'Đoạn có khoảng trắng.');
});

test('GIVEN dates WHEN their precision is read THEN YYYY is year, YYYY-MM month, YYYY-MM-DD day and anything else none', () => {
  assert.equal(datePrecision('2019'), 'year');
  assert.equal(datePrecision('2019-04'), 'month');
  assert.equal(datePrecision('2019-04-25'), 'day');
  for (const bad of ['19', '2019-4', '2019-04-5', '2019-13', '2019-04-32', '25/4/2019', '', '2019-04-25T10:00']) assert.equal(datePrecision(bad), undefined, bad);
});

test('GIVEN several problems in one file WHEN parsed THEN all of them are reported at once', () => {
  const outcome = parseArticle('bad.md', '---\nid: Bad_Id\ndate: "hôm qua"\nlanguage: vi\nauthor: x\n---\n\n');
  assert.equal(outcome.ok, false);
  if (outcome.ok) return;
  const all = outcome.problems.join('\n');
  assert.match(all, /missing field "title"/);
  assert.match(all, /unknown field "author"/);
  assert.match(all, /field "id"/);
  assert.match(all, /field "date"/);
  assert.match(all, /empty body/);
});

test('GIVEN a caption marker with no text, or followed by a tab WHEN parsed THEN it does not become a body paragraph', () => {
  const outcome = parseArticle('bai.md', `${FRONT}Đoạn một.\n@caption\n@caption\tChú thích. Ảnh: AFP |\nĐoạn hai.\n`);
  if (!outcome.ok) return; // reporting the marker as a problem is fine too
  const paragraphs = outcome.value.passages.filter((p) => p.kind === 'paragraph');
  assert.deepEqual(paragraphs.map((p) => p.text), ['Đoạn một.', 'Đoạn hai.']);
});

test('GIVEN a Markdown rule line ("---") in the body WHEN parsed THEN it is reported, not counted as a paragraph', () => {
  const outcome = parseArticle('bai.md', `${FRONT}Đoạn một.\n---\nĐoạn hai.\n`);
  assert.equal(outcome.ok, false);
  if (outcome.ok) return;
  assert.match(outcome.problems.join('; '), /body line \d+ has no words/);
});
