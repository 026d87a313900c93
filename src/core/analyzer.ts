// Vietnamese text analysis, the same for index and query: NFC, lower case, one tone-mark
// placement, diacritic folding (đ -> d), names split at hyphens, numbers and dates kept whole.
// Every token keeps its character span in the original text so a renderer can bold it.

/** Bump when analysis changes: saved indexes carry it and are rebuilt when it differs. */
export const ANALYZER_VERSION = 8;

export interface Token {
  /** Lower case, NFC, tone mark on the canonical vowel. */
  readonly exact: string;
  /** `exact` without diacritics, đ -> d. */
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  /** True when this token directly follows the previous one (only spaces or a hyphen between): bigrams may join them. */
  readonly joined: boolean;
  readonly isNumber: boolean;
}

// A number keeps its inner separators (12/9, 1.000, 3,5); a word is letters and marks.
const TOKEN = /\p{N}+(?:[.,/:]\p{N}+)*|[\p{L}\p{M}]+/gu;
const JOINER = /^[ \t\u00a0-]*$/;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
const ALL_MARKS = /\p{M}/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const raw = match[0];
    const exact = normalizeSyllable(raw);
    const joined = previousEnd >= 0 && JOINER.test(text.slice(previousEnd, start));
    tokens.push({ exact, folded: foldSyllable(exact), start, end: start + raw.length, joined, isNumber: /^\p{N}/u.test(raw) });
    previousEnd = start + raw.length;
  }
  return tokens;
}

/** Syllables repeat endlessly; normalizing each form once keeps tokenizing cheap. Bounded. */
const syllableCache = new Map<string, string>();
const SYLLABLE_CACHE_LIMIT = 50_000;

/** Lower case, NFC and canonical tone placement for one syllable. */
export function normalizeSyllable(raw: string): string {
  const cached = syllableCache.get(raw);
  if (cached !== undefined) return cached;
  const normalized = placeToneMark(raw.normalize('NFC').toLowerCase());
  if (syllableCache.size >= SYLLABLE_CACHE_LIMIT) syllableCache.clear();
  syllableCache.set(raw, normalized);
  return normalized;
}

const foldCache = new Map<string, string>();

/** `fold` for one normalized syllable, cached like `normalizeSyllable`. */
function foldSyllable(syllable: string): string {
  const cached = foldCache.get(syllable);
  if (cached !== undefined) return cached;
  const folded = fold(syllable);
  if (foldCache.size >= SYLLABLE_CACHE_LIMIT) foldCache.clear();
  foldCache.set(syllable, folded);
  return folded;
}

/** Remove every diacritic and map đ to d. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(ALL_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Normalize free text (not tokens): NFC, lower case, tone marks canonical per word. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\p{L}\p{M}]+/gu, placeToneMark);
}

const VOWELS = 'aăâeêioôơuưy';
const MODIFIED_VOWELS = 'ăâêôơư';

/**
 * Put a syllable's tone mark where the traditional rule puts it (hòa, thủy, thỏa), so that
 * hoà = hòa, thoả = thỏa, uỷ = ủy. Syllables with no tone mark or not shaped like Vietnamese
 * are returned unchanged.
 */
export function placeToneMark(syllable: string): string {
  const decomposed = syllable.normalize('NFD');
  const tone = decomposed.match(TONE_MARKS)?.[0];
  if (!tone) return syllable;
  const letters = [...decomposed.replace(TONE_MARKS, '').normalize('NFC')];
  const target = toneVowelIndex(letters);
  if (target < 0) return syllable;
  letters[target] = (letters[target] + tone).normalize('NFC');
  return letters.join('').normalize('NFC');
}

function toneVowelIndex(letters: readonly string[]): number {
  let first = letters.findIndex((l) => VOWELS.includes(l));
  if (first < 0) return -1;
  let last = first;
  while (last + 1 < letters.length && VOWELS.includes(letters[last + 1]!)) last += 1;
  const onset = letters.slice(0, first).join('');
  // In "qu" and "gi" + vowel the u / i belong to the onset.
  if ((onset === 'q' && letters[first] === 'u') || (onset === 'g' && letters[first] === 'i')) {
    if (last > first) first += 1;
  }
  const hasFinal = last < letters.length - 1;
  if (hasFinal && !/^[cmnptgh]+$/.test(letters.slice(last + 1).join(''))) return -1;
  const cluster = letters.slice(first, last + 1);
  if (cluster.length > 3) return -1;
  const modified = cluster.map((l, i) => (MODIFIED_VOWELS.includes(l) ? i : -1)).filter((i) => i >= 0);
  if (modified.length > 0) return first + modified[modified.length - 1]!;
  if (cluster.length === 1) return first;
  return hasFinal ? last : last - 1;
}

/** Joined pairs of adjacent tokens: "tàu bọc thép" -> ["tàu_bọc", "bọc_thép"]. */
export function bigrams(tokens: readonly Token[], key: 'exact' | 'folded'): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const current = tokens[i]!;
    if (current.joined) out.push(`${tokens[i - 1]![key]}_${current[key]}`);
  }
  return out;
}

/** Share of letters that are not Latin. */
export function foreignScriptShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const foreign = letters.filter((l) => !/\p{Script=Latin}/u.test(l)).length;
  return foreign / letters.length;
}
