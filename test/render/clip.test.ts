/** Cutting text at sentence or word boundaries with an ellipsis. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clipText, cutPlain, ELLIPSIS } from '../../src/app/clip.js';
import { plainLength, plainText } from '../../src/app/reply.js';

const TEXT = 'Ông Kim Jong-un tới Khasan. Ông gặp quan chức Nga tại nhà ga. Sau đó đoàn tàu tiếp tục đi Vladivostok.';

test('GIVEN text that fits WHEN cut THEN it is unchanged', () => {
  assert.equal(cutPlain(TEXT, TEXT.length), TEXT);
});

test('GIVEN room for most of it WHEN cut THEN it ends after a whole sentence with an ellipsis', () => {
  const cut = cutPlain(TEXT, 70);
  assert.equal(cut, `Ông Kim Jong-un tới Khasan. Ông gặp quan chức Nga tại nhà ga. ${ELLIPSIS}`);
  assert.ok(cut.length <= 70);
});

test('GIVEN no sentence end late enough WHEN cut THEN it ends at a word, trailing punctuation dropped', () => {
  const cut = cutPlain('Một, hai, ba, bốn, năm, sáu, bảy, tám, chín, mười', 20);
  assert.ok(cut.length <= 20);
  assert.ok(cut.endsWith(ELLIPSIS));
  assert.ok(!/[,\s]…$/u.test(cut), cut);
  assert.ok('Một, hai, ba, bốn, năm, sáu'.startsWith(cut.slice(0, -1)));
});

test('GIVEN one long word WHEN cut THEN it is cut hard without splitting a surrogate pair', () => {
  const cut = cutPlain(`${'a'.repeat(8)}😀${'b'.repeat(20)}`, 10);
  assert.ok(cut.length <= 10);
  assert.ok(!/[\ud800-\udbff]…$/u.test(cut), 'no lone high surrogate');
});

test('GIVEN tiny limits WHEN cut THEN the result still fits', () => {
  assert.equal(cutPlain(TEXT, 1), ELLIPSIS);
  assert.equal(cutPlain(TEXT, 0), '');
});

test('GIVEN formatted text WHEN clipped THEN formatting is kept up to the cut and the plain length fits', () => {
  const text = ['Ông ', { bold: 'Kim Jong-un' }, ' tới ', { bold: 'Khasan' }, ' bằng tàu bọc thép, rồi tiếp tục đi Vladivostok.'];
  const clipped = clipText(text, 25);
  assert.ok(plainLength(clipped) <= 25, plainText(clipped));
  assert.deepEqual(clipped[1], { bold: 'Kim Jong-un' });
  assert.equal(plainText(clipped).at(-1), ELLIPSIS);
});

test('GIVEN a mention at the cut WHEN clipped THEN it is dropped whole, never split', () => {
  const clipped = clipText(['Xin chào ', { user: '123456789012345678' }, ' và mọi người'], 15);
  assert.ok(clipped.every((p) => typeof p !== 'object' || !('user' in p) || p.user === '123456789012345678'));
  assert.ok(!plainText(clipped).includes('<@1234'), plainText(clipped));
});

test('GIVEN random texts and limits WHEN cut THEN the result never exceeds the limit and is a prefix plus an ellipsis', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const words = ['Nga', 'Triều Tiên.', 'Kim', 'Jong-un,', 'thăm', 'Vladivostok!', 'hiệp ước', '“đối tác”', 'a', '😀'];
  for (let i = 0; i < 500; i++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => words[Math.floor(random() * words.length)]).join(' ');
    const limit = Math.floor(random() * 80);
    const cut = cutPlain(text, limit);
    assert.ok(cut.length <= limit, `${limit}: ${cut}`);
    if (cut !== text && cut !== '') {
      const body = cut.replace(/ ?…$/u, '');
      assert.ok(text.startsWith(body), `${text} -> ${cut}`);
    }
  }
});
