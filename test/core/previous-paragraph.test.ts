// A news paragraph goes on from the one before it ("thỏa thuận này" is the treaty named just
// above), so a question word found only in the body paragraph before a passage still counts for
// it, for less than a word the passage holds itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RankingParams } from '../../src/core/answer.js';
import { answeredResults, fixtureIndex, passageScore, scoresByCredit, UNRELATED_LINES as filler } from '../fixtures/dossier.js';

const index = fixtureIndex([
  {
    id: 'hiep-uoc', title: 'Hiệp ước', date: '2024-06',
    lines: [
      'Hai bên đã ký hiệp ước đối tác chiến lược toàn diện tại thủ đô.',
      'Ông Ushakov nói thỏa thuận này sẽ không nhằm vào bất kỳ quốc gia nào khác.',
      ...filler,
    ],
  },
  {
    id: 'quang-ba', title: 'Quảng bá', date: '2023-09',
    lines: ['Chiến dịch quảng bá du lịch lần này nhằm vào khách của một quốc gia láng giềng.'],
  },
  {
    id: 'co-muc', title: 'Có mục', date: '2023-09',
    lines: ['Mùa màng năm nay bội thu ở nhiều tỉnh.', '## Mục khác', 'Chiến dịch tiêm chủng đã tới mọi xã trong tỉnh.'],
  },
  {
    id: 'khong-muc', title: 'Không mục', date: '2023-09',
    lines: ['Mùa màng năm nay bội thu ở nhiều tỉnh.', 'Chiến dịch tiêm chủng đã tới mọi xã trong tỉnh.'],
  },
]);

const results = (question: string, params?: RankingParams) => answeredResults(index, question, params);
const scoreOf = (question: string, passageId: string, params?: RankingParams) => passageScore(index, question, passageId, params);

test('GIVEN the treaty is named only in the paragraph before WHEN asked whether the treaty targets a country THEN the follow-up paragraph answers', () => {
  assert.equal(results('Hiệp ước có nhằm vào quốc gia nào không?')[0]!.passageId, 'hiep-uoc#2');
});

test('GIVEN a word only the paragraph before holds WHEN scored THEN it counts for more than nothing and less than the word itself', () => {
  const question = 'Hiệp ước có nhằm vào quốc gia nào không?';
  const { uncredited, credited, full } = scoresByCredit(index, question, 'hiep-uoc#2', 'previousParagraphCredit');
  assert.ok(uncredited! < credited! && credited! < full!, `${uncredited} < ${credited} < ${full}`);
});

test('GIVEN a heading between two paragraphs WHEN a word is only above the heading THEN it does not count for the paragraph below', () => {
  const question = 'Mùa màng và chiến dịch tiêm chủng ở tỉnh thế nào?';
  const underHeading = scoreOf(question, 'co-muc#2');
  const sameSection = scoreOf(question, 'khong-muc#2');
  assert.ok(underHeading !== undefined && sameSection !== undefined && underHeading < sameSection, `${underHeading} < ${sameSection}`);
});
