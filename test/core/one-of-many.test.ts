// A question about several things that the best passage meets in one only ("Mai Hà Nội có mưa
// không?" against a paragraph on the Hanoi summit) is not answered, unless that one thing carries
// most of the question.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, DEFAULT_PARAMS } from '../../src/core/answer.js';
import { fixtureIndex, UNRELATED_LINES as filler } from '../fixtures/dossier.js';

// "mai" and "mưa" are words of the dossier, in other paragraphs than the one naming Huế.
const index = fixtureIndex([
  { id: 'hoi-nghi', title: 'Hội nghị', date: '2019-02', lines: ['Hội nghị thượng đỉnh ở Huế kết thúc mà không có thỏa thuận nào.', ...filler] },
  { id: 'lich', title: 'Lịch trình', date: '2019-02', lines: ['Sáng mai hai đoàn sẽ họp báo.', 'Chiều mai hai đoàn về nước.', 'Trời mưa nên lễ đón bị hoãn.', 'Mưa lớn làm chậm đoàn xe.'] },
]);

const kindOf = (question: string, params = DEFAULT_PARAMS) => {
  const reply = answer(index, question, { params });
  assert.ok(reply.ok, question);
  return reply.value.kind;
};

test('GIVEN a question about three things of which the best paragraph meets one WHEN answered THEN it abstains, and only this rule makes it', () => {
  const question = 'Mai Huế có mưa không?';
  assert.equal(kindOf(question), 'none');
  assert.equal(kindOf(question, { ...DEFAULT_PARAMS, abstainOneOfManyBelow: 0 }), 'found', 'the other abstention rules would answer it');
});

test('GIVEN a question about three things of which the best paragraph meets two WHEN answered THEN it is answered', () => {
  assert.equal(kindOf('Hội nghị ở Huế có thỏa thuận không?'), 'found');
});
