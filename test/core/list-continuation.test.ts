// A paragraph that goes on with its paragraph before's list ("... trên một số khía cạnh." /
// "Đầu tiên là viện trợ lương thực ...") answers a question about the lead-in's words, though it
// repeats none of them: it is scored beside the lead-in, with its words at more credit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PARAMS } from '../../src/core/answer.js';
import { answeredResults, fixtureIndex, passageScore, UNRELATED_LINES as filler } from '../fixtures/dossier.js';

const index = fixtureIndex([{
  id: 'ho-tro', title: 'Hỗ trợ', date: '2023-09',
  lines: [
    'Để đổi lấy hỗ trợ quân sự, Bình Nhưỡng có thể yêu cầu Moskva trợ giúp trên một số khía cạnh.',
    'Đầu tiên là viện trợ lương thực, y tế và kinh tế.',
    ...filler,
  ],
}]);

test('GIVEN a question about a list\'s lead-in WHEN the list goes on in the next paragraph ("Đầu tiên là ...") THEN that paragraph is found, its lead-in\'s words at more credit than a plain paragraph before\'s', () => {
  const question = 'Bình Nhưỡng có thể yêu cầu Moskva trợ giúp khía cạnh nào đầu tiên?';
  const results = answeredResults(index, question);
  assert.ok(results.some((r) => r.passageId === 'ho-tro#2'), results.map((r) => r.passageId).join(' '));
  const plainCredit = passageScore(index, question, 'ho-tro#2', { ...DEFAULT_PARAMS, listContinuationCredit: DEFAULT_PARAMS.previousParagraphCredit })!;
  assert.ok(passageScore(index, question, 'ho-tro#2')! > plainCredit);
});

test('GIVEN a paragraph that opens no list WHEN it follows a candidate THEN it is not brought in', () => {
  const plain = fixtureIndex([{ id: 'a', title: 'A', date: '2023-09', lines: ['Bình Nhưỡng có thể yêu cầu Moskva trợ giúp.', 'Viện trợ lương thực được bàn sau.', ...filler] }]);
  const results = answeredResults(plain, 'Bình Nhưỡng có thể yêu cầu Moskva trợ giúp gì?');
  assert.ok(!results.some((r) => r.passageId === 'a#2'));
});
