// Folded syllable -> number of passages holding it, read from the `folded` field's postings
// (a syllable's postings are exactly the passages that hold it), so no table of its own is kept.
import type { FieldPostings } from './compact-index.js';

export class SyllableFrequencies implements ReadonlyMap<string, number> {
  /**
   * @param folded the folded field: single syllables and `a_b` pairs
   * @param order the ranks of its single syllables in the order the dossier first uses them
   *   (the order the old Map had, which typo repair's ties still follow)
   */
  constructor(private readonly folded: FieldPostings, readonly order: Uint32Array) {}

  get size(): number {
    return this.order.length;
  }

  get(syllable: string): number | undefined {
    if (syllable.includes('_')) return undefined;
    const rank = this.folded.terms.indexOf(syllable);
    return rank < 0 ? undefined : this.countAt(rank);
  }

  has(syllable: string): boolean {
    return this.get(syllable) !== undefined;
  }

  *entries(): IterableIterator<[string, number]> {
    for (const rank of this.order) yield [this.folded.terms.termAt(rank), this.countAt(rank)];
  }

  *keys(): IterableIterator<string> {
    for (const rank of this.order) yield this.folded.terms.termAt(rank);
  }

  *values(): IterableIterator<number> {
    for (const rank of this.order) yield this.countAt(rank);
  }

  [Symbol.iterator](): IterableIterator<[string, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  private countAt(rank: number): number {
    return this.folded.starts[rank + 1]! - this.folded.starts[rank]!;
  }
}
