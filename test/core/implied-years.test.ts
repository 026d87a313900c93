// A sentence that means a year without writing it ("4 năm trước" in a 2023 article) holds that
// year as a term, so "năm 2019" in a question meets it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePassage, sentencesHolding } from '../../src/core/passage-analysis.js';
import { fixtureIndex } from '../fixtures/dossier.js';

const index = fixtureIndex([{
  id: 'bai', title: 'Một bài', date: '2023-09',
  lines: ['Sau cuộc hội đàm 4 năm trước, ông Putin khen ông Kim. Năm ngoái, hai bên ký thỏa thuận. Ngày 12/9, đoàn tàu tới biên giới.'],
}]);

test('GIVEN "4 năm trước" and "năm ngoái" in an article of September 2023 WHEN analysed THEN those sentences hold 2019 and 2022; a day and month holds neither', () => {
  const analysis = analyzePassage(index, 0);
  assert.equal(analysis.sentences.length, 3);
  assert.equal(sentencesHolding(analysis, '2019'), 0b001);
  assert.equal(sentencesHolding(analysis, '2022'), 0b010);
  assert.equal(sentencesHolding(analysis, '2023'), 0, 'the article year is context, not a term of each sentence');
});
