// The searchable index over a dossier's passages: a compact inverted index over pre-analysed
// fields (scored as MiniSearch would score them), plus the syllable statistics the query side
// needs (document frequency, vocabulary for typo repair).
import { bigrams, tokenize, type Token } from './analyzer.js';
import { CompactIndexBuilder } from './compact-index-builder.js';
import type { CompactIndex } from './compact-index.js';
import { isSyllableShaped } from './lexicon.js';
import { PhraseMatcher, phraseTerms, phraseWords } from './phrases.js';
import { SyllableFrequencies } from './syllable-frequencies.js';
import { TermDictionary } from './term-dictionary.js';
import type { Article, Dossier, Passage } from './types.js';

export interface IndexDocument {
  readonly id: number;
  /** Folded forms: syllables and bigrams. (Exact forms are not indexed: windows are scored on them.) */
  readonly folded: string;
  /** Alias concepts named in the passage. */
  readonly concept: string;
  /** Context from outside the paragraph: its heading and its article's year. */
  readonly context: string;
}

export interface PassageIndex {
  readonly dossier: Dossier;
  readonly search: CompactIndex;
  /** Folded syllable -> number of passages holding it. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  /** Every exact (tone-normalized, with diacritics) syllable of the dossier. */
  readonly exactVocabulary: ReadonlySet<string>;
  readonly articlesById: ReadonlyMap<string, Article>;
  readonly aliasConcepts: PhraseMatcher<string>;
  /** Concept id -> display form (the group's canonical spelling). */
  readonly conceptNames: ReadonlyMap<string, string>;
  /** Concept id -> concepts that stand for it or that it stands for (Nga <-> Moscow, Điện Kremlin). */
  readonly standIns: ReadonlyMap<string, readonly string[]>;
  /** Person concept id -> the offices that name them (offices.yaml), each as the terms a sentence must hold: its word, or its pairs. */
  readonly offices: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly glossary: PhraseMatcher<readonly string[]>;
  /** Near-synonym phrase -> its own exact syllables and the folded word lists of its whole group. */
  readonly synonyms: PhraseMatcher<SynonymEntry>;
  /** The lexicon's phrases as syllables, which the matchers above were built from (kept for the saved index). */
  readonly lexicon: LexiconWords;
}

export interface SynonymEntry {
  /** The phrase's syllables with diacritics: a question typed with them must match these. */
  readonly exact: readonly string[];
  readonly group: readonly (readonly string[])[];
}

export const SEARCH_FIELDS = ['folded', 'concept', 'context'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * A syllable pair is indexed when at least this many passages hold it: a phrase the dossier
 * repeats ("hạt nhân", "Triều Tiên"), not two words that met once. Most distinct pairs of a large
 * dossier occur once; indexing them would multiply the index for phrases that windows score anyway.
 */
export const MIN_PAIR_PASSAGES = 2;

export function buildIndex(dossier: Dossier): PassageIndex {
  const base = indexParts(dossier);
  const builder = new CompactIndexBuilder(SEARCH_FIELDS);
  const exactVocabulary = new Set<string>();
  const syllables = new Set<string>();
  for (const doc of documentsOf(dossier, base, exactVocabulary)) {
    builder.add(doc.id, [doc.folded, doc.concept, doc.context]);
    for (const term of doc.folded.split(' ')) if (!term.includes('_') && term !== '') syllables.add(term);
  }
  const search = builder.finish();
  const folded = search.field('folded')!;
  const order = Uint32Array.from(syllables, (s) => folded.terms.indexOf(s));
  return { ...base, search, documentFrequency: new SyllableFrequencies(folded, order), exactVocabulary: TermDictionary.fromTerms(exactVocabulary) };
}

/** The documents `buildIndex` indexes, one per passage (also what a reference MiniSearch is built on). */
export function indexDocuments(dossier: Dossier): IndexDocument[] {
  return [...documentsOf(dossier, indexParts(dossier), new Set())];
}

function* documentsOf(dossier: Dossier, parts: IndexParts, exactVocabulary: Set<string>): Generator<IndexDocument> {
  const repeatedPairs = pairsInAtLeast(dossier, MIN_PAIR_PASSAGES);
  for (const [id, passage] of dossier.passages.entries()) yield indexDocument(passage, id, parts, exactVocabulary, repeatedPairs);
}

/** The folded pairs that at least `min` passages hold (a first pass over the text). */
function pairsInAtLeast(dossier: Dossier, min: number): Set<string> {
  const counts = new Map<string, number>();
  for (const passage of dossier.passages) {
    for (const pair of new Set(bigrams(tokenize(passage.text), 'folded'))) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  const repeated = new Set<string>();
  for (const [pair, count] of counts) if (count >= min) repeated.add(pair);
  return repeated;
}

type IndexParts = Omit<PassageIndex, 'search' | 'documentFrequency' | 'exactVocabulary'>;

/**
 * The lexicon's phrases split into syllables: aliases and glossary keys folded, synonyms folded
 * and exact, group by group and form by form as in the dossier. Splitting thousands of phrases
 * was most of loading a saved index, so the saved index keeps them (saved-index.ts).
 */
export interface LexiconWords {
  readonly aliases: readonly (readonly (readonly string[])[])[];
  readonly glossary: readonly (readonly string[])[];
  readonly synonyms: readonly (readonly { readonly folded: readonly string[]; readonly exact: readonly string[] }[])[];
}

export function lexiconWords(dossier: Dossier): LexiconWords {
  return {
    aliases: dossier.aliases.map((group) => group.map(phraseWords)),
    glossary: dossier.glossary.map((entry) => phraseWords(entry.en)),
    synonyms: (dossier.synonyms ?? []).map((group) => group.map((form) => {
      const tokens = tokenize(form);
      return { folded: tokens.map((t) => t.folded), exact: tokens.map((t) => t.exact) };
    })),
  };
}

/** Whether `words` was split from this dossier's lexicon: the same number of groups and forms everywhere. */
export function fitsLexicon(words: LexiconWords, dossier: Dossier): boolean {
  const sameShape = (a: readonly { length: number }[], b: readonly { length: number }[]) => a.length === b.length && a.every((x, i) => x.length === b[i]!.length);
  return sameShape(words.aliases, dossier.aliases) && words.glossary.length === dossier.glossary.length && sameShape(words.synonyms, dossier.synonyms ?? []);
}

export function indexParts(dossier: Dossier, words: LexiconWords = lexiconWords(dossier)): IndexParts {
  const aliasConcepts = new PhraseMatcher<string>();
  const conceptNames = new Map<string, string>();
  dossier.aliases.forEach((group, i) => {
    const id = `c${i}`;
    conceptNames.set(id, group[0]!);
    for (const form of words.aliases[i]!) {
      aliasConcepts.addWords(form, id);
      const joined = joinedSpelling(form);
      if (joined) aliasConcepts.addWords([joined], id);
    }
  });
  const glossary = new PhraseMatcher<readonly string[]>();
  dossier.glossary.forEach((entry, i) => glossary.addWords(words.glossary[i]!, entry.vi));
  const standIns = standInsOf(dossier, aliasConcepts);
  const offices = officesOf(dossier, aliasConcepts);
  const synonyms = new PhraseMatcher<SynonymEntry>();
  for (const group of words.synonyms) {
    const forms = group.map((form) => form.folded);
    group.forEach((form) => synonyms.addWords(form.folded, { exact: form.exact, group: forms }));
  }
  return {
    synonyms,
    lexicon: words,
    dossier,
    articlesById: new Map(dossier.articles.map((a) => [a.id, a])),
    aliasConcepts,
    conceptNames,
    standIns,
    offices,
    glossary,
  };
}

/**
 * A name of several syllables written as one word, as members type a transliteration without its
 * hyphens: "Pexcốp" for "Pe-xcốp", "Hanoi" for "Hà Nội". Not where the run is itself a syllable.
 */
function joinedSpelling(form: readonly string[]): string | undefined {
  if (form.length < 2) return undefined;
  const joined = form.join('');
  return isSyllableShaped(joined) ? undefined : joined;
}

/** The alias concept a name of aliases.yaml is, written in any of its spellings. */
function conceptOf(aliasConcepts: PhraseMatcher<string>, form: string): string | undefined {
  const words = phraseWords(form);
  return aliasConcepts.matchAll(words).find((m) => m.length === words.length)?.value;
}

/** Both ways: a question about Nga is met by "Moscow" in the text, one about Moscow by "Nga". */
function standInsOf(dossier: Dossier, aliasConcepts: PhraseMatcher<string>): Map<string, string[]> {
  const standIns = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = standIns.get(a) ?? [];
    if (a !== b && !list.includes(b)) standIns.set(a, [...list, b]);
  };
  for (const [state, ...others] of dossier.metonyms ?? []) {
    const stateId = conceptOf(aliasConcepts, state!);
    for (const other of others) {
      const otherId = conceptOf(aliasConcepts, other);
      if (stateId === undefined || otherId === undefined) continue;
      link(stateId, otherId);
      link(otherId, stateId);
    }
  }
  return standIns;
}

/** "nhà lãnh đạo Nga" -> [nha_lanh, lanh_dao, dao_nga]: held by a sentence holding all its pairs. */
function officesOf(dossier: Dossier, aliasConcepts: PhraseMatcher<string>): Map<string, string[][]> {
  const offices = new Map<string, string[][]>();
  for (const [person, ...titles] of dossier.offices ?? []) {
    const id = conceptOf(aliasConcepts, person!);
    if (id === undefined) continue;
    offices.set(id, [...(offices.get(id) ?? []), ...titles.map(phraseTerms).filter((terms) => terms.length > 0)]);
  }
  return offices;
}

export function indexDocument(passage: Passage, id: number, parts: Pick<IndexParts, 'aliasConcepts' | 'articlesById'>, exactVocabulary: Set<string>, pairs: ReadonlySet<string>): IndexDocument {
  const tokens = tokenize(passage.text);
  for (const t of tokens) exactVocabulary.add(t.exact);
  return {
    id,
    folded: [...tokens.map((t) => t.folded), ...bigrams(tokens, 'folded').filter((p) => pairs.has(p))].join(' '),
    concept: conceptsIn(tokens, parts.aliasConcepts).join(' '),
    context: contextTermsOf(passage, parts.articlesById.get(passage.articleId), parts.aliasConcepts).join(' '),
  };
}

/**
 * Terms from outside the paragraph that still describe it: its heading's folded syllables and
 * pairs, its article's year, and who published it (outlet and byline: words, pairs and the names
 * of aliases.yaml they hold), so "theo VTV" or "bài của Thanh Hảo" find that article. Indexed in
 * the context field, and credited by window scoring.
 */
export function contextTermsOf(passage: Passage, article: Article | undefined, aliasConcepts: PhraseMatcher<string>): string[] {
  const heading = passage.heading ? tokenize(passage.heading) : [];
  const source = tokenize([article?.outlet, article?.byline].filter((s) => s !== undefined).join(' . '));
  const year = article?.date.slice(0, 4);
  const month = article ? monthOf(article.date) : undefined;
  return [
    ...heading.map((t) => t.folded), ...bigrams(heading, 'folded'),
    ...source.map((t) => t.folded), ...bigrams(source, 'folded'), ...conceptsIn(source, aliasConcepts),
    ...(year ? [year] : []),
    ...(month ? ['thang', month, `thang_${month}`] : []),
  ];
}

/** The month of an article dated YYYY-MM[-DD], as Vietnamese writes it ("9" of "tháng 9"). */
function monthOf(date: string): string | undefined {
  const month = /^\d{4}-(\d{2})/.exec(date)?.[1];
  return month ? String(Number(month)) : undefined;
}

export function conceptsIn(tokens: readonly Token[], matcher: PhraseMatcher<string>): string[] {
  return [...new Set(matcher.matchAll(tokens.map((t) => t.folded)).map((m) => m.value))];
}

/** An alias concept's id as the index writes it (`c<group>`, see indexParts), not a word. */
export function isConceptId(term: string): boolean {
  // Asked for every term of every candidate: a character test, not a regular expression.
  if (term.length < 2 || term.charCodeAt(0) !== 99) return false;
  for (let i = 1; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether the dossier writes a term anywhere: in a passage's text (a concept: names it there) or its context (heading, date, outlet, byline). */
export function isWritten(index: PassageIndex, term: string): boolean {
  return termFrequency(index, term, isConceptId(term) ? 'concept' : 'folded') > 0 || termFrequency(index, term, 'context') > 0;
}

/** BM25-style rarity of a term held by `count` of `passages` passages; the one formula for all weights. */
export function inverseFrequency(passages: number, count: number): number {
  return Math.log(1 + (passages - count + 0.5) / (count + 0.5));
}

/** How many passages hold `term` in a field: the length of its postings, O(log terms). */
export function termFrequency(index: PassageIndex, term: string, field: SearchField): number {
  return index.search.termCount(term, field);
}
