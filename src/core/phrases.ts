// Multi-syllable phrase matching on folded token sequences: alias groups (spelling variants of
// one name) and the English -> Vietnamese glossary both use it.
import { tokenize } from './analyzer.js';

/** A matcher from folded syllable sequences to values, longest match first. */
export class PhraseMatcher<V> {
  private readonly byFirst = new Map<string, { words: readonly string[]; value: V }[]>();

  add(phrase: string, value: V): void {
    this.addWords(phraseWords(phrase), value);
  }

  /** `add` for a phrase already split into folded syllables. */
  addWords(words: readonly string[], value: V): void {
    if (words.length === 0) return;
    let list = this.byFirst.get(words[0]!);
    if (!list) this.byFirst.set(words[0]!, (list = []));
    // Longest first; among equals, first added first.
    const at = list.findIndex((c) => c.words.length < words.length);
    list.splice(at < 0 ? list.length : at, 0, { words, value });
  }

  /** Every non-overlapping longest match in `words`, left to right; `accept` can turn a match down. */
  matchAll(words: readonly string[], accept?: (value: V, start: number) => boolean): { start: number; length: number; value: V }[] {
    const found: { start: number; length: number; value: V }[] = [];
    for (let i = 0; i < words.length; ) {
      const hit = this.matchAt(words, i, accept);
      if (hit) {
        found.push({ start: i, length: hit.words.length, value: hit.value });
        i += hit.words.length;
      } else i += 1;
    }
    return found;
  }

  private matchAt(words: readonly string[], i: number, accept?: (value: V, start: number) => boolean) {
    const candidates = this.byFirst.get(words[i]!);
    return candidates?.find((c) => c.words.every((w, k) => words[i + k] === w) && (!accept || accept(c.value, i)));
  }
}

/** Lower-case ASCII letters between spaces, hyphens and apostrophes: as `tokenize` would split them, without its work. */
const PLAIN_WORDS = /^[a-z' -]+$/;

/** Folded syllables of a phrase: "Mát-xcơ-va" -> ["mat", "xco", "va"]. */
export function phraseWords(phrase: string): string[] {
  // Most glossary keys are plain English ("armoured train"): thousands of them are read at every load.
  if (PLAIN_WORDS.test(phrase)) return phrase.split(/[' -]+/).filter((word) => word !== '');
  return tokenize(phrase).map((t) => t.folded);
}

/** A phrase as the terms a sentence must hold: its word pairs ("hợp tác quân sự" -> hop_tac, tac_quan, quan_su), or its one word. */
export function phraseTerms(phrase: string): string[] {
  const words = phraseWords(phrase);
  if (words.length <= 1) return words;
  return words.slice(1).map((w, k) => `${words[k]}_${w}`);
}
