// The serving index: an inverted index on typed arrays, one per field. A term's postings are a
// run of document ids (ascending) with the term's frequency in each; nothing per term or per
// posting lives on the JavaScript heap, so a saved index loads as views on the file's bytes.
// Search (compact-search.ts) scores exactly as MiniSearch 7 would on the same documents.
import { searchCompact, type CompactQuery, type CompactSearchOptions, type SearchHit } from './compact-search.js';
import type { TermDictionary } from './term-dictionary.js';

export type Counts = Uint8Array | Uint16Array | Uint32Array;

export interface FieldPostings {
  readonly terms: TermDictionary;
  /** Term i's postings are `docs` / `frequencies` from `starts[i]` to `starts[i + 1]`. */
  readonly starts: Uint32Array;
  readonly docs: Uint32Array;
  readonly frequencies: Counts;
  /** Distinct terms of each document in this field: BM25's field length. */
  readonly lengths: Counts;
  /** Mean of `lengths` as MiniSearch accumulates it (a running mean), so scores agree to the bit. */
  readonly averageLength: number;
}

export class CompactIndex {
  constructor(
    readonly fieldNames: readonly string[],
    readonly fields: readonly FieldPostings[],
    readonly documentCount: number,
  ) {}

  field(name: string): FieldPostings | undefined {
    const i = this.fieldNames.indexOf(name);
    return i < 0 ? undefined : this.fields[i];
  }

  /** How many documents hold `term` in `field` (0 if none). */
  termCount(term: string, field: string): number {
    const postings = this.field(field);
    if (!postings) return 0;
    const t = postings.terms.indexOf(term);
    return t < 0 ? 0 : postings.starts[t + 1]! - postings.starts[t]!;
  }

  /** Whether document `doc` holds `term` in `field`: a binary search of the term's postings. */
  holds(term: string, field: string, doc: number): boolean {
    const postings = this.field(field);
    if (!postings) return false;
    const t = postings.terms.indexOf(term);
    if (t < 0) return false;
    let low = postings.starts[t]!;
    let high = postings.starts[t + 1]!;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const at = postings.docs[mid]!;
      if (at === doc) return true;
      if (at < doc) low = mid + 1;
      else high = mid;
    }
    return false;
  }

  /** MiniSearch's `search` for the subset of queries and options we use (see compact-search.ts). */
  search(query: CompactQuery, options: CompactSearchOptions = {}): SearchHit[] {
    return searchCompact(this, query, options);
  }
}

/** The narrowest unsigned typed array of `length` that holds values up to `max`. */
export function countsArray(max: number, length: number): Counts {
  return max <= 0xff ? new Uint8Array(length) : max <= 0xffff ? new Uint16Array(length) : new Uint32Array(length);
}

/** `values` in the narrowest unsigned typed array that holds them. */
export function narrowestCounts(values: readonly number[]): Counts {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  const counts = countsArray(max, values.length);
  counts.set(values);
  return counts;
}
