// A news article names its place and people once, then goes on without them ("Trong cuộc gặp kéo
// dài hơn 5 tiếng, hai nhà lãnh đạo..."), so a name the passage lacks but its article gives
// elsewhere still counts for it, for less than the passage naming it itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PARAMS, type RankingParams } from '../../src/core/answer.js';
import { answeredResults, fixtureIndex, passageScore } from '../fixtures/dossier.js';

const filler = [
  'Giá dầu thế giới giảm mạnh trong quý ba.', 'Thời tiết miền Bắc chuyển lạnh từ tuần sau.',
  'Đội tuyển bóng đá thắng trận giao hữu tối qua.', 'Hội chợ sách mở cửa suốt mười ngày.',
];

const index = fixtureIndex([
  {
    id: 'hoi-nghi', title: 'Hội nghị', date: '2023-09',
    lines: [
      'Hai nhà lãnh đạo gặp nhau tại sân bay vũ trụ Vostochny hôm thứ Tư.',
      ...filler,
      'Cuộc gặp kéo dài hơn 5 tiếng, hai bên thảo luận về hợp tác kinh tế.',
    ],
  },
  {
    id: 'hoi-cho', title: 'Hội chợ', date: '2023-09',
    lines: ['Cuộc gặp kéo dài 3 tiếng, hai bên thảo luận về giá gạo.', ...filler],
  },
], [['Vostochny', 'sân bay vũ trụ Vostochny', 'Vostochny Cosmodrome']]);

const scoreOf = (question: string, passageId: string, params?: RankingParams) => passageScore(index, question, passageId, params);

test('GIVEN a place named only earlier in the article WHEN asked how long the talks there lasted THEN that article\'s paragraph answers first', () => {
  assert.equal(answeredResults(index, 'Cuộc gặp ở Vostochny kéo dài bao lâu?')[0]!.passageId, 'hoi-nghi#6');
});

test('GIVEN a name only the article holds WHEN scored THEN it counts for more than nothing and less than the name in the passage itself', () => {
  const question = 'Cuộc gặp ở Vostochny kéo dài bao lâu?';
  const credited = scoreOf(question, 'hoi-nghi#6')!;
  const uncredited = scoreOf(question, 'hoi-nghi#6', { ...DEFAULT_PARAMS, articleNameCredit: 0 })!;
  const full = scoreOf(question, 'hoi-nghi#6', { ...DEFAULT_PARAMS, articleNameCredit: 1 })!;
  assert.ok(uncredited < credited && credited < full, `${uncredited} < ${credited} < ${full}`);
});

test('GIVEN a name no paragraph of the article gives WHEN scored THEN the article earns nothing for it', () => {
  const question = 'Cuộc gặp ở Vostochny kéo dài bao lâu?';
  const credited = scoreOf(question, 'hoi-cho#1');
  const uncredited = scoreOf(question, 'hoi-cho#1', { ...DEFAULT_PARAMS, articleNameCredit: 0 });
  assert.equal(credited, uncredited);
});
