// Synthetic dossiers that look like Vietnamese news text, for the benchmark (bench/run.ts).
//
// Vocabulary (>= 10,000 distinct syllables, ranked for a Zipf-Mandelbrot draw):
//   1. the shipped dossier's own syllables, most frequent first (so "của", "và", "là" dominate),
//   2. the syllables of the dictionary-vi Hunspell word list (node_modules/dictionary-vi/index.dic),
//   3. if 1+2 fall short of 10,000: the other tones of those syllables (a Vietnamese syllable is a
//      base plus one of six tones; stop finals -c/-ch/-p/-t take only sắc and nặng).
// Text: half of the words follow a real word pair of the dossier (a first-order chain over its
// text, so compounds such as "hạt nhân" occur as phrases), the rest are Zipf draws. Sentences of
// 8-28 syllables, capitalised, with commas, names (the dossier's own capitalised names and
// generated Vietnamese person names) and numbers/dates sprinkled in. Passages of 40-150
// syllables, 20 per article. Everything comes from one seeded PRNG: the same size gives the same
// dossier on every run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeSyllable, tokenize } from '../src/core/analyzer.js';
import type { Article, Dossier, Passage } from '../src/core/types.js';
import { PROJECT_ROOT } from '../src/paths.js';

export const SYNTH_SEED = 0x5eed_2026;
export const PASSAGES_PER_ARTICLE = 20;
const MIN_VOCABULARY = 10_000;

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface VocabularyStats {
  readonly total: number;
  readonly fromDossier: number;
  readonly fromDictionary: number;
  readonly toneVariants: number;
  readonly names: number;
}

interface Model {
  /** Syllables by rank (most frequent first). */
  readonly vocabulary: readonly string[];
  /** Cumulative Zipf-Mandelbrot weights over `vocabulary`. */
  readonly cumulative: Float64Array;
  /** Lower-case syllable -> syllables that follow it in the dossier (with repeats: frequency-weighted). */
  readonly successors: ReadonlyMap<string, readonly string[]>;
  /** Names as written ("Kim Jong-un", "Vladivostok"). */
  readonly names: readonly string[];
  readonly stats: VocabularyStats;
}

const LETTERS = /^\p{L}+$/u;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'] as const;
const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thanh', 'Ngọc', 'Xuân', 'Công'];

/** Syllables of the dictionary-vi word list: entries split at spaces and hyphens, affix flags stripped. */
export function dictionarySyllables(): string[] {
  const path = join(PROJECT_ROOT, 'node_modules', 'dictionary-vi', 'index.dic');
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).slice(1); // first line: entry count
  const out = new Set<string>();
  for (const line of lines) {
    const entry = line.split('/')[0]!.trim();
    for (const part of entry.split(/[\s-]+/u)) {
      if (part === '' || !LETTERS.test(part)) continue;
      if (part.length > 1 && part === part.toUpperCase()) continue; // acronyms (ABC, HCM)
      out.add(normalizeSyllable(part));
    }
  }
  return [...out];
}

/** The other tones of a syllable, with the tone mark where the analyzer puts it. */
function toneVariants(syllable: string): string[] {
  const base = syllable.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
  const stopFinal = /(c|ch|p|t)$/u.test(base);
  const tones = stopFinal ? ['\u0301', '\u0323'] : TONES;
  return tones.map((tone) => {
    if (tone === '') return base;
    // Put the mark after the first vowel, then let the analyzer move it to the canonical vowel.
    const decomposed = base.normalize('NFD');
    const at = decomposed.search(/[aeiouy]/u);
    if (at < 0) return base;
    let end = at + 1;
    while (end < decomposed.length && /\p{M}/u.test(decomposed[end]!)) end += 1;
    return normalizeSyllable(`${decomposed.slice(0, end)}${tone}${decomposed.slice(end)}`);
  });
}

function buildModel(real: Dossier, rand: () => number): Model {
  const frequency = new Map<string, number>();
  const successors = new Map<string, string[]>();
  const names = new Set<string>();
  /** Lower-case syllable -> how it is written inside sentences (Nga, KCNA, hạt). */
  const forms = new Map<string, Map<string, number>>();
  for (const passage of real.passages) {
    const tokens = tokenize(passage.text);
    tokens.forEach((token, i) => {
      if (token.isNumber || !LETTERS.test(token.exact)) return;
      frequency.set(token.exact, (frequency.get(token.exact) ?? 0) + 1);
      const opensSentence = /(^|[.!?:]\s*)$/u.test(passage.text.slice(Math.max(0, token.start - 2), token.start));
      if (!opensSentence) {
        const written = passage.text.slice(token.start, token.end).normalize('NFC');
        let counts = forms.get(token.exact);
        if (!counts) forms.set(token.exact, (counts = new Map()));
        counts.set(written, (counts.get(written) ?? 0) + 1);
      }
      const next = tokens[i + 1];
      if (next && next.joined && !next.isNumber && LETTERS.test(next.exact)) {
        let list = successors.get(token.exact);
        if (!list) successors.set(token.exact, (list = []));
        list.push(next.exact);
      }
    });
    // Names: runs of capitalised words that do not open a sentence.
    const words = [...passage.text.matchAll(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu)];
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0 && run.length <= 4) names.add(run.join(' '));
      run = [];
    };
    words.forEach((m, i) => {
      const word = m[0];
      const before = passage.text.slice(Math.max(0, m.index - 2), m.index);
      const opensSentence = i === 0 || /[.!?:]\s*$/u.test(before);
      if (/^\p{Lu}/u.test(word) && !opensSentence) run.push(word);
      else flush();
    });
    flush();
  }
  // A word the dossier mostly writes capitalised (Nga, Moskva, KCNA) keeps that form.
  const written = (w: string): string => {
    const counts = [...(forms.get(w) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
    return counts[0]?.[0] ?? w;
  };
  for (const [w, list] of successors) successors.set(w, list.map(written));
  const fromDossier = [...frequency.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => written(w));
  const seen = new Set(fromDossier.map(normalizeSyllable));
  const dictionary = shuffle(dictionarySyllables().filter((w) => !seen.has(w)), rand);
  for (const w of dictionary) seen.add(w);
  const variants: string[] = [];
  if (seen.size < MIN_VOCABULARY) {
    for (const w of [...fromDossier.map(normalizeSyllable), ...dictionary]) {
      for (const v of toneVariants(w)) {
        if (!seen.has(v) && LETTERS.test(v)) {
          seen.add(v);
          variants.push(v);
        }
      }
    }
  }
  const vocabulary = [...fromDossier, ...dictionary, ...shuffle(variants, rand)];
  // Zipf-Mandelbrot: weight of rank r (1-based) = 1 / (r + 2.7)^1.05.
  const cumulative = new Float64Array(vocabulary.length);
  let sum = 0;
  for (let r = 0; r < vocabulary.length; r++) {
    sum += 1 / Math.pow(r + 1 + 2.7, 1.05);
    cumulative[r] = sum;
  }
  const nameList = [...names].sort();
  return {
    vocabulary, cumulative, successors, names: nameList,
    stats: { total: vocabulary.length, fromDossier: fromDossier.length, fromDictionary: dictionary.length, toneVariants: variants.length, names: nameList.length },
  };
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function pick<T>(items: readonly T[], rand: () => number): T {
  return items[Math.floor(rand() * items.length)]!;
}

function int(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function zipf(model: Model, rand: () => number): string {
  const { cumulative, vocabulary } = model;
  const target = rand() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
}

/** A number, date or amount as news text writes it; returns the words. */
function numberPhrase(rand: () => number): string[] {
  const year = int(rand, 1990, 2025);
  switch (int(rand, 0, 7)) {
    case 0: return ['ngày', `${int(rand, 1, 28)}/${int(rand, 1, 12)}/${year}`];
    case 1: return ['năm', String(year)];
    case 2: return ['tháng', `${int(rand, 1, 12)}/${year}`];
    case 3: return [String(int(rand, 2, 999)), pick(['triệu', 'tỷ', 'nghìn'], rand), pick(['USD', 'đồng', 'rúp', 'người', 'tấn'], rand)];
    case 4: return [`${int(rand, 1, 99)},${int(rand, 1, 9)}%`];
    case 5: return [`${int(rand, 1, 99)}.${String(int(rand, 0, 999)).padStart(3, '0')}`, pick(['km', 'người', 'binh sĩ', 'quả'], rand)];
    case 6: return [`${int(rand, 0, 23)}h${String(int(rand, 0, 59)).padStart(2, '0')}`];
    default: return [String(int(rand, 2, 90)), pick(['năm', 'ngày', 'giờ', 'phút', 'lần'], rand)];
  }
}

function personName(model: Model, rand: () => number): string {
  const given = capitalise(zipf(model, rand));
  return rand() < 0.6 ? `${pick(FAMILY_NAMES, rand)} ${pick(MIDDLE_NAMES, rand)} ${given}` : `${pick(FAMILY_NAMES, rand)} ${given}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** One sentence of `length` syllables (a name or number counts its syllables). */
function sentence(model: Model, rand: () => number, length: number): string {
  const words: string[] = [];
  let count = 0;
  let previous: string | undefined;
  while (count < length) {
    const r = rand();
    let piece: string[];
    if (r < 0.05 && model.names.length > 0) {
      piece = (rand() < 0.7 ? pick(model.names, rand) : personName(model, rand)).split(' ');
      previous = undefined;
    } else if (r < 0.08) {
      piece = numberPhrase(rand);
      previous = undefined;
    } else {
      const next = previous !== undefined ? model.successors.get(normalizeSyllable(previous)) : undefined;
      const word = next && rand() < 0.5 ? pick(next, rand) : zipf(model, rand);
      piece = [word];
      previous = word;
    }
    if (count + piece.length > length && count > 0) piece = piece.slice(0, length - count);
    if (words.length > 0 && rand() < 0.05) words[words.length - 1] += ',';
    words.push(...piece);
    count += piece.length;
  }
  words[0] = capitalise(words[0]!);
  return `${words.join(' ')}.`;
}

/** A passage of 40-150 syllables, in sentences of 8-28. */
function passageText(model: Model, rand: () => number): string {
  let remaining = 40 + Math.floor(((rand() + rand()) / 2) * 111);
  const sentences: string[] = [];
  while (remaining > 0) {
    let length = Math.min(remaining, int(rand, 8, 28));
    if (remaining - length < 5) length = remaining;
    sentences.push(sentence(model, rand, length));
    remaining -= length;
  }
  return sentences.join(' ');
}

function pad(n: number): string {
  return String(n).padStart(6, '0');
}

export interface SynthResult {
  readonly dossier: Dossier;
  readonly vocabulary: VocabularyStats;
}

/** A dossier of `passageCount` synthetic passages, with the real dossier's aliases and glossary. */
export function synthesizeDossier(real: Dossier, passageCount: number, seed = SYNTH_SEED): SynthResult {
  const rand = mulberry32(seed);
  const model = buildModel(real, rand);
  const articles: Article[] = [];
  const passages: Passage[] = [];
  const hash = createHash('sha256');
  hash.update(`synth\0${seed}\0${passageCount}\0${real.version}\0`);
  for (let a = 0; passages.length < passageCount; a++) {
    const articleId = `synth-${pad(a + 1)}`;
    const count = Math.min(PASSAGES_PER_ARTICLE, passageCount - passages.length);
    const year = int(rand, 2015, 2025);
    const date = `${year}-${String(int(rand, 1, 12)).padStart(2, '0')}-${String(int(rand, 1, 28)).padStart(2, '0')}`;
    const title = sentence(model, rand, int(rand, 8, 14)).replace(/\.$/u, '');
    articles.push({
      id: articleId, title, date, datePrecision: 'day', language: 'vi', notices: [], paragraphCount: count, headings: [], file: `${articleId}.md`,
    });
    hash.update(`${articleId}\0${title}\0${date}\0`);
    for (let p = 1; p <= count; p++) {
      const text = passageText(model, rand);
      hash.update(text);
      passages.push({ id: `${articleId}#${p}`, articleId, kind: 'paragraph', paragraph: p, captionNumber: 0, text });
    }
  }
  const dossier: Dossier = { articles, passages, aliases: real.aliases, glossary: real.glossary, version: hash.digest('hex').slice(0, 12) };
  return { dossier, vocabulary: model.stats };
}

/**
 * `count` queries of 3-6 consecutive words taken from random passages, as written
 * (capitals, diacritics, punctuation between words dropped).
 */
export function passageQueries(dossier: Dossier, count: number, seed = SYNTH_SEED ^ 0x9e37): string[] {
  const rand = mulberry32(seed);
  const out: string[] = [];
  const passages = dossier.passages;
  for (let attempts = 0; out.length < count && attempts < count * 20 && passages.length > 0; attempts++) {
    const passage = pick(passages, rand);
    const words = passage.text.match(/[\p{L}\p{M}\p{N}]+(?:[-./,:][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
    const length = int(rand, 3, 6);
    if (words.length < length) continue;
    const start = int(rand, 0, words.length - length);
    out.push(words.slice(start, start + length).join(' '));
  }
  return out;
}
