// Answering, end to end on the real corpus: the excerpt a member is shown holds the answer, the
// citation points at the right place, bold spans lie on the question's words, off-topic questions
// abstain, and every input that cannot be a question gets its own problem code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold, tokenize } from '../../src/core/analyzer.js';
import { answer, MAX_RESULTS, suggestions, type AnswerOptions } from '../../src/core/answer.js';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../../src/core/query.js';
import type { Answer, QueryProblem, Result } from '../../src/core/types.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { corpusIndex as index } from '../fixtures/dossier.js';


function ask(question: string, options: AnswerOptions = {}): Answer {
  const reply = answer(index(), question, options);
  assert.ok(reply.ok, `"${question}" should be searchable, got ${reply.ok ? '' : reply.problem}`);
  return reply.value;
}

function results(question: string, options: AnswerOptions = {}): readonly Result[] {
  const a = ask(question, options);
  assert.equal(a.kind, 'found', `"${question}" should be answered`);
  return a.kind === 'found' ? a.results : [];
}

/** The invariants every result must keep, whatever the question. */
function assertWellFormed(r: Result): void {
  const dossier = index().dossier;
  const passage = dossier.passages.find((p) => p.id === r.passageId);
  assert.ok(passage, `${r.passageId} is a passage of the dossier`);
  const article = dossier.articles.find((a) => a.id === r.articleId);
  assert.ok(article, `${r.articleId} is an article of the dossier`);
  assert.equal(passage.articleId, r.articleId);
  assert.equal(r.passage, passage.text, 'the whole paragraph is given verbatim');
  assert.ok(r.excerpt.length > 0);
  assert.ok(r.passage.includes(r.excerpt), 'the excerpt is a verbatim piece of the passage');
  assert.equal(r.title, article.title);
  assert.equal(r.date, article.date);
  assert.equal(r.paragraph, passage.paragraph);
  // citation
  const c = r.citation;
  assert.equal(c.articleId, article.id);
  assert.equal(c.title, article.title);
  assert.equal(c.date, article.date);
  assert.equal(c.datePrecision, article.datePrecision);
  assert.equal(c.paragraphCount, article.paragraphCount);
  assert.equal(c.passageKind, passage.kind);
  assert.ok(c.paragraph <= c.paragraphCount, `paragraph ${c.paragraph} <= ${c.paragraphCount}`);
  if (c.passageKind === 'paragraph') assert.ok(c.paragraph >= 1);
  else assert.ok(c.captionNumber >= 1);
  // highlights: inside the excerpt, in order, not overlapping, on word boundaries
  let previousEnd = 0;
  for (const [start, end] of r.highlights) {
    assert.ok(start >= previousEnd, `highlights in order and disjoint (${start} >= ${previousEnd})`);
    assert.ok(start < end && end <= r.excerpt.length, `[${start}, ${end}) lies inside an excerpt of ${r.excerpt.length}`);
    const bolded = r.excerpt.slice(start, end);
    assert.match(bolded, /^[\p{L}\p{N}]/u, `"${bolded}" starts on a word`);
    assert.match(bolded, /[\p{L}\p{N}\p{M}]$/u, `"${bolded}" ends on a word`);
    previousEnd = end;
  }
  assert.ok(Number.isFinite(r.score));
}

const excerpts = (rs: readonly Result[], n = 3): string[] => rs.slice(0, n).map((r) => r.excerpt);
const bolded = (r: Result): string[] => r.highlights.map(([s, e]) => r.excerpt.slice(s, e));
/** Folded words of the bolded text. */
const boldedWords = (r: Result): Set<string> => new Set(bolded(r).flatMap((b) => tokenize(b).map((t) => t.folded)));
const questionWords = (q: string): Set<string> => new Set(tokenize(q).map((t) => t.folded));

// ---- answers found --------------------------------------------------------------------------------

const CASES: readonly { question: string; expected: string; note: string }[] = [
  { question: 'Kim Jong-un đi tàu gì', expected: 'tàu bọc thép', note: 'Vietnamese with diacritics' },
  { question: 'kim jong un di tau boc thep', expected: 'tàu bọc thép', note: 'without diacritics' },
  { question: 'What kind of train did Kim Jong-un take?', expected: 'tàu bọc thép', note: 'English through the glossary' },
  { question: 'Vladivostok có bao nhiêu dân', expected: 'nửa triệu', note: 'a number' },
  { question: 'Vladivostok co bao nhieu dan', expected: 'nửa triệu', note: 'a number, without diacritics' },
  { question: 'How many people live in Vladivostok?', expected: 'nửa triệu', note: 'a number, in English' },
  { question: 'What fighter jets are built at the Komsomolsk-on-Amur plant?', expected: 'Su-35', note: 'English' },
  { question: 'Putin thăm Bình Nhưỡng sau bao nhiêu năm', expected: '24 năm', note: 'a number of years' },
  { question: 'Who is the Kremlin spokesman?', expected: 'Dmitry Peskov', note: 'a person, in English' },
  { question: 'Putin và Kim đi xe gì đến nhà khách', expected: 'limousine', note: 'a thing' },
];

for (const { question, expected, note } of CASES) {
  test(`GIVEN "${question}" (${note}) WHEN answered THEN one of the top-3 excerpts says "${expected}"`, () => {
    const rs = results(question);
    assert.ok(rs.length >= 1 && rs.length <= MAX_RESULTS, `1..${MAX_RESULTS} results, got ${rs.length}`);
    assert.ok(excerpts(rs).some((e) => e.includes(expected)), `top 3:\n${excerpts(rs).join('\n')}`);
    for (const r of rs) assertWellFormed(r);
  });
}

test('GIVEN "Kim Jong-un đến Nga bằng gì?" (the armoured-train passage does not say "đến") WHEN answered THEN a top-3 excerpt says "tàu bọc thép"', { todo: 'ranking (src/core/answer.ts): passages saying "Kim Jong Un ... đến ... Nga" (2019#3, 2024-06#1, 2023-09 lên tàu #3) cover the question fully and outrank the one that answers it; needs paraphrase knowledge ("đi vào lãnh thổ" = "đến"), not a parameter' }, () => {
  for (const question of ['Kim Jong-un đến Nga bằng gì?', 'kim jong un den nga bang gi']) {
    const rs = results(question);
    assert.ok(excerpts(rs).some((e) => e.includes('tàu bọc thép')), `${question}; top 3:\n${excerpts(rs).join('\n')}`);
  }
});

test('GIVEN the English example the bot suggests ("How did Kim Jong-un travel to Russia?") WHEN answered THEN a top-3 excerpt says "tàu bọc thép"', () => {
  const rs = results('How did Kim Jong-un travel to Russia?');
  assert.ok(excerpts(rs).some((e) => e.includes('tàu bọc thép')), `top 3:\n${excerpts(rs).join('\n')}`);
});

test('GIVEN "Vladivostok có bao nhiêu dân" WHEN answered THEN the top result cites paragraph 11 of 11 of the 2019 summit article', () => {
  const [top] = results('Vladivostok có bao nhiêu dân');
  assert.ok(top);
  assert.equal(top.articleId, '2019-04-thuong-dinh-putin-kim-vladivostok');
  assert.equal(top.passageId, `${top.articleId}#11`);
  assert.equal(top.citation.paragraph, 11);
  assert.equal(top.citation.paragraphCount, 11);
  assert.equal(top.citation.date, '2019-04');
  assert.match(top.citation.title, /Vladivostok/);
});

test('GIVEN a Vietnamese question WHEN answered THEN every bold span of the top excerpt holds a word of the question', () => {
  for (const question of ['Vladivostok có bao nhiêu dân', 'Kim Jong-un đi tàu gì']) {
    const [top] = results(question);
    assert.ok(top && top.highlights.length > 0, `${question}: something is bolded`);
    const asked = questionWords(question);
    for (const span of bolded(top)) {
      assert.ok(tokenize(span).some((t) => asked.has(t.folded)), `${question}: bolded "${span}" holds a word of the question`);
    }
    assert.ok([...boldedWords(top)].some((w) => asked.has(w)));
  }
});

test('GIVEN a multi-word rendering of a question word WHEN only a stray syllable of it is in the excerpt THEN that syllable is not bolded', () => {
  const [jets] = results('What fighter jets are built at the Komsomolsk-on-Amur plant?');
  assert.ok(jets);
  assert.ok(!bolded(jets).some((b) => /^tiềm$/iu.test(b)), `bolded: ${bolded(jets).join('|')}`);
  const question = 'Putin thăm Bình Nhưỡng sau bao nhiêu năm';
  const [top] = results(question);
  assert.ok(top);
  for (const span of bolded(top)) assert.ok(tokenize(span).some((t) => questionWords(question).has(t.folded)), `bolded "${span}" holds no word of the question`);
});

test('GIVEN "Vladivostok có bao nhiêu dân" WHEN answered THEN "Vladivostok" and "dân" are bolded in the top excerpt', () => {
  const [top] = results('Vladivostok có bao nhiêu dân');
  assert.ok(top);
  const b = bolded(top);
  assert.ok(b.includes('Vladivostok'), b.join('|'));
  assert.ok(b.includes('dân'), b.join('|'));
});

test('GIVEN "kim jong un di tau boc thep" WHEN answered THEN the phrase "tàu bọc thép" is bolded as one span', () => {
  const rs = results('kim jong un di tau boc thep');
  const withPhrase = rs.find((r) => r.excerpt.includes('tàu bọc thép'));
  assert.ok(withPhrase);
  assert.ok(bolded(withPhrase).some((b) => b.toLowerCase().endsWith('tàu bọc thép')), bolded(withPhrase).join('|'));
});

test('GIVEN "Pyongyang" (an alias of "Bình Nhưỡng") WHEN answered THEN "Bình Nhưỡng" is bolded in the excerpts', () => {
  const rs = results('Pyongyang');
  for (const r of rs.slice(0, 3)) assert.ok(bolded(r).includes('Bình Nhưỡng'), `${r.passageId}: ${bolded(r).join('|')}`);
});

test('GIVEN a question with diacritics using "vũ khí" (weapon) WHEN answered THEN "khí" counts as a word and "vũ khí" is bolded whole', () => {
  const [top] = results('Moskva phủ nhận chuyển giao vũ khí');
  assert.ok(top);
  assert.ok(bolded(top).some((b) => b.includes('vũ khí')), bolded(top).join('|'));
});

test('GIVEN any question WHEN answered THEN there are at most 5 results, and the limit option gives fewer (never 0, never above 5)', () => {
  const question = 'Kim Jong-un Putin';
  assert.ok(results(question).length <= MAX_RESULTS);
  assert.equal(MAX_RESULTS, 5);
  assert.equal(results(question, { limit: 2 }).length, 2);
  assert.equal(results(question, { limit: 0 }).length, 1);
  assert.ok(results(question, { limit: 50 }).length <= 5);
});

test('GIVEN results WHEN answered THEN they come in order of decreasing score', () => {
  const rs = results('Kim Jong-un gặp Putin ở đâu năm 2023');
  for (let i = 1; i < rs.length; i++) assert.ok(rs[i - 1]!.score >= rs[i]!.score);
});

test('GIVEN every one of our evaluation question sets WHEN answered THEN every result is well formed (citation, excerpt, highlights)', () => {
  const lines = ['questions.jsonl', 'holdout.jsonl', 'fresh.jsonl']
    .flatMap((file) => readFileSync(join(PROJECT_ROOT, 'eval', file), 'utf8').split('\n'))
    .filter((l) => l.trim() !== '');
  assert.ok(lines.length > 50);
  let answered = 0;
  for (const line of lines) {
    const { q } = JSON.parse(line) as { q: string };
    const reply = answer(index(), q);
    if (!reply.ok || reply.value.kind !== 'found') continue;
    answered += 1;
    assert.ok(reply.value.results.length <= MAX_RESULTS, q);
    for (const r of reply.value.results) assertWellFormed(r);
  }
  assert.ok(answered > lines.length / 2, `most questions are answered (${answered}/${lines.length})`);
});

// ---- abstention --------------------------------------------------------------------------------------

for (const question of [
  'Thời tiết Sài Gòn hôm nay thế nào?',
  'thoi tiet sai gon hom nay the nao',
  'Công thức nấu phở bò',
  'cach nau pho bo ngon',
  'What is the weather like in Saigon today?',
  'pho recipe',
]) {
  test(`GIVEN the off-topic question "${question}" WHEN answered THEN it abstains (kind "none") and suggests the dossier's articles`, () => {
    const a = ask(question);
    assert.equal(a.kind, 'none', a.kind === 'found' ? `found:\n${a.results.map((r) => r.excerpt).join('\n')}` : '');
    if (a.kind !== 'none') return;
    assert.equal(a.query, question.trim());
    assert.deepEqual([...a.suggestions].sort(), index().dossier.articles.map((x) => x.title).sort());
    assert.deepEqual(a.suggestions, suggestions(index()));
  });
}

test('GIVEN the off-topic English question "How do I cook pho?" WHEN answered THEN it abstains', () => {
  for (const question of ['How do I cook pho?', 'How to cook beef pho?']) {
    const a = ask(question);
    assert.equal(a.kind, 'none', a.kind === 'found' ? `${question} found:\n${a.results.map((r) => `${r.confidence} ${r.excerpt.slice(0, 80)}`).join('\n')}` : '');
  }
});

test('GIVEN an English question most of whose words are neither in the glossary nor the dossier ("good ... guitar") WHEN answered THEN it abstains, though a word or two translate', () => {
  for (const question of ['Any good tips for learning the guitar?', 'What is a good recipe for chocolate cake?']) {
    const a = ask(question);
    assert.equal(a.kind, 'none', a.kind === 'found' ? `${question} found:\n${a.results.map((r) => `${r.confidence} ${r.excerpt.slice(0, 80)}`).join('\n')}` : '');
  }
});

test('GIVEN suggestions WHEN listed THEN the newest article comes first', () => {
  const s = suggestions(index());
  assert.equal(s.length, 5);
  const byTitle = new Map(index().dossier.articles.map((a) => [a.title, a.date]));
  for (let i = 1; i < s.length; i++) assert.ok(byTitle.get(s[i - 1]!)! >= byTitle.get(s[i]!)!);
});

// ---- articleId filter --------------------------------------------------------------------------------

test('GIVEN an articleId WHEN answered THEN every result comes from that article', () => {
  for (const article of index().dossier.articles) {
    const a = ask('Kim Jong-un Putin', { articleId: article.id });
    if (a.kind === 'found') for (const r of a.results) assert.equal(r.articleId, article.id);
  }
  const rs = results('Kim Jong-un Putin', { articleId: '2024-06-putin-tham-binh-nhuong' });
  assert.ok(rs.length > 0);
  for (const r of rs) assert.equal(r.articleId, '2024-06-putin-tham-binh-nhuong');
});

test('GIVEN an articleId that does not hold the answer WHEN answered THEN no result comes from another article', () => {
  const a = ask('Vladivostok có bao nhiêu dân', { articleId: '2024-06-putin-tham-binh-nhuong' });
  if (a.kind === 'found') for (const r of a.results) assert.equal(r.articleId, '2024-06-putin-tham-binh-nhuong');
  const unfiltered = results('Vladivostok có bao nhiêu dân');
  assert.ok(unfiltered.some((r) => r.articleId !== '2024-06-putin-tham-binh-nhuong'), 'without the filter other articles appear');
});

test('GIVEN an articleId that does not exist WHEN answered THEN it abstains rather than answering from other articles', () => {
  const a = ask('Vladivostok có bao nhiêu dân', { articleId: 'no-such-article' });
  assert.equal(a.kind, 'none');
});

// ---- problems ----------------------------------------------------------------------------------------

const PROBLEMS: readonly { label: string; input: string; problem: QueryProblem }[] = [
  { label: 'empty', input: '', problem: 'empty' },
  { label: 'only whitespace', input: '   \t\n  ', problem: 'empty' },
  { label: '10,000 characters', input: 'Kim Jong-un '.repeat(834).slice(0, 10_000), problem: 'too-long' },
  { label: 'one character over the limit', input: 'a'.repeat(MAX_QUESTION_LENGTH + 1), problem: 'too-long' },
  { label: 'a control character (BEL)', input: 'Kim\u0007 Jong-un', problem: 'control-characters' },
  { label: 'a NUL', input: 'Kim Jong-un\u0000', problem: 'control-characters' },
  { label: 'an escape sequence', input: '\u001b[31mKim Jong-un', problem: 'control-characters' },
  { label: 'a C1 control character', input: 'Kim\u0085Jong-un', problem: 'control-characters' },
  { label: 'Cyrillic', input: 'Ким Чен Ын приехал в Россию?', problem: 'unsupported-script' },
  { label: 'Hangul', input: '김정은 위원장은 러시아에 어떻게 갔나요?', problem: 'unsupported-script' },
  { label: 'Chinese', input: '金正恩怎么去俄罗斯？', problem: 'unsupported-script' },
  { label: 'only punctuation', input: '?!... ,;: --', problem: 'no-searchable-terms' },
  { label: 'only emoji', input: '😀🚂🇷🇺', problem: 'no-searchable-terms' },
  { label: 'only stop words', input: 'là và của', problem: 'no-searchable-terms' },
  { label: 'only question particles', input: 'gì vậy không?', problem: 'no-searchable-terms' },
  { label: 'only English function words', input: 'what is the', problem: 'no-searchable-terms' },
];

for (const { label, input, problem } of PROBLEMS) {
  test(`GIVEN a question that is ${label} WHEN answered THEN the problem is "${problem}"`, () => {
    const reply = answer(index(), input);
    assert.equal(reply.ok, false);
    if (!reply.ok) assert.equal(reply.problem, problem);
  });
}

test('GIVEN a question of exactly the maximum length WHEN checked THEN it is not too long', () => {
  const question = `Vladivostok ${'a'.repeat(MAX_QUESTION_LENGTH - 12)}`;
  assert.equal(question.length, MAX_QUESTION_LENGTH);
  assert.deepEqual(checkQuestion(question), { ok: true, value: question });
});

test('GIVEN "too-long" WHEN reported THEN the detail says the length', () => {
  const reply = checkQuestion('x'.repeat(10_000));
  assert.deepEqual(reply, { ok: false, problem: 'too-long', detail: '10000' });
});

test('GIVEN a question with tabs, newlines and runs of spaces WHEN checked THEN it is accepted with single spaces', () => {
  assert.deepEqual(checkQuestion('  Vladivostok\tcó \n bao   nhiêu dân  '), { ok: true, value: 'Vladivostok có bao nhiêu dân' });
});

test('GIVEN a question pasted with a Windows line break (CRLF) inside WHEN checked THEN it is accepted like one with LF', () => {
  assert.equal(checkQuestion('Vladivostok có\nbao nhiêu dân').ok, true);
  assert.deepEqual(checkQuestion('Vladivostok có\r\nbao nhiêu dân'), { ok: true, value: 'Vladivostok có bao nhiêu dân' });
});

test('GIVEN a question mixing Latin with a little Hangul WHEN checked THEN it is accepted', () => {
  assert.equal(checkQuestion('Kim Jong-un 김정은 đến Nga bằng gì').ok, true);
});

test('GIVEN a decomposed (NFD) question WHEN answered THEN it gives the same answer as the composed one', () => {
  const composed = 'Vladivostok có bao nhiêu dân';
  const a = results(composed);
  const b = results(composed.normalize('NFD'));
  assert.deepEqual(b.map((r) => r.passageId), a.map((r) => r.passageId));
  assert.equal(fold(b[0]!.excerpt), fold(a[0]!.excerpt));
});

test('GIVEN a stance question WHEN a passage says the claim was denied THEN "bác bỏ" / "phủ nhận" sentences hold the kind, plain ones do not', async () => {
  const { holdsKind } = await import('../../src/core/answer-kinds.js');
  const kindOf = (text: string) => holdsKind('stance', tokenize(text), text);
  assert.ok(kindOf('Cả hai nước đều đã bác bỏ thông tin này.'));
  assert.ok(kindOf('Moscow và Bình Nhưỡng phủ nhận việc chuyển giao vũ khí.'));
  assert.ok(!kindOf('Hai nhà lãnh đạo đi trên cùng một chiếc xe.'));
});
