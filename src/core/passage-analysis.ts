// Per-passage analysis the ranker and the excerpt need: sentences with their terms.
// Computed lazily for the few passages a question reaches, and cached.
import { bigrams, tokenize, type Token } from './analyzer.js';
import { resolveDates } from './dates.js';
import { contextTermsOf, type PassageIndex } from './passage-index.js';
import type { Passage } from './types.js';

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
  /** Folded words, folded pairs and concept ids in this sentence. */
  readonly terms: ReadonlySet<string>;
  /** Exact words and exact pairs. */
  readonly exactTerms: ReadonlySet<string>;
  /** The alias concepts named in this sentence, where they stand. */
  readonly concepts: readonly { readonly start: number; readonly length: number; readonly value: string }[];
}

/** First and last token position of a word or name in a sentence. */
export type TokenSpan = readonly [first: number, last: number];

export interface PassageAnalysis {
  readonly passage: Passage;
  readonly sentences: readonly Sentence[];
  /** Terms from outside the paragraph that still describe it: heading and article year. */
  readonly contextTerms: ReadonlySet<string>;
  /**
   * Folded term (word, pair, concept id) -> the sentences holding it, as a bit mask (bit i:
   * sentence i; the first 31). Built once with the analysis: a question's terms are then one
   * lookup each, and a term the passage lacks (most of them) costs no scan of its sentences.
   */
  readonly termMasks: ReadonlyMap<string, number>;
  /** The same for exact words and exact pairs. */
  readonly exactMasks: ReadonlyMap<string, number>;
}

/** Sentences beyond this many (of a very long paragraph) are not scored: masks are 31-bit. */
export const MAX_SCORED_SENTENCES = 31;

const segmenter = new Intl.Segmenter('vi', { granularity: 'sentence' });
const CACHE_LIMIT = 2048;
const caches = new WeakMap<PassageIndex, Map<number, PassageAnalysis>>();

export function analyzePassage(index: PassageIndex, id: number): PassageAnalysis {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  const hit = cache.get(id);
  if (hit) return hit;
  const passage = index.dossier.passages[id]!;
  const analysis = computeAnalysis(index, passage);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(id, analysis);
  return analysis;
}

/** A passage's analysis if it is cached, without computing it. */
export function cachedAnalysis(index: PassageIndex, id: number): PassageAnalysis | undefined {
  return caches.get(index)?.get(id);
}

function computeAnalysis(index: PassageIndex, passage: Passage): PassageAnalysis {
  const article = index.articlesById.get(passage.articleId);
  const sentences = splitSentences(passage.text).map(({ start, end }) => sentenceAt(index, passage.text, start, end, article?.date));
  const contextTerms = new Set(contextTermsOf(passage, article, index.aliasConcepts));
  return { passage, sentences, contextTerms, termMasks: masksOf(sentences, (s) => s.terms), exactMasks: masksOf(sentences, (s) => s.exactTerms) };
}

/** The sentences of `analysis` holding a folded term, as a bit mask. */
export function sentencesHolding(analysis: PassageAnalysis, term: string): number {
  return analysis.termMasks.get(term) ?? 0;
}

/** The same for an exact word or pair. */
export function sentencesHoldingExact(analysis: PassageAnalysis, term: string): number {
  return analysis.exactMasks.get(term) ?? 0;
}

function masksOf(sentences: readonly Sentence[], terms: (s: Sentence) => ReadonlySet<string>): Map<string, number> {
  const masks = new Map<string, number>();
  const count = Math.min(sentences.length, MAX_SCORED_SENTENCES);
  for (let i = 0; i < count; i++) for (const term of terms(sentences[i]!)) masks.set(term, (masks.get(term) ?? 0) | (1 << i));
  return masks;
}

const positionCache = new WeakMap<Sentence, Map<string, TokenSpan[]>>();

/** Where each folded word and concept id stands in a sentence (computed once, when first asked). */
export function positionsIn(sentence: Sentence): ReadonlyMap<string, readonly TokenSpan[]> {
  let positions = positionCache.get(sentence);
  if (!positions) {
    const map = new Map<string, TokenSpan[]>();
    const at = (term: string, first: number, last: number) => {
      const list = map.get(term);
      if (list) list.push([first, last]);
      else map.set(term, [[first, last]]);
    };
    sentence.tokens.forEach((t, i) => at(t.folded, i, i));
    for (const m of sentence.concepts) at(m.value, m.start, m.start + m.length - 1);
    positionCache.set(sentence, (positions = map));
  }
  return positions;
}

function sentenceAt(index: PassageIndex, text: string, start: number, end: number, articleDate?: string): Sentence {
  const tokens = tokenize(text.slice(start, end)).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
  const concepts = index.aliasConcepts.matchAll(tokens.map((t) => t.folded));
  const terms = new Set([...tokens.map((t) => t.folded), ...bigrams(tokens, 'folded'), ...concepts.map((m) => m.value)]);
  if (articleDate && mentionsOtherYear(tokens)) for (const year of impliedYears(text.slice(start, end), articleDate)) terms.add(year);
  const exactTerms = new Set([...tokens.map((t) => t.exact), ...bigrams(tokens, 'exact')]);
  return { start, end, tokens, terms, exactTerms, concepts };
}

/** Sentence ranges, trimmed of surrounding white space. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed === '') continue;
    const start = index + lead;
    const previous = ranges[ranges.length - 1];
    // ICU splits after abbreviations and lone initials ("Dj.", "TP."); glue short fragments back.
    if (previous && trimmed.length < 12) previous.end = start + trimmed.length;
    else ranges.push({ start, end: start + trimmed.length });
  }
  return ranges;
}

/**
 * "năm ngoái", "4 năm trước", "hai thập kỷ trước": a year other than the article's, unwritten.
 * A cheap look at the words first: resolving dates costs four times tokenizing the sentence.
 */
function mentionsOtherYear(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => (t.folded === 'nam' || t.folded === 'ky') && ['truoc', 'ngoai'].includes(tokens[i + 1]?.folded ?? ''));
}

/** Years a sentence means without writing them ("4 năm trước" in a 2023 article: 2019). */
function impliedYears(text: string, articleDate: string): string[] {
  return resolveDates(text, articleDate)
    .filter((d) => d.bound === undefined && !/\b(19|20)\d\d\b/.test(d.text))
    .map((d) => d.start.slice(0, 4));
}
