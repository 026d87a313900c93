/** Markdown rendering: escaping user and corpus text, explicit bold, limits that never break formatting. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeText, fitMarkdown, neutraliseMentions, toMarkdown } from '../../src/discord/render/markdown.js';
import type { Inline, Text } from '../../src/app/reply.js';

test('GIVEN Markdown in user text WHEN escaped THEN it shows as typed', () => {
  assert.equal(escapeText('**bold** _it_ `code` ~~s~~ ||spoiler||'), '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\|\\|spoiler\\|\\|');
  assert.equal(escapeText('[click](http://evil.invalid)'), '\\[click](http://evil.invalid)');
});

test('GIVEN line-start constructs WHEN escaped THEN headings, lists, quotes and subtext are neutralised only at line starts', () => {
  assert.equal(escapeText('# Tiêu đề\n> trích\n- mục\n1. một\n-# nhỏ'), '\\# Tiêu đề\n\\> trích\n\\- mục\n1\\. một\n\\-# nhỏ');
  assert.equal(escapeText('12-17/9. Nga', false), '12-17/9. Nga', 'mid-line: untouched');
  assert.equal(toMarkdown([{ bold: '1.' }, ' mục']), '**1.** mục');
});

test('GIVEN mentions in text WHEN neutralised THEN @everyone, @here and <@id> no longer work', () => {
  const out = neutraliseMentions('@everyone @here <@123> <@&456> <#789> </ask:1>');
  assert.ok(!/@everyone|@here|<@1|<@&|<#|<\//u.test(out), out);
  assert.equal(out.replace(/\u200b/g, ''), '@everyone @here <@123> <@&456> <#789> </ask:1>');
});

test('GIVEN a model with bold, italic and a mention WHEN rendered THEN only those are formatted', () => {
  const text: Text = [{ user: '42' }, ' hỏi: ', { bold: 'Kim*' }, ' và ', { italic: 'Nga_' }, ' @everyone'];
  assert.equal(toMarkdown(text), '<@42> hỏi: **Kim\\*** và _Nga\\__ @\u200beveryone');
  assert.equal(toMarkdown([{ user: 'bob' }]), '@bob', 'a non-id user is just text');
});

function unescapedDoubleStars(markdown: string): number {
  return (markdown.replace(/\\./g, '').match(/\*\*/g) ?? []).length;
}

test('GIVEN text longer than the limit WHEN fitted THEN it fits, counting escapes, and bold stays balanced', () => {
  const text: Inline[] = [];
  for (let i = 0; i < 200; i++) text.push('Một câu có *dấu sao* và _gạch_. ', { bold: `Kim Jong-un ${i}` }, ' ');
  for (const limit of [10, 100, 1024, 2000, 4096]) {
    const markdown = fitMarkdown(text, limit);
    assert.ok(markdown.length <= limit, `${limit}: ${markdown.length}`);
    assert.equal(unescapedDoubleStars(markdown) % 2, 0, `balanced at ${limit}`);
    assert.ok(markdown.endsWith('…'));
  }
});

test('GIVEN random formatted texts and limits WHEN fitted THEN never over the limit, never unbalanced', () => {
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pieces = ['Nga', '**', '_', '`', '\\', '@everyone', 'Triều Tiên. ', '\n# ', '> ', 'Kim Jong-un', ' ', '😀', '||'];
  for (let i = 0; i < 400; i++) {
    const text: Text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => {
      const piece = pieces[Math.floor(random() * pieces.length)]!;
      return random() < 0.3 ? { bold: piece } : piece;
    });
    const limit = Math.floor(random() * 120);
    const markdown = fitMarkdown(text, limit);
    assert.ok(markdown.length <= limit, `${limit}: ${JSON.stringify(markdown)}`);
    assert.equal(unescapedDoubleStars(markdown) % 2, 0, JSON.stringify(markdown));
    assert.ok(!/@everyone/u.test(markdown));
  }
});
