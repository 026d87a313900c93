// Date expressions resolved against the article's own date: every form the dossier uses, the
// year rule for months after the article's month, approximate and bounding forms, and spans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateSortKey, resolveDates, type ResolvedDate } from '../../src/core/dates.js';

function only(text: string, articleDate: string): ResolvedDate {
  const found = resolveDates(text, articleDate);
  assert.equal(found.length, 1, `one date in "${text}", got ${JSON.stringify(found.map((d) => d.text))}`);
  return found[0]!;
}

function resolves(text: string, articleDate: string, expected: Partial<ResolvedDate>): void {
  const d = only(text, articleDate);
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(d[key as keyof ResolvedDate], value, `${key} of "${text}" in a ${articleDate} article`);
}

test('GIVEN "ngày 12/9" in a 2023-09 article WHEN resolved THEN it is 12 September 2023, to the day', () => {
  resolves('Ông Peskov ngày 12/9 xác nhận', '2023-09', { start: '2023-09-12', precision: 'day', approximate: false, text: 'ngày 12/9' });
});

test('GIVEN "hôm 19/6" in a 2024-06 article WHEN resolved THEN it is 19 June 2024', () => {
  resolves('khi ông đến sân bay hôm 19/6, hai nhà lãnh đạo', '2024-06', { start: '2024-06-19', precision: 'day', text: 'hôm 19/6' });
});

test('GIVEN a range "từ ngày 12-17/9" WHEN resolved THEN start and end are both days of September', () => {
  resolves('thăm chính thức Nga từ ngày 12-17/9 theo lời mời', '2023-09', { start: '2023-09-12', end: '2023-09-17', precision: 'day' });
  resolves('Chuyến thăm 12-17/9 của ông Kim', '2023-09', { start: '2023-09-12', end: '2023-09-17' });
});

test('GIVEN "tháng 4/2019" and "tháng 4 năm 2019" WHEN resolved THEN both are April 2019, to the month, whatever the article year', () => {
  resolves('lần đầu tiên kể từ tháng 4/2019, khi ông đến', '2023-09', { start: '2019-04', precision: 'month', approximate: false });
  resolves('kể từ tháng 4 năm 2019', '2023-09', { start: '2019-04', precision: 'month' });
});

test('GIVEN "Hồi tháng 2" in a 2019-04 article WHEN resolved THEN it is February 2019', () => {
  resolves('Hồi tháng 2, hội nghị thượng đỉnh lần 2 đã kết thúc', '2019-04', { start: '2019-02', precision: 'month', text: 'Hồi tháng 2' });
});

test('GIVEN a month after the article month WHEN resolved THEN it falls in the previous year', () => {
  resolves('Tháng 2, hai bên đã gặp nhau', '2019-01', { start: '2018-02', precision: 'month' });
  resolves('Ông đến Hà Nội ngày 28/12.', '2024-01', { start: '2023-12-28', precision: 'day' });
});

test('GIVEN an article dated to the year only WHEN "tháng 2" is resolved THEN it takes that year', () => {
  resolves('Hồi tháng 2, hai bên gặp nhau', '2019', { start: '2019-02', precision: 'month' });
});

test('GIVEN "năm 2015" and "Năm 2019," WHEN resolved THEN they are years', () => {
  resolves('Năm 2015, Tổng thống Nga Putin đã mời ông Kim', '2023-09', { start: '2015', precision: 'year', approximate: false, text: 'Năm 2015' });
  resolves('chỉ 34 triệu USD trong năm 2018, chủ yếu', '2019-04', { start: '2018', precision: 'year' });
});

test('GIVEN "cuối tháng 7", "đầu tháng", "giữa tháng" WHEN resolved THEN the month carries its part', () => {
  resolves('có chuyến thăm Triều Tiên cuối tháng 7.', '2023-09', { start: '2023-07', precision: 'month', part: 'late' });
  resolves('Đầu tháng, hai bên đã trao đổi thư', '2023-09', { start: '2023-09', part: 'early' });
  resolves('giữa tháng này sẽ có cuộc gặp', '2023-09', { start: '2023-09', part: 'mid' });
});

test('GIVEN "4 năm trước" and "hai thập kỷ trước" WHEN resolved THEN they are approximate years counted back from the article', () => {
  resolves('Sau cuộc hội đàm 4 năm trước, ông Putin mô tả', '2023-09', { start: '2019', precision: 'year', approximate: true });
  resolves('ông lên nắm quyền hai thập kỷ trước', '2023-09', { start: '2003', precision: 'year', approximate: true });
  resolves('ông lên nắm quyền hơn hai thập kỷ trước', '2023-09', { start: '2003', approximate: true, bound: 'before' });
});

test('GIVEN "năm ngoái" and "cuối tháng trước" WHEN resolved THEN they are the previous year and the previous month', () => {
  resolves('cung cấp tên lửa cho Nga từ năm ngoái, song', '2023-09', { start: '2022', precision: 'year', approximate: false });
  resolves('John Kirby cuối tháng trước nói rằng', '2023-09', { start: '2023-08', precision: 'month', part: 'late' });
  resolves('cuối tháng trước', '2023-01', { start: '2022-12', part: 'late' });
});

test('GIVEN "hôm nay" and "hôm qua" WHEN resolved THEN they are the article date and the day before it', () => {
  resolves('Nghị trình thượng đỉnh hôm nay cũng sẽ bao gồm', '2019-04', { start: '2019-04', precision: 'month' });
  resolves('Hôm qua, ông đã tới', '2024-03-01', { start: '2024-02-29', precision: 'day' });
});

test('GIVEN "trước năm 2022" and "từ sau năm 2022" WHEN resolved THEN they bound a period instead of naming a point', () => {
  resolves('Trước năm 2022, mối quan hệ không có nhiều đột phá.', '2023-09', { start: '2022', bound: 'before' });
  resolves('Chỉ từ sau năm 2022, quan hệ hai nước mới thay đổi', '2023-09', { start: '2022', bound: 'after' });
});

test('GIVEN days listed after a cued day WHEN resolved THEN each listed day is a date', () => {
  const found = resolveDates('bài nhắc tới các ngày 13/9, 14/9 và 15/9 của chuyến thăm', '2023-09');
  assert.deepEqual(found.map((d) => d.start), ['2023-09-13', '2023-09-14', '2023-09-15']);
  assert.deepEqual(found.map((d) => d.text), ['ngày 13/9', '14/9', '15/9']);
});

test('GIVEN text without a date WHEN searched THEN fractions, durations, model names and impossible days are not dates', () => {
  for (const text of ['khoảng 1/3 dân số', 'Đã 7 năm kể từ khi tôi lên làm lãnh đạo', 'kế hoạch 100 năm', 'tiêm kích Su-35 và Su-57', 'sau 4 năm, hoàn cảnh đã thay đổi', 'ngày 31/2 không có']) {
    assert.deepEqual(resolveDates(text, '2023-09'), [], text);
  }
});

test('GIVEN text typed without diacritics WHEN resolved THEN the same forms are found', () => {
  resolves('hoi thang 2, hai ben gap nhau', '2019-04', { start: '2019-02' });
  resolves('ngay 12/9 ong xac nhan', '2023-09', { start: '2023-09-12' });
});

test('GIVEN any match WHEN its span is sliced from the text THEN it gives back the matched text verbatim', () => {
  const text = 'Trước đó, người phát ngôn Dmitry Peskov ngày 12/9 xác nhận; Năm 2015, ông mời; cuối tháng 7 ông tới.';
  const found = resolveDates(text, '2023-09');
  assert.equal(found.length, 3);
  for (const d of found) assert.equal(text.slice(d.spanInSentence[0], d.spanInSentence[1]), d.text);
});

test('GIVEN dates of different precision WHEN sorted by dateSortKey THEN a year comes before its months, a bound before its year, and days in order', () => {
  const article = '2023-09';
  const texts = ['ngày 12/9', 'trước năm 2023', 'năm 2023', 'cuối tháng 7', 'tháng 7/2023', 'ngày 10/9', 'năm 2019', 'sau năm 2023'];
  const dates = texts.map((t) => only(t, article));
  const label = (d: ResolvedDate) => `${d.bound ? `${d.bound} ` : ''}${d.text}`;
  const sorted = [...dates].sort((a, b) => dateSortKey(a).localeCompare(dateSortKey(b))).map(label);
  assert.deepEqual(sorted, ['năm 2019', 'before năm 2023', 'năm 2023', 'tháng 7/2023', 'cuối tháng 7', 'ngày 10/9', 'ngày 12/9', 'after năm 2023']);
});
