// An answer must not depend on which passages happen to be analysed and cached already: the
// paragraph before a candidate is read off its cached analysis when there is one, else off the
// index, and both must say the same, years read into "4 năm trước" included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePassage } from '../../src/core/passage-analysis.js';
import { isConceptId } from '../../src/core/passage-index.js';
import { fixtureIndex, passageScore } from '../fixtures/dossier.js';

const articles = [{
  id: 'gap-lai', title: 'Gặp lại', date: '2023-09',
  lines: [
    'Giá dầu thế giới giảm mạnh trong quý ba.',
    '4 năm trước, hai ông gặp nhau ở Vladivostok.',
    'Cuộc gặp đó kéo dài hơn 3 tiếng, theo phía Nga.',
    'Thời tiết miền Bắc chuyển lạnh từ tuần sau.', 'Hội chợ sách mở cửa suốt mười ngày.',
  ],
}, {
  // Another article writes the year, so the dossier knows it as a word.
  id: 'gia-gao', title: 'Giá gạo', date: '2020-01', lines: ['Năm 2019 giá gạo tăng nhẹ.', 'Đội tuyển bóng đá thắng trận giao hữu tối qua.'],
}];

test('GIVEN the paragraph before a candidate implies a year ("4 năm trước") WHEN scored with it cached and not THEN the score is the same', () => {
  const question = 'Cuộc gặp năm 2019 kéo dài bao lâu?';
  const cold = passageScore(fixtureIndex(articles), question, 'gap-lai#3');
  const warmed = fixtureIndex(articles);
  warmed.dossier.passages.forEach((_, id) => analyzePassage(warmed, id));
  assert.equal(passageScore(warmed, question, 'gap-lai#3'), cold);
});

test('GIVEN terms WHEN asked whether each is an alias concept id THEN only "c" followed by digits is', () => {
  for (const id of ['c0', 'c12', 'c345']) assert.ok(isConceptId(id), id);
  for (const word of ['c', 'co', 'cx1', 'c1a', '12', 'kim', 'c_1', 'nam_2019']) assert.ok(!isConceptId(word), word);
});
