// The Vietnamese analyzer: the same analysis for index and query, so every property here is one a
// question typed differently from the article relies on to find it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bigrams, fold, normalizeText, placeToneMark, tokenize, type Token } from '../../src/core/analyzer.js';
import { answer } from '../../src/core/answer.js';
import { buildIndex, type PassageIndex } from '../../src/core/passage-index.js';
import { phraseWords } from '../../src/core/phrases.js';
import type { Result } from '../../src/core/types.js';
import { loadDossier } from '../../src/ingest/load.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const exact = (text: string): string[] => tokenize(text).map((t) => t.exact);
const folded = (text: string): string[] => tokenize(text).map((t) => t.folded);
/** The original characters each token points at. */
const spans = (text: string, tokens: readonly Token[]): string[] => tokens.map((t) => text.slice(t.start, t.end));

// ---- NFC and case -------------------------------------------------------------------------------

test('GIVEN "Việt" typed decomposed (NFD) WHEN tokenized THEN it gives the same token as the composed form', () => {
  const composed = 'Việt';
  const decomposed = 'Vie\u0323\u0302t';
  assert.notEqual(decomposed, composed);
  const [a] = tokenize(composed);
  const [b] = tokenize(decomposed);
  assert.ok(a && b);
  assert.equal(b.exact, a.exact);
  assert.equal(b.exact, 'việt');
  assert.equal(b.folded, 'viet');
  // The span still covers the whole decomposed word in the original text.
  assert.deepEqual([b.start, b.end], [0, decomposed.length]);
});

test('GIVEN a decomposed sentence WHEN tokenized THEN every token equals the composed sentence\'s', () => {
  const composed = 'Tổng thống Nga thăm Bình Nhưỡng';
  assert.deepEqual(exact(composed.normalize('NFD')), exact(composed));
});

test('GIVEN upper and mixed case WHEN tokenized THEN tokens are lower case', () => {
  assert.deepEqual(exact('VIỆT NAM Kim JONG-UN'), ['việt', 'nam', 'kim', 'jong', 'un']);
  assert.deepEqual(exact('ĐÀ NẴNG'), exact('đà nẵng'));
});

// ---- tone marks ---------------------------------------------------------------------------------

test('GIVEN the new-style tone placement (hoà, thoả, uỷ) WHEN normalized THEN it equals the traditional one (hòa, thỏa, ủy)', () => {
  for (const [modern, traditional] of [['hoà', 'hòa'], ['thoả', 'thỏa'], ['uỷ', 'ủy'], ['thuỷ', 'thủy'], ['khoẻ', 'khỏe']] as const) {
    assert.equal(placeToneMark(modern), traditional, modern);
    assert.equal(placeToneMark(traditional), traditional, traditional);
    assert.deepEqual(exact(modern), exact(traditional), modern);
  }
});

test('GIVEN "qu" and "gi" onsets and syllables with a final (quả, già, người, hoàng) WHEN normalized THEN they are unchanged', () => {
  for (const word of ['quả', 'già', 'người', 'hoàng', 'quý', 'giữa', 'nhưỡng', 'việt']) {
    assert.equal(placeToneMark(word), word, word);
  }
});

test('GIVEN the mark misplaced inside a "qu"/"gi" onset (qúy, gìa) WHEN normalized THEN it moves to the vowel (quý, già)', () => {
  assert.equal(placeToneMark('qúy'), 'quý');
  assert.equal(placeToneMark('gìa'), 'già');
});

test('GIVEN free text WHEN normalizeText THEN it is NFC, lower case, with canonical tone marks on every word', () => {
  assert.equal(normalizeText('Hoà bình, THOẢ thuận'.normalize('NFD')), 'hòa bình, thỏa thuận');
});

test('GIVEN a word with no tone mark or not Vietnamese-shaped WHEN placeToneMark THEN it is returned unchanged', () => {
  for (const word of ['nga', 'vladivostok', 'komsomolsk', '']) assert.equal(placeToneMark(word), word);
});

// ---- folding --------------------------------------------------------------------------------------

test('GIVEN đ and Đ WHEN folded THEN they become d and every diacritic is gone', () => {
  assert.equal(fold('đường Đà Nẵng'), 'duong Da Nang');
  assert.deepEqual(folded('Đoàn tàu bọc thép'), ['doan', 'tau', 'boc', 'thep']);
  assert.deepEqual(folded('Bình Nhưỡng'), folded('binh nhuong'));
});

// ---- hyphens --------------------------------------------------------------------------------------

test('GIVEN a hyphenated name "Kim Jong-un" WHEN tokenized THEN it splits at the hyphen with spans pointing at the original text', () => {
  const text = 'Ông Kim Jong-un lên tàu';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => t.exact), ['ông', 'kim', 'jong', 'un', 'lên', 'tàu']);
  assert.deepEqual(spans(text, tokens), ['Ông', 'Kim', 'Jong', 'un', 'lên', 'tàu']);
  const jong = tokens[2]!;
  const un = tokens[3]!;
  assert.equal(text.slice(jong.start, un.end), 'Jong-un');
  assert.equal(un.joined, true, 'a hyphen joins the two halves of the name');
});

test('GIVEN "Kim Jong-un" and "Kim Jong Un" WHEN tokenized THEN both give the same folded tokens and bigrams', () => {
  assert.deepEqual(folded('Kim Jong-un'), folded('Kim Jong Un'));
  assert.deepEqual(bigrams(tokenize('Kim Jong-un'), 'folded'), bigrams(tokenize('Kim Jong Un'), 'folded'));
});

test('GIVEN text with accents before a token WHEN tokenized THEN spans index the original string, not a normalized copy', () => {
  const text = 'Thoả thuận Mát-xcơ-va';
  const tokens = tokenize(text);
  assert.deepEqual(spans(text, tokens), ['Thoả', 'thuận', 'Mát', 'xcơ', 'va']);
  assert.equal(tokens[0]!.exact, 'thỏa');
});

// ---- numbers and dates -----------------------------------------------------------------------------

test('GIVEN numbers and dates (12/9, 34, 2019, 1.000, 3,5, 12/9/2023) WHEN tokenized THEN each is one whole number token', () => {
  const text = 'ngày 12/9, 34 người, năm 2019, 1.000 quân, 3,5 tỷ, hôm 12/9/2023';
  const numbers = tokenize(text).filter((t) => t.isNumber);
  assert.deepEqual(numbers.map((t) => t.exact), ['12/9', '34', '2019', '1.000', '3,5', '12/9/2023']);
  assert.deepEqual(spans(text, numbers), ['12/9', '34', '2019', '1.000', '3,5', '12/9/2023']);
});

test('GIVEN a number followed by a comma and a space WHEN tokenized THEN the comma is not part of the number', () => {
  assert.deepEqual(exact('34, người'), ['34', 'người']);
  assert.equal(tokenize('năm 2019.')[1]?.exact, '2019');
});

test('GIVEN words WHEN tokenized THEN they are not marked as numbers', () => {
  assert.ok(tokenize('tàu bọc thép Su').every((t) => !t.isNumber));
  assert.equal(tokenize('Su-35')[1]?.isNumber, true);
});

// ---- bigrams ----------------------------------------------------------------------------------------

test('GIVEN adjacent words WHEN bigrams THEN pairs are formed between joined tokens only', () => {
  assert.deepEqual(bigrams(tokenize('tàu bọc thép'), 'exact'), ['tàu_bọc', 'bọc_thép']);
  assert.deepEqual(bigrams(tokenize('tàu bọc thép'), 'folded'), ['tau_boc', 'boc_thep']);
});

test('GIVEN a comma between two words WHEN bigrams THEN no pair crosses the comma', () => {
  const pairs = bigrams(tokenize('tàu bọc thép, Nga'), 'folded');
  assert.deepEqual(pairs, ['tau_boc', 'boc_thep']);
  assert.ok(!pairs.includes('thep_nga'));
});

test('GIVEN other punctuation (full stop, quote, parenthesis) between words WHEN bigrams THEN no pair crosses it', () => {
  for (const text of ['Nga. Triều', 'Nga "Triều', 'Nga (Triều', 'Nga: Triều', 'Nga; Triều']) {
    assert.deepEqual(bigrams(tokenize(text), 'folded'), [], text);
    assert.equal(tokenize(text)[1]?.joined, false, text);
  }
});

test('GIVEN the first token WHEN tokenized THEN it is never joined', () => {
  assert.equal(tokenize('Nga')[0]?.joined, false);
  assert.equal(tokenize('  Nga')[0]?.joined, false);
});

// ---- aliases, through the real corpus ---------------------------------------------------------------

const CORPUS = join(PROJECT_ROOT, 'corpus');
let realIndex: PassageIndex | undefined;
function corpusIndex(): PassageIndex {
  if (realIndex) return realIndex;
  const { dossier, problems } = loadDossier(CORPUS);
  assert.ok(dossier, 'the real corpus loads');
  assert.deepEqual(problems, []);
  realIndex = buildIndex(dossier);
  return realIndex;
}

function found(question: string, articleId?: string): readonly Result[] {
  const reply = answer(corpusIndex(), question, articleId ? { articleId } : {});
  assert.ok(reply.ok, `"${question}" is a valid question`);
  assert.equal(reply.value.kind, 'found', `"${question}" finds something`);
  return reply.value.kind === 'found' ? reply.value.results : [];
}

test('GIVEN a question saying "Moskva" WHEN asked of an article that only writes "Moscow" THEN it finds passages saying "Moscow", ahead of any that only say "Nga" (a stand-in counts less)', () => {
  const articleId = '2024-06-putin-tham-binh-nhuong';
  const results = found('Moskva', articleId);
  assert.ok(results.length > 0);
  const saysMoscow = results.map((r) => /Moscow/.test(r.passage));
  assert.ok(saysMoscow[0], `top: ${results[0]!.passage}`);
  assert.ok(saysMoscow.lastIndexOf(true) < (saysMoscow.indexOf(false) === -1 ? Infinity : saysMoscow.indexOf(false)), `order: ${saysMoscow.join(',')}`);
  for (const r of results) {
    assert.equal(r.articleId, articleId);
    assert.match(r.passage, /Moscow|Nga/);
    assert.doesNotMatch(r.passage, /Moskva/);
  }
});

test('GIVEN a question saying "Moscow" WHEN asked of an article that only writes "Moskva" THEN it finds passages saying "Moskva"', () => {
  const articleId = '2023-09-kim-jong-un-len-tau-sang-nga';
  const results = found('Moscow', articleId);
  assert.ok(results.length > 0);
  for (const r of results) {
    assert.equal(r.articleId, articleId);
    assert.match(r.passage, /Moskva/);
  }
});

test('GIVEN "Moskva phủ nhận chuyển giao vũ khí" WHEN asked of the whole dossier THEN the top result is the passage saying "Moscow ... phủ nhận"', () => {
  const [top] = found('Moskva phủ nhận chuyển giao vũ khí');
  assert.ok(top);
  assert.match(top.excerpt, /Moscow và Bình Nhưỡng phủ nhận/);
});

test('GIVEN "Pyongyang" (never written so in the dossier) WHEN asked THEN every result says "Bình Nhưỡng"', () => {
  const results = found('Pyongyang');
  assert.ok(results.length > 0);
  for (const r of results) {
    assert.doesNotMatch(r.passage, /Pyongyang/i);
    assert.match(r.excerpt, /Bình Nhưỡng/);
  }
});

test('GIVEN "Pyongyang ga tàu lễ tiễn" WHEN asked THEN the top result is the farewell at the Bình Nhưỡng station', () => {
  const [top] = found('Pyongyang ga tàu lễ tiễn');
  assert.ok(top);
  assert.match(top.excerpt, /lễ tiễn/);
  assert.match(top.excerpt, /ga tàu ở Bình Nhưỡng/);
});

test('GIVEN every glossary key, alias and synonym of the shipped lexicon, and plain English edge cases WHEN split into phrase words THEN the fast path for plain English gives what tokenize gives', () => {
  const { dossier } = loadDossier(join(PROJECT_ROOT, 'corpus'));
  assert.ok(dossier, 'the shipped corpus loads');
  const phrases = [
    ...dossier.glossary.map((e) => e.en), ...dossier.aliases.flat(), ...(dossier.synonyms ?? []).flat(),
    "kim's train", "o'brien", 'two--words', "'quoted'", ' leading space', 'su-35', '4th visit', 'Capital Letters', 'đạn pháo',
  ];
  for (const phrase of phrases) assert.deepEqual(phraseWords(phrase), tokenize(phrase).map((t) => t.folded), phrase);
});

test('GIVEN a person named by relation ("bố ông Kim", "Kim\'s father") WHEN asked THEN it is the person aliases.yaml lists it for, and the paragraph naming him comes first', () => {
  for (const question of ['Bố ông Kim từng ghé nhà máy máy bay đó năm nào?', 'bo ong kim tung tham nha may may bay nam nao', "When did Kim's father visit the aircraft plant?"]) {
    const [top] = found(question);
    assert.match(top!.excerpt, /Kim Jong Il/, question);
  }
});
