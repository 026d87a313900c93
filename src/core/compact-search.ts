// Search on the compact index, computing what MiniSearch 7's `search` computes for the queries
// we make (node_modules/minisearch/dist/es/index.js: executeQuery, executeQuerySpec, termResults,
// calcBM25Score, the OR combinator, `score * terms.length`, a stable sort by score). It follows
// MiniSearch step for step - the same sums in the same order, the same first-seen order of
// documents before the sort - so scores agree to the last bit and ties break the same way.
// Prefix and fuzzy search, wildcard, AND / AND_NOT and per-call tokenizers are not implemented
// and are refused rather than ignored.
import type { CompactIndex, FieldPostings } from './compact-index.js';

export interface BM25Params {
  readonly k: number;
  readonly b: number;
  readonly d: number;
}

export interface SearchHit {
  readonly id: number;
  readonly score: number;
}

/**
 * The part of MiniSearch's `SearchOptions` implemented. Callbacks are declared as methods so that
 * MiniSearch's own option objects (whose `filter` takes its richer `SearchResult`) are accepted:
 * `filter` is given our hit, id and score only.
 */
export interface CompactSearchOptions {
  readonly fields?: readonly string[];
  readonly boost?: { readonly [field: string]: number };
  boostTerm?(term: string, i: number, terms: string[]): number;
  boostDocument?(id: number, term: string): number;
  filter?(hit: SearchHit): boolean;
  readonly bm25?: BM25Params;
  readonly combineWith?: string;
}

export interface CompactQueryCombination extends CompactSearchOptions {
  readonly queries: readonly CompactQuery[];
}

/** A string (terms separated by spaces) or a combination; a symbol (MiniSearch's wildcard) is refused. */
export type CompactQuery = string | CompactQueryCombination | symbol;

const DEFAULT_BM25: BM25Params = { k: 1.2, b: 0.7, d: 0.5 };
const SUPPORTED = new Set(['queries', 'fields', 'boost', 'boostTerm', 'boostDocument', 'filter', 'bm25', 'combineWith', 'prefix', 'fuzzy', 'weights', 'maxFuzzy']);

export function searchCompact(index: CompactIndex, query: CompactQuery, options: CompactSearchOptions): SearchHit[] {
  checkSupported(options);
  const scratch = Scratch.take(index);
  try {
    const run = new Run(index, scratch);
    run.evaluate(query, options, 0);
    return run.hits(options.filter ? (hit) => options.filter!(hit) : undefined);
  } finally {
    Scratch.give(index, scratch);
  }
}

/** One search: walks the query tree as MiniSearch's executeQuery does, one accumulator per depth. */
class Run {
  private readonly termKeys = new Map<string, number>();

  constructor(private readonly index: CompactIndex, private readonly scratch: Scratch) {}

  evaluate(query: CompactQuery, options: CompactSearchOptions, depth: number): void {
    if (typeof query === 'string') return this.evaluateTerms(query, options, depth);
    if (typeof query !== 'object') throw new Error('compact index: wildcard queries are not supported');
    checkSupported(query);
    const merged: CompactSearchOptions = { ...options, ...query, queries: undefined } as CompactSearchOptions;
    for (const sub of query.queries) {
      this.evaluate(sub, merged, depth + 1);
      this.scratch.level(depth + 1).mergeInto(this.scratch.level(depth));
    }
  }

  /** The final list: each document's score times the number of query terms it matched, best first. */
  hits(filter: ((hit: SearchHit) => boolean) | undefined): SearchHit[] {
    const top = this.scratch.level(0);
    const hits: SearchHit[] = [];
    for (let i = 0; i < top.size; i++) {
      const doc = top.order[i]!;
      const hit = { id: doc, score: top.scores[doc]! * this.scratch.terms.count(doc) };
      if (!filter || filter(hit)) hits.push(hit);
    }
    top.clear();
    return hits.sort((a, b) => b.score - a.score);
  }

  private evaluateTerms(text: string, options: CompactSearchOptions, depth: number): void {
    // The index was built with identity analysis: terms are the space-separated words.
    const terms = text.split(' ').filter((t) => t !== '');
    terms.forEach((term, i) => {
      const termBoost = options.boostTerm ? options.boostTerm(term, i, terms) : 1;
      this.termResults(term, termBoost, options, this.scratch.level(depth + 1));
      this.scratch.level(depth + 1).mergeInto(this.scratch.level(depth));
    });
  }

  /** MiniSearch's termResults for an exact match (term weight 1), field by field. */
  private termResults(term: string, termBoost: number, options: CompactSearchOptions, out: Accumulator): void {
    const bm25 = options.bm25 ?? DEFAULT_BM25;
    const termKey = this.termKey(term);
    for (const name of new Set(options.fields ?? this.index.fieldNames)) {
      const field = this.index.field(name);
      const t = field ? field.terms.indexOf(term) : -1;
      if (!field || t < 0) continue;
      // `|| 1`: MiniSearch treats a boost of 0 as no boost.
      const fieldBoost = ownNumber(options.boost, name) || 1;
      this.scorePostings(field, t, termKey, termBoost * fieldBoost, bm25, term, options, out);
    }
  }

  private scorePostings(field: FieldPostings, t: number, termKey: number, boost: number, bm25: BM25Params, term: string, options: CompactSearchOptions, out: Accumulator): void {
    const start = field.starts[t]!;
    const end = field.starts[t + 1]!;
    const idf = inverseDocumentFrequency(end - start, this.index.documentCount);
    for (let p = start; p < end; p++) {
      const doc = field.docs[p]!;
      const docBoost = options.boostDocument ? options.boostDocument(doc, term) : 1;
      if (!docBoost) continue;
      const raw = bm25Score(idf, field.frequencies[p]!, field.lengths[doc]!, field.averageLength, bm25);
      out.add(doc, boost * docBoost * raw);
      this.scratch.terms.note(doc, termKey);
    }
  }

  /** A small number per distinct query term, for counting the terms each document matched. */
  private termKey(term: string): number {
    let key = this.termKeys.get(term);
    if (key === undefined) this.termKeys.set(term, (key = this.termKeys.size));
    return key;
  }
}

// MiniSearch's calcBM25Score, split so the rarity is computed once per term and field; the
// operations and their order are its own, so the result is the same double.
function inverseDocumentFrequency(matchingCount: number, totalCount: number): number {
  return Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
}

function bm25Score(invDocFreq: number, termFreq: number, fieldLength: number, avgFieldLength: number, { k, b, d }: BM25Params): number {
  return invDocFreq * (d + termFreq * (k + 1) / (termFreq + k * (1 - b + b * fieldLength / avgFieldLength)));
}

function ownNumber(object: { readonly [field: string]: number } | undefined, key: string): number | undefined {
  return object !== undefined && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function checkSupported(options: CompactSearchOptions): void {
  const all = options as Record<string, unknown>;
  for (const key of Object.keys(all)) {
    if (!SUPPORTED.has(key)) throw new Error(`compact index: search option "${key}" is not supported`);
  }
  if (all.prefix || all.fuzzy) throw new Error('compact index: prefix and fuzzy search are not supported');
  if (options.combineWith !== undefined && options.combineWith.toLowerCase() !== 'or') throw new Error(`compact index: combineWith "${options.combineWith}" is not supported (OR only)`);
}

// ---- scratch ----------------------------------------------------------------------------------

/**
 * Which documents are live in the current search: arrays indexed by document are reused across
 * searches, and a generation stamp says which entries belong to this one, so clearing is O(1).
 */
class Generation {
  private readonly stamps: Uint32Array;
  private stamp = 1;

  constructor(documents: number) {
    this.stamps = new Uint32Array(documents);
  }

  has(doc: number): boolean {
    return this.stamps[doc] === this.stamp;
  }

  /** Marks `doc` live; false if it already was. */
  add(doc: number): boolean {
    if (this.stamps[doc] === this.stamp) return false;
    this.stamps[doc] = this.stamp;
    return true;
  }

  clear(): void {
    this.stamp += 1;
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }
}

/** The documents one query node matched, with their scores, in first-seen order: MiniSearch's result Map. */
class Accumulator {
  readonly scores: Float64Array;
  readonly order: Uint32Array;
  private readonly live: Generation;
  size = 0;

  constructor(documents: number) {
    this.scores = new Float64Array(documents);
    this.order = new Uint32Array(documents);
    this.live = new Generation(documents);
  }

  add(doc: number, score: number): void {
    if (this.live.add(doc)) {
      this.scores[doc] = score;
      this.order[this.size++] = doc;
    } else {
      this.scores[doc] = this.scores[doc]! + score;
    }
  }

  /** MiniSearch's OR combinator: new documents appended, known ones summed; then this one is emptied. */
  mergeInto(parent: Accumulator): void {
    for (let i = 0; i < this.size; i++) {
      const doc = this.order[i]!;
      parent.add(doc, this.scores[doc]!);
    }
    this.clear();
  }

  clear(): void {
    this.size = 0;
    this.live.clear();
  }
}

/** Which distinct query terms each document matched (a short linked list per document). */
class MatchedTerms {
  private readonly heads: Int32Array;
  private readonly counts: Uint32Array;
  private readonly live: Generation;
  private termOf = new Int32Array(256);
  private next = new Int32Array(256);
  private nodes = 0;

  constructor(documents: number) {
    this.heads = new Int32Array(documents);
    this.counts = new Uint32Array(documents);
    this.live = new Generation(documents);
  }

  note(doc: number, term: number): void {
    if (this.live.add(doc)) {
      this.heads[doc] = -1;
      this.counts[doc] = 0;
    }
    for (let n = this.heads[doc]!; n >= 0; n = this.next[n]!) if (this.termOf[n] === term) return;
    if (this.nodes === this.termOf.length) this.grow();
    this.termOf[this.nodes] = term;
    this.next[this.nodes] = this.heads[doc]!;
    this.heads[doc] = this.nodes++;
    this.counts[doc] = this.counts[doc]! + 1;
  }

  count(doc: number): number {
    return this.live.has(doc) ? this.counts[doc]! : 0;
  }

  clear(): void {
    this.nodes = 0;
    this.live.clear();
  }

  private grow(): void {
    const termOf = new Int32Array(this.termOf.length * 2);
    termOf.set(this.termOf);
    const next = new Int32Array(this.next.length * 2);
    next.set(this.next);
    this.termOf = termOf;
    this.next = next;
  }
}

/**
 * Per-document work arrays for one search, kept with the index for its next search (a search
 * started from inside a callback of another gets arrays of its own).
 */
class Scratch {
  private static idle = new WeakMap<CompactIndex, Scratch>();
  private readonly levels: Accumulator[] = [];
  readonly terms: MatchedTerms;

  private constructor(private readonly documents: number) {
    this.terms = new MatchedTerms(documents);
  }

  static take(index: CompactIndex): Scratch {
    const idle = Scratch.idle.get(index);
    Scratch.idle.delete(index);
    return idle ?? new Scratch(index.documentCount);
  }

  static give(index: CompactIndex, scratch: Scratch): void {
    for (const level of scratch.levels) level.clear();
    scratch.terms.clear();
    Scratch.idle.set(index, scratch);
  }

  level(depth: number): Accumulator {
    while (this.levels.length <= depth) this.levels.push(new Accumulator(this.documents));
    return this.levels[depth]!;
  }
}
