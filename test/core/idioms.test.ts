// "lần đầu tiên" is "the first time", not "first" in an order: a question asking where someone went
// first ("tới đâu đầu tiên") is not answered by a paragraph saying it was their first visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PARAMS, rankPassages } from '../../src/core/answer.js';
import { analyzeQuery } from '../../src/core/query.js';
import { answeredResults, fixtureIndex, passageScore, UNRELATED_LINES as filler } from '../fixtures/dossier.js';

// The two paragraphs differ only by "lần": same words in the same order otherwise.
const index = fixtureIndex([
  { id: 'lan-dau', title: 'Chuyến thăm', date: '2023-09', lines: ['Ông Minh tới Huế lần đầu tiên vào mùa thu.', ...filler] },
  { id: 'thu-tu', title: 'Lịch trình', date: '2023-09', lines: ['Ông Minh tới Huế đầu tiên vào mùa thu.', ...filler] },
]);

test('GIVEN "đầu tiên" only inside "lần đầu tiên" WHEN asked where someone went first THEN that paragraph ranks below the one saying first in order', () => {
  const question = 'Ông Minh tới Huế đầu tiên phải không?';
  const ordinal = passageScore(index, question, 'thu-tu#1')!;
  const idiom = passageScore(index, question, 'lan-dau#1')!;
  assert.ok(ordinal - idiom > 0.1, `first in order ${ordinal} vs first time ${idiom}`);
  assert.equal(answeredResults(index, question)[0]!.passageId, 'thu-tu#1');
});

test('GIVEN a question that says "lần đầu tiên" itself WHEN scored THEN the idiom counts in full', () => {
  const question = 'Ông Minh tới Huế lần đầu tiên vào mùa nào?';
  const idiom = passageScore(index, question, 'lan-dau#1')!;
  const ordinal = passageScore(index, question, 'thu-tu#1')!;
  assert.ok(idiom > ordinal, `first time ${idiom} vs first in order ${ordinal}`);
});

test('GIVEN the "first time" paragraph shown for a question asking what came first WHEN bolded THEN "đầu tiên" inside "lần đầu tiên" is not bolded', () => {
  const result = answeredResults(index, 'Ông Minh tới Huế đầu tiên phải không?').find((r) => r.passageId === 'lan-dau#1');
  assert.ok(result, 'the first-time paragraph is among the results');
  const bolded = result.highlights.map(([start, end]) => result.excerpt.slice(start, end).toLowerCase());
  assert.ok(bolded.some((b) => b.includes('minh')), `the name is bolded: ${bolded.join(' | ')}`);
  assert.ok(!bolded.some((b) => b.includes('đầu') || b.includes('tiên')), `"đầu tiên" is not: ${bolded.join(' | ')}`);
});

test('GIVEN "đầu tiên" only inside "lần đầu tiên" WHEN the question\'s word pairs are counted as phrases THEN that pair is not one', () => {
  // Two paragraphs that hold the same pairs of the question but for "đầu tiên", which one holds only in the idiom.
  const pairs = fixtureIndex([
    { id: 'lan-dau', title: 'Chuyến thăm', date: '2023-09', lines: ['Ông Minh tới Huế lần đầu tiên vào mùa thu.', ...filler] },
    { id: 'lan-hai', title: 'Chuyến thăm', date: '2023-09', lines: ['Ông Minh tới Huế lần thứ hai vào mùa thu.', ...filler] },
  ]);
  const query = analyzeQuery(pairs, 'Ông Minh tới Huế đầu tiên phải không?');
  const ranked = rankPassages(pairs, query, DEFAULT_PARAMS);
  const phrasesOf = (id: string) => ranked.find((r) => r.analysis.passage.id === id)?.window.phrases;
  assert.ok((phrasesOf('lan-hai#1') ?? 0) > 0, 'the paragraphs hold some of the pairs');
  assert.equal(phrasesOf('lan-dau#1'), phrasesOf('lan-hai#1'));
});
