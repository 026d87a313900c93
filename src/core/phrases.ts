// Multi-syllable phrase matching on folded token sequences: alias groups (spelling variants of
// one name) and the English -> Vietnamese glossary both use it.
import { fold, tokenize } from './analyzer.js';

/** A matcher from folded syllable sequences to values, longest match first. */
export class PhraseMatcher<V> {
  private readonly byFirst = new Map<string, { words: readonly string[]; value: V }[]>();

  add(phrase: string, value: V): void {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    const list = this.byFirst.get(words[0]!) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0]!, list);
  }

  /** Every non-overlapping longest match in `words`, left to right. */
  matchAll(words: readonly string[]): { start: number; length: number; value: V }[] {
    const found: { start: number; length: number; value: V }[] = [];
    for (let i = 0; i < words.length; ) {
      const hit = this.matchAt(words, i);
      if (hit) {
        found.push({ start: i, length: hit.words.length, value: hit.value });
        i += hit.words.length;
      } else i += 1;
    }
    return found;
  }

  private matchAt(words: readonly string[], i: number) {
    const candidates = this.byFirst.get(words[i]!);
    return candidates?.find((c) => c.words.every((w, k) => words[i + k] === w));
  }
}

/** Folded syllables of a phrase: "Mát-xcơ-va" -> ["mat", "xco", "va"]. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => fold(t.exact));
}
