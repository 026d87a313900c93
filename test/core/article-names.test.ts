// A news article names its place and people once, then goes on without them ("Trong cuộc gặp kéo
// dài hơn 5 tiếng, hai nhà lãnh đạo..."), so a name the passage lacks but its article gives
// elsewhere still counts for it, for less than the passage naming it itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answeredResults, fixtureIndex, scoresByCredit, UNRELATED_LINES as filler } from '../fixtures/dossier.js';

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

test('GIVEN a place named only earlier in the article WHEN asked how long the talks there lasted THEN that article\'s paragraph answers first', () => {
  assert.equal(answeredResults(index, 'Cuộc gặp ở Vostochny kéo dài bao lâu?')[0]!.passageId, 'hoi-nghi#6');
});

test('GIVEN a name only the article holds WHEN scored THEN it counts for more than nothing and less than the name in the passage itself', () => {
  const question = 'Cuộc gặp ở Vostochny kéo dài bao lâu?';
  const { uncredited, credited, full } = scoresByCredit(index, question, 'hoi-nghi#6', 'articleNameCredit');
  assert.ok(uncredited! < credited! && credited! < full!, `${uncredited} < ${credited} < ${full}`);
});

test('GIVEN a name no paragraph of the article gives WHEN scored THEN the article earns nothing for it', () => {
  const question = 'Cuộc gặp ở Vostochny kéo dài bao lâu?';
  const { uncredited, credited } = scoresByCredit(index, question, 'hoi-cho#1', 'articleNameCredit');
  assert.equal(credited, uncredited);
});
