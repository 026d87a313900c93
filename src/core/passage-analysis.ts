// Per-passage analysis the ranker and the excerpt need: sentences with their terms.
// Computed lazily for the few passages a question reaches, and cached.
import { bigrams, tokenize, type Token } from './analyzer.js';
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
  /** Where each folded word and concept id stands: [first, last] token positions. */
  readonly positions: ReadonlyMap<string, readonly (readonly [number, number])[]>;
}

export interface PassageAnalysis {
  readonly passage: Passage;
  readonly sentences: readonly Sentence[];
  /** Terms from outside the paragraph that still describe it: heading and article year. */
  readonly contextTerms: ReadonlySet<string>;
  /** Folded term (word, pair, concept id) -> the sentences holding it, as a bit mask (bit i: sentence i; the first 31). */
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

function computeAnalysis(index: PassageIndex, passage: Passage): PassageAnalysis {
  const sentences = splitSentences(passage.text).map(({ start, end }) => sentenceAt(index, passage.text, start, end));
  const contextTerms = new Set(contextTermsOf(passage, index.articlesById.get(passage.articleId)));
  return { passage, sentences, contextTerms, termMasks: masksOf(sentences, (s) => s.terms), exactMasks: masksOf(sentences, (s) => s.exactTerms) };
}

function masksOf(sentences: readonly Sentence[], terms: (s: Sentence) => ReadonlySet<string>): Map<string, number> {
  const masks = new Map<string, number>();
  sentences.slice(0, MAX_SCORED_SENTENCES).forEach((sentence, i) => {
    for (const term of terms(sentence)) masks.set(term, (masks.get(term) ?? 0) | (1 << i));
  });
  return masks;
}

function sentenceAt(index: PassageIndex, text: string, start: number, end: number): Sentence {
  const tokens = tokenize(text.slice(start, end)).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
  const concepts = index.aliasConcepts.matchAll(tokens.map((t) => t.folded));
  const terms = new Set([...tokens.map((t) => t.folded), ...bigrams(tokens, 'folded'), ...concepts.map((m) => m.value)]);
  const exactTerms = new Set([...tokens.map((t) => t.exact), ...bigrams(tokens, 'exact')]);
  const positions = new Map<string, [number, number][]>();
  const at = (term: string, first: number, last: number) => {
    const list = positions.get(term);
    if (list) list.push([first, last]);
    else positions.set(term, [[first, last]]);
  };
  tokens.forEach((t, i) => at(t.folded, i, i));
  for (const m of concepts) at(m.value, m.start, m.start + m.length - 1);
  return { start, end, tokens, terms, exactTerms, positions };
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
