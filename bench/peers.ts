// The two libraries we compare against, on the same passages and queries as our /ask path.
//
// - MiniSearch 7 with default options: one field `text`, its own tokenizer (split on spaces and
//   punctuation) and lower-casing, no diacritic folding; `search(q)` with default options (OR of
//   the terms, BM25+, every matching document returned, sorted).
// - FlexSearch 0.8 `Index`, set up as well as we know for Vietnamese: an Encoder that lower-cases
//   and folds diacritics (NFD, strip marks, đ -> d, the same fold as our analyzer) so unaccented
//   queries match; split on anything that is not a letter or digit; no numeric splitting and no
//   letter de-duplication; `tokenize: 'strict'` (Vietnamese words are whole syllables, prefix
//   indexing would only cost memory); `resolution: 9`; `context: { depth: 1, bidirectional: true }`
//   so adjacent syllable pairs (compounds) score. Search with `suggest: true` (otherwise a
//   question only matches passages holding every one of its words, which for natural-language
//   questions is almost never) and `limit: 10`.
import { Encoder, Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { fold } from '../src/core/analyzer.js';
import type { Passage } from '../src/core/types.js';

export interface PeerEngine {
  readonly name: string;
  /** Runs one query, returns the number of passages it returned. */
  search(query: string): number;
}

export const MINISEARCH_NAME = 'MiniSearch defaults';
export const FLEXSEARCH_NAME = 'FlexSearch 0.8';
export const FLEXSEARCH_LIMIT = 10;

export function buildMiniSearch(passages: readonly Passage[]): PeerEngine {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  search.addAll(passages.map((p, id) => ({ id, text: p.text })));
  return { name: MINISEARCH_NAME, search: (q) => search.search(q).length };
}

export function buildFlexSearch(passages: readonly Passage[]): PeerEngine {
  const encoder = new Encoder({
    normalize: (text: string) => fold(text).toLowerCase(),
    split: /[^\p{L}\p{N}]+/u,
    numeric: false,
    dedupe: false,
  });
  const index = new Index({
    tokenize: 'strict',
    encoder,
    resolution: 9,
    context: { depth: 1, bidirectional: true, resolution: 9 },
  });
  passages.forEach((p, id) => index.add(id, p.text));
  return { name: FLEXSEARCH_NAME, search: (q) => index.search(q, { limit: FLEXSEARCH_LIMIT, suggest: true }).length };
}
