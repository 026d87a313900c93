// Text models to Discord Markdown: plain runs escaped (Markdown and mentions), formatting added
// only where the model asks for it, and cut to a limit without breaking the formatting.
import { escapeMarkdown } from 'discord.js';
import { clipText, cutPlain } from '../../app/clip.js';
import { plainLength, type Inline, type Text } from '../../app/reply.js';

const ZWSP = '\u200b';

/** Escape text so it shows as typed: no Markdown, no mentions, no masked links, no headings or quotes. */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return neutraliseMentions(escaped)
    .replace(/^(\s*)>/gmu, '$1\\>')
    .replace(/^(\s*)-#/gmu, '$1\\-#');
}

/** `@everyone`/`@here` and `<@…>`/`<#…>`/`</…>` markup shown, never acted on (allowed_mentions also blocks pings). */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/giu, `@${ZWSP}$1`).replace(/<([@#/:]|a:|t:)/gu, `<${ZWSP}$1`);
}

export function inlineMarkdown(part: Inline): string {
  if (typeof part === 'string') return escapeText(part);
  if ('bold' in part) return part.bold === '' ? '' : `**${escapeText(part.bold)}**`;
  if ('italic' in part) return part.italic === '' ? '' : `_${escapeText(part.italic)}_`;
  return /^\d{1,20}$/.test(part.user) ? `<@${part.user}>` : escapeText(`@${part.user}`);
}

export function toMarkdown(text: Text): string {
  return text.map(inlineMarkdown).join('');
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
