// A several-word rendering of a question word counts whole only where its words stand together:
// "lễ tiễn" (send-off) is not the "lẽ" of "có lẽ" and the "Tiên" of "Triều Tiên" in one sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PARAMS, rankPassages } from '../../src/core/answer.js';
import { buildIndex } from '../../src/core/passage-index.js';
import { analyzeQuery } from '../../src/core/query.js';
import { fixtureDossier } from '../fixtures/dossier.js';

const dossier = fixtureDossier([{
  id: 'bai', title: 'Một bài', date: '2023-09',
  lines: [
    'Có lẽ phái đoàn Triều Tiên sẽ ở lại thêm hai ngày.',
    'Lễ tiễn diễn ra trọng thể tại nhà ga.',
    'Giá lúa gạo trong nước tăng nhẹ vào cuối năm.', 'Đội tuyển bóng đá thắng trận giao hữu tối qua.',
    'Hội chợ sách mở cửa suốt mười ngày.', 'Nhà máy điện mới hoàn thành giai đoạn một.',
  ],
}]);
const index = buildIndex({ ...dossier, glossary: [{ en: 'send-off', vi: ['lễ tiễn'] }] });

test('GIVEN an English word rendered by two syllables WHEN one passage holds them as a phrase and another only scattered THEN the phrase covers the question fully and the scattered pair half', () => {
  const query = analyzeQuery(index, 'Where was the send-off?');
  const ranked = rankPassages(index, query, DEFAULT_PARAMS);
  const coverageOf = (start: string) => ranked.find((r) => r.analysis.passage.text.startsWith(start))?.window.coverage;
  const together = coverageOf('Lễ tiễn');
  const scattered = coverageOf('Có lẽ');
  assert.ok(together !== undefined && scattered !== undefined, `both are candidates: ${ranked.map((r) => r.analysis.passage.text).join(' | ')}`);
  assert.ok(Math.abs(together - 1) < 1e-9, `together: ${together}`);
  assert.ok(Math.abs(scattered - together / 2) < 1e-9, `scattered: ${scattered}`);
  assert.match(ranked[0]!.analysis.passage.text, /^Lễ tiễn/);
});
