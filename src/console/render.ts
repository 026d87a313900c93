// Reply models as terminal text: embeds as boxes, bold as ANSI bold (or **…** without colour),
// buttons as numbered choices. The same models the Discord renderer turns into payloads.
import type { ReplyLocale } from '../core/types.js';
import { messages } from '../app/messages.js';
import type { ButtonModel, EmbedModel, Inline, Reply, Text } from '../app/reply.js';

export interface ConsoleStyle {
  readonly color: boolean;
  /** Total width of a box, borders included. */
  readonly width: number;
}

type Style = 'plain' | 'bold' | 'italic' | 'dim';

interface Word {
  readonly text: string;
  readonly style: Style;
  /** A line break before this word. */
  readonly breakBefore: boolean;
  /** Whitespace before this word on the same line. */
  readonly spaceBefore: boolean;
}

/** A numbered button as printed, so typing its number presses it. */
export interface NumberedButton {
  readonly number: number;
  readonly button: ButtonModel;
}

export function renderConsoleReply(reply: Reply, locale: ReplyLocale, style: ConsoleStyle, firstNumber = 1): { text: string; buttons: NumberedButton[] } {
  const lines: string[] = [];
  if (reply.ephemeral) lines.push(paint(`(${messages(locale).onlyYou})`, 'dim', style.color));
  if (reply.content !== undefined && reply.content.length > 0) lines.push(...wrap(reply.content, style.width, style.color));
  for (const embed of reply.embeds) lines.push(...box(embed, style));
  const buttons: NumberedButton[] = [];
  let n = firstNumber;
  for (const row of reply.components) {
    const cells = row.buttons.map((button) => {
      if (button.disabled) return paint(`[ ] ${button.label}`, 'dim', style.color);
      buttons.push({ number: n, button });
      return `[${n++}] ${button.label}`;
    });
    if (cells.length > 0) lines.push(` ${cells.join('   ')}`);
  }
  return { text: lines.join('\n'), buttons };
}

function box(embed: EmbedModel, style: ConsoleStyle): string[] {
  const inner = Math.max(20, style.width - 4);
  const out: string[] = [];
  const line = (content: string) => `│ ${content}${' '.repeat(Math.max(0, inner - visibleLength(content)))} │`;
  const top = embed.author !== undefined ? ` ${truncate(`» ${embed.author}`, inner - 2)} ` : '';
  out.push(`┌${top}${'─'.repeat(Math.max(0, inner + 2 - visibleLength(top)))}┐`);
  const sections: string[][] = [];
  if (embed.title) sections.push(wrap([{ bold: plain(embed.title) }], inner, style.color));
  if (embed.description) sections.push(wrap(embed.description, inner, style.color));
  for (const field of embed.fields ?? []) {
    sections.push([...wrap([{ bold: plain(field.name) }], inner, style.color), ...wrap(field.value, inner - 2, style.color).map((l) => `  ${l}`)]);
  }
  if (embed.footer) sections.push(wrap([embed.footer], inner, style.color).map((l) => paint(l, 'dim', style.color)));
  sections.forEach((section, i) => {
    if (i > 0) out.push(line(''));
    for (const l of section) out.push(line(l));
  });
  out.push(`└${'─'.repeat(inner + 2)}┘`);
  return out;
}

function plain(text: Text): string {
  return text.map((p) => (typeof p === 'string' ? p : 'bold' in p ? p.bold : 'italic' in p ? p.italic : `@${p.user}`)).join('');
}

function wordsOf(text: Text): Word[] {
  const words: Word[] = [];
  let pendingBreak = false;
  let pendingSpace = false;
  const push = (part: string, style: Style) => {
    for (const piece of part.split(/(\n|[ \t]+)/u)) {
      if (piece === '\n') {
        if (pendingBreak || words.length === 0) words.push({ text: '', style: 'plain', breakBefore: words.length > 0, spaceBefore: false });
        pendingBreak = true;
        pendingSpace = false;
      } else if (/^[ \t]+$/u.test(piece)) pendingSpace = true;
      else if (piece !== '') {
        words.push({ text: piece, style, breakBefore: pendingBreak, spaceBefore: pendingSpace && !pendingBreak });
        pendingBreak = false;
        pendingSpace = false;
      }
    }
  };
  for (const part of text as readonly Inline[]) {
    if (typeof part === 'string') push(part, 'plain');
    else if ('bold' in part) push(part.bold, 'bold');
    else if ('italic' in part) push(part.italic, 'italic');
    else push(`@${part.user}`, 'plain');
  }
  return words;
}

/** Greedy word wrap to `width` visible characters; runs of one style share one marker pair. */
export function wrap(text: Text, width: number, color: boolean): string[] {
  const lines: Word[][] = [[]];
  let used = 0;
  // Without colour, a run of bold or italic costs its markers too.
  const markers = (word: Word, line: readonly Word[]) =>
    color || word.style === 'plain' || word.style === 'dim' || line[line.length - 1]?.style === word.style ? 0 : word.style === 'bold' ? 4 : 2;
  const newLine = () => {
    lines.push([]);
    used = 0;
    return lines[lines.length - 1]!;
  };
  for (const word of wordsOf(text)) {
    let current = lines[lines.length - 1]!;
    if (word.breakBefore) current = newLine();
    let rest = word.text;
    for (;;) {
      const gap = current.length > 0 && word.spaceBefore ? 1 : 0;
      const cost = gap + rest.length + markers(word, current);
      if (used + cost <= width) {
        current.push({ ...word, text: rest, spaceBefore: gap === 1 });
        used += cost;
        break;
      }
      if (current.length > 0) {
        current = newLine();
        continue;
      }
      // A word longer than a line: split it.
      const room = Math.max(1, width - markers(word, current));
      current.push({ ...word, text: rest.slice(0, room), spaceBefore: false });
      rest = rest.slice(room);
      current = newLine();
      if (rest === '') break;
    }
  }
  return lines.map((words) => styleLine(words, color));
}

function styleLine(words: readonly Word[], color: boolean): string {
  let out = '';
  let run: { style: Style; text: string } | undefined;
  const flush = () => {
    if (run) out += paint(run.text, run.style, color);
    run = undefined;
  };
  for (const word of words) {
    const space = word.spaceBefore ? ' ' : '';
    if (run && run.style === word.style) run.text += space + word.text;
    else {
      flush();
      out += space;
      run = { style: word.style, text: word.text };
    }
  }
  flush();
  return out;
}

function paint(text: string, style: Style, color: boolean): string {
  if (text === '' || style === 'plain') return text;
  if (color) return `${{ bold: '\x1b[1m', italic: '\x1b[3m', dim: '\x1b[2m' }[style]}${text}\x1b[0m`;
  return style === 'bold' ? `**${text}**` : style === 'italic' ? `_${text}_` : text;
}

export function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`;
}
