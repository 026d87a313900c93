// Word order: Vietnamese asks in place, so a sentence holding the question's neighbouring words
// near each other and in its order says what was asked; the same words scattered do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, DEFAULT_PARAMS, type RankingParams } from '../../src/core/answer.js';
import { fixtureIndex } from '../fixtures/dossier.js';

// Two passages with the same content words: one says the thing in the question's order, the other
// scatters the words over unrelated clauses. The scattered one is longer-winded but repeats "Kim".
const index = fixtureIndex([
  {
    id: 'roi-rac', title: 'Rải rác', date: '2024-06',
    lines: ['Tại Nga, báo chí bàn nhiều về ông Kim và nói rằng nhiều đoàn khách sẽ đi xem hội chợ bằng xe buýt của ông Kim.'],
  },
  {
    id: 'dung-thu-tu', title: 'Đúng thứ tự', date: '2023-09',
    lines: ['Đoàn tàu bọc thép chở ông Kim đã đi vào lãnh thổ Nga từ sáng sớm.'],
  },
  {
    // Unrelated paragraphs, so that the question's words are rare, as in a real dossier.
    id: 'khac', title: 'Chuyện khác', date: '2022-01',
    lines: [
      'Giá lúa gạo trong nước tăng nhẹ vào cuối năm.', 'Thời tiết miền Bắc chuyển lạnh từ tuần sau.',
      'Đội tuyển bóng đá thắng trận giao hữu tối qua.', 'Hội chợ sách mở cửa suốt mười ngày.',
      'Nhà máy điện mới hoàn thành giai đoạn một.', 'Học sinh được nghỉ Tết hai tuần.',
      'Ngân hàng giữ nguyên lãi suất cho vay.', 'Bảo tàng trưng bày nhiều hiện vật cổ.',
    ],
  },
]);

const top = (question: string, params: RankingParams) => {
  const reply = answer(index, question, { params });
  assert.ok(reply.ok && reply.value.kind === 'found', `"${question}" is answered`);
  return reply.ok && reply.value.kind === 'found' ? reply.value.results[0]!.articleId : '';
};

test('GIVEN a question whose words one sentence holds in its order, close together WHEN answered THEN that sentence comes first', () => {
  for (const question of ['Ông Kim đi Nga bằng gì?', 'ong kim di nga bang gi']) {
    assert.equal(top(question, DEFAULT_PARAMS), 'dung-thu-tu', question);
  }
});

test('GIVEN the same question WHEN word order earns nothing (nearBonus 0) THEN the scattered passage wins: the order is what decides', () => {
  assert.equal(top('Ông Kim đi Nga bằng gì?', { ...DEFAULT_PARAMS, nearBonus: 0 }), 'roi-rac');
});
