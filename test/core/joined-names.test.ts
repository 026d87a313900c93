// A name of several syllables typed as one word ("Pexcốp" for "Pe-xcốp", "hanoi" for "Hà Nội")
// is still that name: members drop a transliteration's hyphens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeQuery } from '../../src/core/query.js';
import { answeredResults, fixtureIndex, UNRELATED_LINES as filler } from '../fixtures/dossier.js';

const index = fixtureIndex(
  [{ id: 'hoi-dam', title: 'Hội đàm', date: '2023-09', lines: ['Ông Peskov cho biết cuộc hội đàm sẽ bàn về kinh tế.', 'Ông Ivanov cho biết cuộc hội đàm sẽ bàn về văn hóa.', ...filler] }],
  [['Dmitry Peskov', 'Peskov', 'Pe-xcốp'], ['Ivanov', 'I-va-nốp']],
);

test('GIVEN a hyphenated alias ("Pe-xcốp") typed as one word, with or without diacritics WHEN asked THEN it names the person, and finds the paragraph naming them', () => {
  for (const question of ['Ông Pexcốp nói cuộc hội đàm bàn về gì?', 'ong pexcop noi cuoc hoi dam ban ve gi']) {
    const query = analyzeQuery(index, question);
    assert.deepEqual(query.unknown, [], question);
    const [top] = answeredResults(index, question);
    assert.match(top!.excerpt, /Peskov/, question);
  }
});

test('GIVEN a joined alias that spells a syllable WHEN indexed THEN it is not added: only runs no Vietnamese word could be', () => {
  const syllable = fixtureIndex([{ id: 'a', title: 'A', date: '2023-09', lines: ['Ông Tran đến.', ...filler] }], [['Ông Tran', 'Tr-an']]);
  assert.equal(syllable.aliasConcepts.matchAll(['tran']).length, 0);
});
