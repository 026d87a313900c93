// A sorted set of strings held as one UTF-8 byte array and an offset table: looked up by binary
// search in place, so a saved dictionary serves straight from the file's bytes (nothing to parse,
// no string per term on the heap until one is asked for).

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Looked-up terms remembered per dictionary: a question's words are looked up once per window scored. */
const RECENT_LIMIT = 4096;

export class TermDictionary implements ReadonlySet<string> {
  /** Scratch for the looked-up term's bytes (grown as needed). */
  private key = new Uint8Array(64);
  private readonly recent = new Map<string, number>();

  /**
   * @param bytes every term's UTF-8 bytes, terms in ascending byte order, nothing between them
   * @param ends `ends[i]` is where term i ends in `bytes`; term i starts at `ends[i - 1]` (0 for the first)
   */
  constructor(readonly bytes: Uint8Array, readonly ends: Uint32Array) {}

  static fromTerms(terms: Iterable<string>): TermDictionary {
    return TermDictionary.fromSorted(sortByBytes([...new Set(terms)]));
  }

  /** From distinct terms already in `sortByBytes` order. */
  static fromSorted(sorted: readonly string[]): TermDictionary {
    const ends = new Uint32Array(sorted.length);
    let length = 0;
    sorted.forEach((term, i) => { ends[i] = length += Buffer.byteLength(term); });
    const bytes = Buffer.alloc(length);
    sorted.forEach((term, i) => bytes.write(term, i === 0 ? 0 : ends[i - 1]!));
    return new TermDictionary(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), ends);
  }

  get size(): number {
    return this.ends.length;
  }

  /** The term's rank in byte order, or -1 if absent. */
  indexOf(term: string): number {
    const known = this.recent.get(term);
    if (known !== undefined) return known;
    if (this.recent.size >= RECENT_LIMIT) this.recent.clear();
    const rank = this.search(term);
    this.recent.set(term, rank);
    return rank;
  }

  private search(term: string): number {
    const keyLength = this.encode(term);
    let low = 0;
    let high = this.ends.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = this.compareAt(mid, keyLength);
      if (order === 0) return mid;
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  termAt(i: number): string {
    return decoder.decode(this.bytes.subarray(this.startOf(i), this.ends[i]));
  }

  has(term: string): boolean {
    return this.indexOf(term) >= 0;
  }

  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.ends.length; i++) yield this.termAt(i);
  }

  values(): IterableIterator<string> {
    return this.keys();
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.keys();
  }

  *entries(): IterableIterator<[string, string]> {
    for (const term of this.keys()) yield [term, term];
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const term of this.keys()) callback.call(thisArg, term, term, this);
  }

  private startOf(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]!;
  }

  /** Term `i` compared with the key in scratch: negative if the term sorts first. */
  private compareAt(i: number, keyLength: number): number {
    const bytes = this.bytes;
    const key = this.key;
    const start = this.startOf(i);
    const length = this.ends[i]! - start;
    const common = Math.min(length, keyLength);
    for (let j = 0; j < common; j++) {
      const diff = bytes[start + j]! - key[j]!;
      if (diff !== 0) return diff;
    }
    return length - keyLength;
  }

  private encode(term: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.key.length < term.length * 3) this.key = new Uint8Array(term.length * 3);
    return encoder.encodeInto(term, this.key).written;
  }
}

/**
 * The strings in UTF-8 byte order (the given array, sorted in place, when it can be). That is
 * JavaScript's code-unit order unless a string holds a surrogate (only those sort differently),
 * so the fast sort is the rule.
 */
export function sortByBytes(terms: string[]): string[] {
  if (!terms.some((t) => /[\uD800-\uDFFF]/.test(t))) return terms.sort();
  const encoded = terms.map((term) => ({ term, bytes: Buffer.from(term) }));
  return encoded.sort((a, b) => Buffer.compare(a.bytes, b.bytes)).map((e) => e.term);
}
