// An excerpt that opens on a word pointing back ("Đây là ...", "Theo ông, ...") takes in the
// sentence before it, so that a member reads what "đây" or "ông" is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer } from '../../src/core/answer.js';
import { fixtureIndex } from '../fixtures/dossier.js';

const index = fixtureIndex([
  {
    id: 'bai', title: 'Một bài', date: '2023-09',
    lines: [
      'Hai nước nhiều năm qua đã cùng ủng hộ lệnh cấm vận đối với chương trình tên lửa. Đây là vấn đề duy nhất mà Moskva và Washington đồng quan điểm.',
      'Giá dầu thế giới giảm mạnh trong quý ba. Hỗ trợ nông dân trồng lúa là ưu tiên của tỉnh trong năm nay.',
      'Thời tiết miền Bắc chuyển lạnh từ tuần sau.', 'Đội tuyển bóng đá thắng trận giao hữu tối qua.',
      'Hội chợ sách mở cửa suốt mười ngày.', 'Nhà máy điện mới hoàn thành giai đoạn một.',
    ],
  },
]);

const topExcerpt = (question: string): string => {
  const reply = answer(index, question);
  assert.ok(reply.ok && reply.value.kind === 'found', `"${question}" is answered`);
  return reply.ok && reply.value.kind === 'found' ? reply.value.results[0]!.excerpt : '';
};

test('GIVEN the best sentence opens with "Đây là" WHEN answered THEN the excerpt starts one sentence earlier, with what "đây" is', () => {
  const excerpt = topExcerpt('Moskva và Washington đồng quan điểm về vấn đề gì?');
  assert.match(excerpt, /^Hai nước nhiều năm qua/);
  assert.match(excerpt, /đồng quan điểm\.$/);
});

test('GIVEN the best sentence opens with a word that only looks like one once folded ("Hỗ trợ", not "Họ") WHEN answered THEN the excerpt is that sentence alone', () => {
  assert.equal(topExcerpt('Hỗ trợ nông dân trồng lúa có phải ưu tiên của tỉnh?'), 'Hỗ trợ nông dân trồng lúa là ưu tiên của tỉnh trong năm nay.');
});
