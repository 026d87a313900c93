// Building a compact index from documents whose fields are space-separated terms, with the
// statistics MiniSearch would keep for them (field length = distinct tokens, its running mean).
import { CompactIndex, countsArray, narrowestCounts, type FieldPostings } from './compact-index.js';
import { sortByBytes, TermDictionary } from './term-dictionary.js';

export class CompactIndexBuilder {
  private readonly fields: FieldBuilder[];
  private documents = 0;

  constructor(readonly fieldNames: readonly string[]) {
    this.fields = fieldNames.map(() => new FieldBuilder());
  }

  /** Add the next document: its id must be the number of documents added before it. */
  add(id: number, values: readonly string[]): void {
    if (id !== this.documents) throw new Error(`compact index: document ${id} added as number ${this.documents} (ids must be 0, 1, 2, ...)`);
    this.fields.forEach((field, i) => field.add(id, values[i] ?? ''));
    this.documents += 1;
  }

  finish(): CompactIndex {
    return new CompactIndex(this.fieldNames, this.fields.map((f) => f.finish(this.documents)), this.documents);
  }
}

/** One field: each document's distinct terms and their frequencies, in document order, until `finish` inverts them. */
class FieldBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  /** The last document each term was seen in, and where its frequency is in `pairFrequencies`. */
  private readonly lastDocument: number[] = [];
  private readonly lastPair: number[] = [];
  private readonly pairTerms = new GrowingUint32();
  private readonly pairFrequencies = new GrowingUint32();
  private readonly documentEnds: number[] = [];
  private readonly lengths: number[] = [];
  private averageLength = 0;
  private maxFrequency = 0;

  add(doc: number, text: string): void {
    const tokens = text === '' ? [] : text.split(' ');
    // MiniSearch: the field length is the number of distinct tokens, the mean a running one.
    const length = new Set(tokens).size;
    this.lengths.push(length);
    this.averageLength = (this.averageLength * doc + length) / (doc + 1);
    for (const token of tokens) if (token !== '') this.count(doc, token);
    this.documentEnds.push(this.pairTerms.length);
  }

  finish(documents: number): FieldPostings {
    const sorted = sortByBytes([...this.terms]);
    const rank = new Uint32Array(this.terms.length);
    sorted.forEach((term, r) => { rank[this.ids.get(term)!] = r; });
    const starts = this.startsByRank(rank);
    const docs = new Uint32Array(this.pairTerms.length);
    const frequencies = countsArray(this.maxFrequency, this.pairTerms.length);
    const next = starts.slice(0, -1);
    let pair = 0;
    for (let doc = 0; doc < documents; doc++) {
      for (const end = this.documentEnds[doc]!; pair < end; pair++) {
        const r = rank[this.pairTerms.at(pair)]!;
        const at = next[r]!;
        next[r] = at + 1;
        docs[at] = doc;
        frequencies[at] = this.pairFrequencies.at(pair);
      }
    }
    return { terms: TermDictionary.fromSorted(sorted), starts, docs, frequencies, lengths: narrowestCounts(this.lengths), averageLength: this.averageLength };
  }

  private count(doc: number, term: string): void {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.lastDocument.push(-1);
      this.lastPair.push(-1);
    }
    if (this.lastDocument[id] === doc) {
      const frequency = this.pairFrequencies.increment(this.lastPair[id]!);
      if (frequency > this.maxFrequency) this.maxFrequency = frequency;
      return;
    }
    this.lastDocument[id] = doc;
    this.lastPair[id] = this.pairTerms.length;
    this.pairTerms.push(id);
    this.pairFrequencies.push(1);
    if (this.maxFrequency < 1) this.maxFrequency = 1;
  }

  /** Where each term's postings start once terms are in byte order (prefix sums of their counts). */
  private startsByRank(rank: Uint32Array): Uint32Array {
    const starts = new Uint32Array(this.terms.length + 1);
    for (let pair = 0; pair < this.pairTerms.length; pair++) {
      const r = rank[this.pairTerms.at(pair)]! + 1;
      starts[r] = starts[r]! + 1;
    }
    for (let r = 0; r < this.terms.length; r++) starts[r + 1] = starts[r + 1]! + starts[r]!;
    return starts;
  }
}

/** An append-only Uint32Array that doubles when full. */
class GrowingUint32 {
  private values = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  at(i: number): number {
    return this.values[i]!;
  }

  increment(i: number): number {
    return (this.values[i] = this.values[i]! + 1);
  }
}
