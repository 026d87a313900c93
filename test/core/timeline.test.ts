// The timeline: dates resolved per article (so the same "ngày 12/9" or "tháng 2" lands in the
// right year), chronological order, clauses cut at word boundaries, one event for several
// reports, topic and article scopes, paging and text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateSortKey } from '../../src/core/dates.js';
import {
  clauseAround, EVENT_TEXT_LIMIT, formatEventDate, formatTimelineLine, formatTimelinePage, pageTimeline, timeline,
  type Timeline, type TimelineEvent,
} from '../../src/core/timeline.js';
import { corpusIndex, fixtureIndex } from '../fixtures/dossier.js';

function found(reply: ReturnType<typeof timeline>): Timeline {
  assert.equal(reply.kind, 'timeline', `expected a timeline, got ${JSON.stringify(reply)}`);
  return reply as Timeline;
}

const event = (events: readonly TimelineEvent[], start: string, passageId: string) =>
  events.find((e) => e.date.start === start && (e.passageId === passageId || e.alsoIn.some((a) => a.passageId === passageId)));

test('GIVEN the corpus WHEN its timeline is built THEN events are in chronological order, each cited to the passage holding it', () => {
  const index = corpusIndex();
  const { events, dossierVersion } = found(timeline(index));
  assert.ok(events.length >= 20, `${events.length} events`);
  const keys = events.map((e) => dateSortKey(e.date));
  assert.deepEqual(keys, [...keys].sort());
  const passages = new Map(index.dossier.passages.map((p) => [p.id, p]));
  for (const e of events) {
    const passage = passages.get(e.passageId);
    assert.ok(passage);
    assert.equal(e.citation.articleId, passage.articleId);
    assert.equal(e.articleId, passage.articleId);
    assert.ok(passage.text.includes(e.sentence), e.sentence);
    assert.ok(e.sentence.includes(e.date.text));
    assert.ok(e.text.length <= EVENT_TEXT_LIMIT, `${e.text.length}: ${e.text}`);
  }
  assert.equal(dossierVersion, index.dossier.version);
});

test('GIVEN articles of 2019, 2023 and 2024 WHEN dates are resolved THEN each takes its own article\'s year', () => {
  const { events } = found(timeline(corpusIndex()));
  assert.ok(event(events, '2019-02', '2019-04-thuong-dinh-putin-kim-vladivostok#6'), 'hồi tháng 2 (2019 article) -> 2019-02');
  assert.ok(event(events, '2023-09-12', '2023-09-kim-jong-un-toi-khasan#3'), 'ngày 12/9 (2023 article) -> 2023-09-12');
  assert.ok(event(events, '2024-06-19', '2024-06-putin-tham-binh-nhuong#1'), 'hôm 19/6 (2024 article) -> 2024-06-19');
  assert.ok(event(events, '2023-08', '2023-09-kim-jong-un-len-tau-sang-nga#17'), 'cuối tháng trước -> 2023-08');
  assert.ok(event(events, '2022', '2023-09-kim-jong-un-len-tau-sang-nga#18'), 'năm ngoái -> 2022');
  const range = event(events, '2023-09-12', '2023-09-kim-jong-un-tham-chinh-thuc-nga#1');
  assert.equal(range?.date.end, '2023-09-17');
  const ago = event(events, '2019', '2023-09-kim-jong-un-len-tau-sang-nga#3');
  assert.equal(ago?.date.approximate, true, '4 năm trước is approximate');
});

test('GIVEN a photo caption with a date WHEN on the timeline THEN it is an event without its photo credit', () => {
  const caption = found(timeline(corpusIndex())).events.find((e) => e.passageId === '2023-09-kim-jong-un-tham-chinh-thuc-nga#anh-3');
  assert.ok(caption, 'the Knevichi caption (16/9) is an event');
  assert.equal(caption.date.start, '2023-09-16');
  assert.equal(caption.citation.passageKind, 'caption');
  assert.doesNotMatch(caption.text, /Ảnh:/u);
});

test('GIVEN "tháng 2" in an article dated 2019-01 and "ngày 12/9" in one dated 2023-09 WHEN on one timeline THEN 2018-02 comes first', () => {
  const index = fixtureIndex([
    { id: 'bai-2023', title: 'Tàu tới biên giới', date: '2023-09', lines: ['Người phát ngôn ngày 12/9 xác nhận đoàn tàu đã qua biên giới.'] },
    { id: 'bai-2019', title: 'Nhìn lại một năm', date: '2019-01', lines: ['Tháng 2, hai bên đã ký một thỏa thuận thương mại quan trọng.'] },
  ]);
  const { events } = found(timeline(index));
  assert.deepEqual(events.map((e) => [e.date.start, e.articleId]), [['2018-02', 'bai-2019'], ['2023-09-12', 'bai-2023']]);
});

test('GIVEN two articles reporting one event on one date in nearly the same words WHEN on the timeline THEN it is one event naming the other report', () => {
  const index = fixtureIndex([
    { id: 'bai-a', title: 'Praha', date: '2021-03', lines: ['Thủ tướng Petr Novak ngày 12/3 đón Tổng thống Jan Kowalski tại thủ đô Praha, mở đầu hội nghị thượng đỉnh.'] },
    { id: 'bai-b', title: 'Hội nghị', date: '2021-03', lines: ['Ngày 12/3, Thủ tướng Petr Novak đón Tổng thống Jan Kowalski tại thủ đô Praha để mở đầu hội nghị thượng đỉnh.', 'Ngày 12/3 cũng là ngày giá dầu tăng mạnh trên thị trường thế giới.'] },
  ]);
  const { events } = found(timeline(index));
  assert.equal(events.length, 2, JSON.stringify(events.map((e) => e.text)));
  const merged = events.find((e) => e.alsoIn.length > 0);
  assert.ok(merged);
  assert.deepEqual([merged.passageId, ...merged.alsoIn.map((a) => a.passageId)].sort(), ['bai-a#1', 'bai-b#1']);
  assert.match(formatTimelineLine(merged, 'vi'), /\(\+1 bài khác\)$/u);
});

test('GIVEN a topic WHEN the timeline is built THEN only events about it remain', () => {
  const { events, topic } = found(timeline(corpusIndex(), { topic: 'Shoigu' }));
  assert.equal(topic, 'Shoigu');
  assert.ok(events.length >= 2);
  for (const e of events) assert.match(e.sentence, /Shoigu/u);
});

test('GIVEN an article WHEN its timeline is built THEN every event comes from it', () => {
  const id = '2024-06-putin-tham-binh-nhuong';
  const { events } = found(timeline(corpusIndex(), { articleId: id }));
  assert.ok(events.length >= 1);
  for (const e of events) assert.equal(e.articleId, id);
});

test('GIVEN an unknown article, a topic without dated events or an empty topic WHEN asked THEN "none" with the reason', () => {
  const index = corpusIndex();
  assert.deepEqual(timeline(index, { articleId: 'nope' }), { kind: 'none', reason: 'unknown-article', articleId: 'nope' });
  assert.deepEqual(timeline(index, { topic: 'xyzzy' }), { kind: 'none', reason: 'nothing-dated', topic: 'xyzzy' });
  assert.equal(timeline(index, { topic: '' }).kind === 'none' && (timeline(index, { topic: '' }) as { reason: string }).reason, 'empty');
});

test('GIVEN 19 events WHEN paged by 8 THEN 3 pages, the last holding 3, out-of-range pages clamped', () => {
  const items = Array.from({ length: 19 }, (_, i) => i);
  assert.deepEqual(pageTimeline(items, 1), { events: [0, 1, 2, 3, 4, 5, 6, 7], page: 1, pages: 3 });
  assert.deepEqual(pageTimeline(items, 3), { events: [16, 17, 18], page: 3, pages: 3 });
  assert.deepEqual(pageTimeline(items, 0).page, 1);
  assert.deepEqual(pageTimeline(items, 99).page, 3);
  assert.deepEqual(pageTimeline(items, 2, 10), { events: [10, 11, 12, 13, 14, 15, 16, 17, 18], page: 2, pages: 2 });
  assert.deepEqual(pageTimeline([], 1), { events: [], page: 1, pages: 1 });
});

test('GIVEN a long sentence WHEN cut around its date THEN the clause holds the date, fits the limit and is cut only between words', () => {
  const sentence = 'Trong một tín hiệu cho thấy Nga, thành viên có quyền phủ quyết của Hội đồng Bảo an Liên Hiệp Quốc, đang đánh giá lại toàn bộ cách tiếp cận của mình với Triều Tiên, ông Putin hôm 19/6 đã ca ngợi Bình Nhưỡng trước khi ông đến vì đã chống lại điều mà ông gọi là áp lực kinh tế, hành xử kiểu tống tiền và đe dọa của Mỹ.';
  const at = sentence.indexOf('hôm 19/6');
  const clause = clauseAround(sentence, [at, at + 'hôm 19/6'.length]);
  assert.ok(clause.length <= EVENT_TEXT_LIMIT, `${clause.length}`);
  assert.ok(clause.includes('hôm 19/6'));
  const inner = clause.replace(/^…/u, '').replace(/…$/u, '');
  const start = sentence.indexOf(inner);
  assert.ok(start >= 0, 'the clause is verbatim');
  assert.ok(start === 0 || /\s/u.test(sentence[start - 1]!), 'starts at a word');
  const end = start + inner.length;
  assert.ok(end === sentence.length || /[\s,;:]/u.test(sentence[end]!), 'ends at a word');
  assert.equal(clause.startsWith('…'), start > 0);
  assert.equal(clause.endsWith('…'), end < sentence.length);
  const short = 'Ông đến ngày 12/9.';
  assert.equal(clauseAround(short, [8, 17]), short);
});

test('GIVEN each kind of date WHEN formatted THEN Vietnamese and English read naturally', () => {
  const { events } = found(timeline(corpusIndex()));
  const text = (start: string, passageId: string, locale: 'vi' | 'en') => formatEventDate(event(events, start, passageId)!.date, locale);
  assert.equal(text('2023-09-12', '2023-09-kim-jong-un-toi-khasan#3', 'vi'), '12/9/2023');
  assert.equal(text('2023-09-12', '2023-09-kim-jong-un-toi-khasan#3', 'en'), '12 September 2023');
  assert.equal(text('2023-09-12', '2023-09-kim-jong-un-tham-chinh-thuc-nga#1', 'vi'), '12–17/9/2023');
  assert.equal(text('2023-09-12', '2023-09-kim-jong-un-tham-chinh-thuc-nga#1', 'en'), '12–17 September 2023');
  assert.equal(text('2023-07', '2023-09-kim-jong-un-toi-khasan#17', 'vi'), 'cuối tháng 7/2023');
  assert.equal(text('2023-07', '2023-09-kim-jong-un-toi-khasan#17', 'en'), 'late July 2023');
  assert.equal(text('2019', '2023-09-kim-jong-un-len-tau-sang-nga#3', 'vi'), 'khoảng năm 2019');
  assert.equal(text('2019', '2023-09-kim-jong-un-len-tau-sang-nga#3', 'en'), 'around 2019');
  assert.equal(text('2022', '2023-09-kim-jong-un-toi-khasan#15', 'vi'), 'trước năm 2022');
  assert.equal(text('2003', '2023-09-kim-jong-un-len-tau-sang-nga#13', 'en'), 'before 2003 (approx.)');
});

test('GIVEN a page of the corpus timeline WHEN formatted THEN one line per event with its citation and a page footer, within 4096 characters', () => {
  const { events } = found(timeline(corpusIndex()));
  for (const locale of ['vi', 'en'] as const) {
    const pages = pageTimeline(events, 1).pages;
    for (let page = 1; page <= pages; page++) {
      const text = formatTimelinePage(events, page, locale);
      assert.ok(text.length <= 4096);
      assert.match(text, locale === 'vi' ? new RegExp(`Trang ${page}/${pages}$`, 'u') : new RegExp(`Page ${page} of ${pages}$`, 'u'));
      assert.equal(text.split('\n\n').length - 1, pageTimeline(events, page).events.length);
    }
  }
});
