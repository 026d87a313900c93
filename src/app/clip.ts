// Cutting text to a length the way a reader expects: at the end of a sentence when that keeps
// most of it, else at a word boundary, with an ellipsis. Used by the views (snippets) and by the
// Discord renderer (its hard limits).
import { plainLength, plainOf, type Inline, type Text } from './reply.js';

export const ELLIPSIS = '…';

/** Where to cut `s` so that the kept prefix plus `tail` fits in `max` characters. */
export function cutPoint(s: string, max: number): { keep: number; tail: string } {
  if (s.length <= max) return { keep: s.length, tail: '' };
  if (max <= 1) return { keep: 0, tail: max === 1 ? ELLIPSIS : '' };
  const sentence = lastSentenceEnd(s, max - 2);
  if (sentence >= Math.floor((max - 2) * 0.6)) return { keep: sentence, tail: ` ${ELLIPSIS}` };
  const word = lastWordEnd(s, max - 1);
  if (word >= Math.floor((max - 1) * 0.5)) return { keep: word, tail: ELLIPSIS };
  return { keep: safeIndex(s, max - 1), tail: ELLIPSIS };
}

/** `s` cut to at most `max` characters. */
export function cutPlain(s: string, max: number): string {
  const { keep, tail } = cutPoint(s, max);
  return s.slice(0, keep) + tail;
}

/** `text` cut to at most `max` plain characters, keeping its formatting; mentions are never split. */
export function clipText(text: Text, max: number): Text {
  if (plainLength(text) <= max) return text;
  const full = text.map(plainOf).join('');
  const { keep, tail } = cutPoint(full, max);
  const out: Inline[] = [];
  let at = 0;
  for (const part of text) {
    const plain = plainOf(part);
    if (at + plain.length <= keep) {
      out.push(part);
      at += plain.length;
      continue;
    }
    const room = keep - at;
    if (room > 0 && typeof part !== 'object') out.push(plain.slice(0, room));
    else if (room > 0 && typeof part === 'object' && 'bold' in part) out.push({ bold: part.bold.slice(0, room) });
    else if (room > 0 && typeof part === 'object' && 'italic' in part) out.push({ italic: part.italic.slice(0, room) });
    break;
  }
  if (tail) out.push(tail);
  return out;
}

/** The end (exclusive) of the last whole sentence within the first `limit` characters, or -1. */
function lastSentenceEnd(s: string, limit: number): number {
  const end = /[.!?…](?:["'”’»)\]]*)(?=\s|$)/gu;
  let best = -1;
  for (const m of s.matchAll(end)) {
    const stop = m.index + m[0].length;
    if (stop > limit) break;
    best = stop;
  }
  return best;
}

/** The end of the last word before whitespace within the first `limit` characters, trimmed of trailing punctuation, or -1. */
function lastWordEnd(s: string, limit: number): number {
  for (let i = Math.min(limit, s.length - 1); i > 0; i--) {
    if (/\s/u.test(s[i]!) && !/\s/u.test(s[i - 1]!)) {
      let stop = i;
      while (stop > 0 && /[\s,;:–—-]/u.test(s[stop - 1]!)) stop--;
      return stop;
    }
  }
  return -1;
}

/** `i`, moved back so as not to split a surrogate pair. */
function safeIndex(s: string, i: number): number {
  const code = s.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff && i > 0 ? i - 1 : i;
}
