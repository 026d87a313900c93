// Text models to Discord Markdown: plain runs escaped (Markdown and mentions), formatting added
// only where the model asks for it, and cut to a limit without breaking the formatting.
import { escapeMarkdown } from 'discord.js';
import { clipText, cutPlain } from '../../app/clip.js';
import { plainLength, type Inline, type Text } from '../../app/reply.js';

const ZWSP = '\u200b';

/**
 * Escape text so it shows as typed: no Markdown, no mentions, no masked links, and no headings,
 * lists or quotes where a line starts (`lineStart`: whether the text itself starts a line).
 */
export function escapeText(text: string, lineStart = true): string {
  const lines = text.split('\n');
  return lines.map((line, i) => escapeLine(line, lineStart || i > 0)).join('\n');
}

function escapeLine(line: string, lineStart: boolean): string {
  const inline = neutraliseMentions(escapeMarkdown(line, { maskedLink: true }));
  if (!lineStart) return inline;
  return inline
    .replace(/^( {0,2})([*-] )?( *)(#{1,3} )/u, '$1$2$3\\$4')
    .replace(/^( *)([*-])( +)/u, '$1\\$2$3')
    .replace(/^( *\d+)\./u, '$1\\.')
    .replace(/^(\s*)>/u, '$1\\>')
    .replace(/^(\s*)-#/u, '$1\\-#');
}

/** `@everyone`/`@here` and `<@…>`/`<#…>`/`</…>` markup shown, never acted on (allowed_mentions also blocks pings). */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/giu, `@${ZWSP}$1`).replace(/<([@#/:]|a:|t:)/gu, `<${ZWSP}$1`);
}

/** One inline run as Markdown; `lineStart` tells whether it begins a line (where lists and quotes would start). */
export function inlineMarkdown(part: Inline, lineStart = true): string {
  if (typeof part === 'string') return escapeText(part, lineStart);
  // Inside ** or _ a line-start construct cannot form, so only inline escapes apply.
  if ('bold' in part) return part.bold === '' ? '' : `**${escapeText(part.bold, false)}**`;
  if ('italic' in part) return part.italic === '' ? '' : `_${escapeText(part.italic, false)}_`;
  return /^\d{1,20}$/.test(part.user) ? `<@${part.user}>` : escapeText(`@${part.user}`, lineStart);
}

export function toMarkdown(text: Text): string {
  let out = '';
  for (const part of text) out += inlineMarkdown(part, out === '' || out.endsWith('\n'));
  return out;
}

/**
 * Markdown for `text` within `limit` characters: cut at a sentence or word boundary with an
 * ellipsis, counting the escapes, so bold never opens without closing.
 */
export function fitMarkdown(text: Text, limit: number): string {
  let markdown = toMarkdown(text);
  if (markdown.length <= limit) return markdown;
  let budget = plainLength(text) - (markdown.length - limit);
  for (let attempt = 0; attempt < 50 && budget > 0; attempt++) {
    markdown = toMarkdown(clipText(text, budget));
    if (markdown.length <= limit) return markdown;
    budget -= Math.max(1, markdown.length - limit);
  }
  return limit > 0 ? '…' : '';
}

/** Plain text (author lines, footers, labels: no Markdown renders there) within `limit`, cut the same way. */
export function fitPlain(text: string, limit: number): string {
  return cutPlain(text, limit);
}
