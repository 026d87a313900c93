// A person named in the question is met by an office of theirs (offices.yaml) in a paragraph that
// lacks the name, but only in an article that names them: an office changes hands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PARAMS } from '../../src/core/answer.js';
import { answeredResults, fixtureIndex, passageScore, UNRELATED_LINES as filler } from '../fixtures/dossier.js';

// The same sentence in two articles; only the first names the governor. The naming paragraph
// comes after it, so that no previous-paragraph credit is in play.
const SENTENCE = 'Thống đốc tỉnh ký lệnh mở cửa khẩu Khasan.';
const index = fixtureIndex(
  [
    { id: 'co-ten', title: 'Cửa khẩu', date: '2023-09', lines: [SENTENCE, 'Ông Ivan Petrov nhậm chức năm ngoái.', ...filler] },
    { id: 'khong-ten', title: 'Cửa khẩu', date: '2023-09', lines: [SENTENCE, ...filler] },
  ],
  [['Ivan Petrov', 'Petrov']],
  [['Ivan Petrov', 'Thống đốc tỉnh']],
);
const question = 'Petrov ký lệnh mở cửa khẩu nào?';
const scores = (id: string) => ({ office: passageScore(index, question, id)!, without: passageScore(index, question, id, { ...DEFAULT_PARAMS, officeCredit: 0 })! });

test('GIVEN a paragraph naming a person by office, in an article that names them WHEN asked about the person THEN the office counts', () => {
  const { office, without } = scores('co-ten#1');
  assert.ok(office > without, `with the office ${office} vs without ${without}`);
});

test('GIVEN the same paragraph in an article that never names the person WHEN asked about them THEN the office does not count', () => {
  const { office, without } = scores('khong-ten#1');
  assert.equal(office, without);
  assert.ok(passageScore(index, question, 'co-ten#1')! > office, 'the article naming him ranks first');
});

test('GIVEN an office standing for the person asked about WHEN the excerpt is bolded THEN the office is, where it counted', () => {
  const bolded = (id: string) => {
    const result = answeredResults(index, question).find((r) => r.passageId === id);
    assert.ok(result, `${id} is among the results`);
    return result.highlights.map(([start, end]) => result.excerpt.slice(start, end).toLowerCase());
  };
  assert.ok(bolded('co-ten#1').some((b) => b.includes('thống đốc tỉnh')), bolded('co-ten#1').join(' | '));
  assert.ok(!bolded('khong-ten#1').some((b) => b.includes('thống đốc')), bolded('khong-ten#1').join(' | '));
});
