// What the autocompletes draw on, computed once per index: the dossier's names (alias groups,
// capitalised multi-word names) and phrases (section headings), and its articles, each with a
// folded key so matching ignores case and diacritics ("binh nhuong" finds "Bình Nhưỡng").
import { formatDate } from '../core/citation.js';
import { tokenize } from '../core/analyzer.js';
import type { PassageIndex } from '../core/passage-index.js';
import type { Article, ReplyLocale } from '../core/types.js';
import type { Choice } from './reply.js';

export const MAX_CHOICES = 25;
export const MAX_CHOICE_VALUE = 100;

export interface Name {
  readonly display: string;
  /** Folded words. */
  readonly words: readonly string[];
  /** Passages that hold it. */
  readonly weight: number;
}

export interface ArticleEntry {
  readonly article: Article;
  readonly ordinal: number;
  readonly words: readonly string[];
}

export interface Vocabulary {
  readonly names: readonly Name[];
  readonly articles: readonly ArticleEntry[];
  /** The dossier's example questions (corpus/examples.yaml). */
  readonly examples: Readonly<Record<ReplyLocale, readonly string[]>>;
}

/** Titles that start a capitalised run without being part of the name ("Ông Kim"). */
const HONORIFICS: ReadonlySet<string> = new Set(['ong', 'ba', 'ngai', 'co', 'chu']);

const foldedWords = (text: string): string[] => tokenize(text).map((t) => t.folded);

export function buildVocabulary(index: PassageIndex): Vocabulary {
  const passages = index.dossier.passages.map((p) => ` ${foldedWords(p.text).join(' ')} `);
  const weightOf = (words: readonly string[]) => {
    const needle = ` ${words.join(' ')} `;
    return passages.reduce((n, text) => n + (text.includes(needle) ? 1 : 0), 0);
  };
  const names = new Map<string, Name>();
  const add = (display: string, minWeight: number) => {
    const words = foldedWords(display);
    const key = words.join(' ');
    if (words.length === 0 || names.has(key)) return;
    const weight = weightOf(words);
    if (weight >= minWeight) names.set(key, { display: display.trim(), words, weight });
  };
  // Alias groups: the first spelling the dossier actually uses.
  for (const group of index.dossier.aliases) {
    const used = group.find((form) => weightOf(foldedWords(form)) > 0);
    if (used) add(used, 1);
  }
  for (const article of index.dossier.articles) for (const heading of article.headings) add(heading.text, 0);
  // Capitalised runs not already covered by an alias name (not a part of one, not one plus more words).
  const known = [...names.values()].map((n) => ` ${n.words.join(' ')} `);
  for (const display of capitalisedNames(index.dossier.passages.map((p) => p.text))) {
    const words = foldedWords(display);
    const key = ` ${words.join(' ')} `;
    if (HONORIFICS.has(words[0] ?? '') || known.some((k) => k.includes(key) || key.includes(k))) continue;
    add(display, 2);
  }
  const articles = index.dossier.articles.map((article, ordinal) => ({
    article,
    ordinal,
    words: foldedWords([article.title, article.id.replace(/-/g, ' '), article.outlet ?? '', article.date].join(' ')),
  }));
  const examples = index.dossier.examples ?? { vi: [], en: [] };
  return { names: [...names.values()].sort((a, b) => b.weight - a.weight || a.display.localeCompare(b.display)), articles, examples };
}

/** Runs of two or more capitalised words ("Vladimir Putin", "Bình Nhưỡng"), not at a sentence start. */
function capitalisedNames(texts: readonly string[]): string[] {
  const found: string[] = [];
  const word = String.raw`\p{Lu}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)*`;
  const run = new RegExp(String.raw`(?<![.!?:"“]\s|^|[\p{L}\p{M}-])(${word}(?: ${word})+)`, 'gu');
  for (const text of texts) for (const m of text.matchAll(run)) found.push(m[1]!);
  return found;
}

/** Question completions: the typed text, then the text with its last words completed to a name. */
export function completeQuestion(vocabulary: Vocabulary, input: string, locale: ReplyLocale): Choice[] {
  const typed = input.normalize('NFC');
  if (typed.trim() === '') {
    const examples = [...vocabulary.examples[locale], ...vocabulary.examples[locale === 'vi' ? 'en' : 'vi']];
    return examples.slice(0, MAX_CHOICES).map((q) => ({ name: q, value: q }));
  }
  if (typed.length > MAX_CHOICE_VALUE) return [];
  const choices: Choice[] = [{ name: typed, value: typed }];
  const tokens = tokenize(typed);
  const last = tokens[tokens.length - 1];
  if (!last || last.end < typed.trimEnd().length || /\s$/u.test(typed)) return choices;
  const scored: { value: string; words: number; rank: number }[] = [];
  for (const name of vocabulary.names) {
    const match = suffixMatch(tokens.map((t) => t.folded), name.words);
    // Else the last word may start a later word of the name: "shoi" -> "Sergei Shoigu".
    const inner = match === 0 && last.folded.length >= 3 && name.words.slice(1).some((w) => w.startsWith(last.folded));
    if (match === 0 && !inner) continue;
    const start = tokens[tokens.length - Math.max(match, 1)]!.start;
    const value = `${typed.slice(0, start)}${name.display}`;
    if (value.length <= MAX_CHOICE_VALUE) scored.push({ value, words: Math.max(match, 1), rank: match * 1000 + name.weight });
  }
  // When the last words already match a longer name, completing only the last word is noise.
  const longest = Math.max(0, ...scored.map((s) => s.words));
  const seen = new Set([foldedWords(typed).join(' ')]);
  for (const { value } of scored.filter((s) => s.words === longest || longest < 2).sort((a, b) => b.rank - a.rank)) {
    const key = foldedWords(value).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    choices.push({ name: value, value });
  }
  return choices.slice(0, MAX_CHOICES);
}

/**
 * How many of the typed words (counted from the end) a name starts with, the last one as a
 * prefix: "đến Bình Nh" matches "Bình Nhưỡng" on 2. 0 if none.
 */
function suffixMatch(typed: readonly string[], name: readonly string[]): number {
  for (let k = Math.min(typed.length, name.length); k >= 1; k--) {
    const tail = typed.slice(typed.length - k);
    const ok = tail.every((word, i) => (i === k - 1 ? name[i]!.startsWith(word) : name[i] === word));
    if (ok && !(k === name.length && tail[k - 1] === name[k - 1])) return k;
  }
  return 0;
}

/** Articles whose title, id, outlet or date hold every typed word (as a word prefix), best first. */
export function matchArticles(vocabulary: Vocabulary, input: string): ArticleEntry[] {
  const words = foldedWords(input);
  const newestFirst = (a: ArticleEntry, b: ArticleEntry) => b.article.date.localeCompare(a.article.date) || a.ordinal - b.ordinal;
  if (words.length === 0) return [...vocabulary.articles].sort(newestFirst);
  return vocabulary.articles
    .filter((entry) => words.every((w) => entry.words.some((aw) => aw.startsWith(w))))
    .sort(newestFirst);
}

export function articleChoices(vocabulary: Vocabulary, input: string, locale: ReplyLocale): Choice[] {
  return matchArticles(vocabulary, input)
    .filter((e) => e.article.id.length <= MAX_CHOICE_VALUE)
    .slice(0, MAX_CHOICES)
    .map(({ article }) => ({ name: `${article.title} (${formatDate(article.date, locale)})`, value: article.id }));
}

/**
 * The article an option names: its id (from the autocomplete), or free text matching exactly one
 * article; otherwise how many it matched (0, or more than one).
 */
export function resolveArticle(vocabulary: Vocabulary, value: string): { readonly entry: ArticleEntry } | { readonly entry?: undefined; readonly matches: number } {
  const byId = vocabulary.articles.find((e) => e.article.id === value.trim());
  if (byId) return { entry: byId };
  const matches = matchArticles(vocabulary, value);
  return matches.length === 1 ? { entry: matches[0]! } : { matches: matches.length };
}
