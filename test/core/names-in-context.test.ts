// Names of aliases.yaml that the text never writes: an outlet named only in an article's front
// matter finds that article ("theo VTV"); a name written nowhere leaves its words to be read one
// by one instead of using them up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer } from '../../src/core/answer.js';
import { phraseWords } from '../../src/core/phrases.js';
import { analyzeQuery } from '../../src/core/query.js';
import { fixtureIndex } from '../fixtures/dossier.js';

const filler = [
  'Giá lúa gạo trong nước tăng nhẹ vào cuối năm.', 'Đội tuyển bóng đá thắng trận giao hữu tối qua.',
  'Hội chợ sách mở cửa suốt mười ngày.', 'Nhà máy điện mới hoàn thành giai đoạn một.',
];
const index = fixtureIndex([
  // The newspaper's article comes first: on a tie it would win.
  { id: 'bao-b', title: 'Bài của báo', date: '2023-09', lines: ['Đoàn tàu đã tới ga biên giới vào buổi chiều.', 'Ông Trump rời Hà Nội sau hội nghị.', ...filler] },
  { id: 'dai-a', title: 'Bài của đài', date: '2023-09', outlet: 'Đài Truyền hình Việt Nam (VTV)', lines: ['Đoàn tàu đã tới ga biên giới vào buổi sáng.'] },
], [['Đài Truyền hình Việt Nam', 'VTV'], ['hội nghị Hà Nội', 'thượng đỉnh Hà Nội'], ['Trump', 'Donald Trump']]);

test('GIVEN a question "theo VTV" and VTV only in one article\'s outlet WHEN answered THEN that article\'s passage comes first', () => {
  for (const question of ['Theo VTV, đoàn tàu tới ga biên giới lúc nào?', 'theo vtv doan tau toi ga bien gioi luc nao']) {
    const reply = answer(index, question);
    assert.ok(reply.ok && reply.value.kind === 'found', question);
    assert.equal(reply.ok && reply.value.kind === 'found' ? reply.value.results[0]!.articleId : '', 'dai-a', question);
  }
});

test('GIVEN a name of aliases.yaml the dossier never writes ("hội nghị Hà Nội") WHEN a question says it THEN its words become slots of their own, not one slot nothing can meet', () => {
  const q = analyzeQuery(index, 'Sau hội nghị Hà Nội, ông Trump làm gì?');
  const summit = index.aliasConcepts.matchAll(phraseWords('hội nghị Hà Nội'))[0]?.value;
  assert.ok(summit, 'an alias group');
  assert.ok(q.slots.every((s) => !s.alternatives.some((alt) => alt.length === 1 && alt[0] === summit)), 'no slot for the unwritten name');
  const words = q.slots.flatMap((s) => s.alternatives.flat());
  assert.ok(words.includes('ha') && words.includes('noi') && words.includes('hoi'), words.join(','));
  assert.deepEqual(q.unknown, []);
  const reply = answer(index, 'Sau hội nghị Hà Nội, ông Trump làm gì?');
  assert.ok(reply.ok && reply.value.kind === 'found' && reply.value.results[0]!.excerpt.includes('Hà Nội'));
});
