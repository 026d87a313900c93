// The searchable index over a dossier's passages: MiniSearch over pre-analysed fields, plus the
// syllable statistics the query side needs (document frequency, vocabulary for typo repair).
import MiniSearch, { type Options } from 'minisearch';
import { ANALYZER_VERSION, bigrams, tokenize, type Token } from './analyzer.js';
import { PhraseMatcher, phraseWords } from './phrases.js';
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
  readonly search: MiniSearch<IndexDocument>;
  /** Folded syllable -> number of passages holding it. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  /** Every exact (tone-normalized, with diacritics) syllable of the dossier. */
  readonly exactVocabulary: ReadonlySet<string>;
  readonly articlesById: ReadonlyMap<string, Article>;
  readonly aliasConcepts: PhraseMatcher<string>;
  /** Concept id -> display form (the group's canonical spelling). */
  readonly conceptNames: ReadonlyMap<string, string>;
  readonly glossary: PhraseMatcher<readonly string[]>;
  /** Near-synonym phrase -> its own exact syllables and the folded word lists of its whole group. */
  readonly synonyms: PhraseMatcher<SynonymEntry>;
}

export interface SynonymEntry {
  /** The phrase's syllables with diacritics: a question typed with them must match these. */
  readonly exact: readonly string[];
  readonly group: readonly (readonly string[])[];
}

export const SEARCH_FIELDS = ['folded', 'concept', 'context'] as const;

/** Options shared by building and loading: MiniSearch needs the same ones both times. */
export function miniSearchOptions(): Options<IndexDocument> {
  return {
    fields: [...SEARCH_FIELDS],
    idField: 'id',
    // Fields arrive as space-separated pre-analysed terms, so MiniSearch's own analysis is identity.
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => (text === '' ? [] : text.split(' ')), processTerm: (term) => term },
  };
}

/**
 * A syllable pair is indexed when at least this many passages hold it: a phrase the dossier
 * repeats ("hạt nhân", "Triều Tiên"), not two words that met once. Most distinct pairs of a large
 * dossier occur once; indexing them would multiply the index for phrases that windows score anyway.
 */
export const MIN_PAIR_PASSAGES = 2;

export function buildIndex(dossier: Dossier): PassageIndex {
  const base = indexParts(dossier);
  const search = new MiniSearch<IndexDocument>(miniSearchOptions());
  const documentFrequency = new Map<string, number>();
  const exactVocabulary = new Set<string>();
  const repeatedPairs = pairsInAtLeast(dossier, MIN_PAIR_PASSAGES);
  dossier.passages.forEach((passage, id) => {
    const doc = indexDocument(passage, id, base, exactVocabulary, repeatedPairs);
    search.add(doc);
    for (const syllable of new Set(doc.folded.split(' '))) {
      if (!syllable.includes('_') && syllable !== '') documentFrequency.set(syllable, (documentFrequency.get(syllable) ?? 0) + 1);
    }
  });
  return { ...base, search, documentFrequency, exactVocabulary };
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

function indexParts(dossier: Dossier): IndexParts {
  const aliasConcepts = new PhraseMatcher<string>();
  const conceptNames = new Map<string, string>();
  dossier.aliases.forEach((group, i) => {
    const id = `c${i}`;
    conceptNames.set(id, group[0]!);
    for (const form of group) aliasConcepts.add(form, id);
  });
  const glossary = new PhraseMatcher<readonly string[]>();
  for (const entry of dossier.glossary) glossary.add(entry.en, entry.vi);
  const synonyms = new PhraseMatcher<SynonymEntry>();
  for (const group of dossier.synonyms ?? []) {
    const forms = group.map(phraseWords);
    for (const form of group) synonyms.add(form, { exact: tokenize(form).map((t) => t.exact), group: forms });
  }
  return {
    synonyms,
    dossier,
    articlesById: new Map(dossier.articles.map((a) => [a.id, a])),
    aliasConcepts,
    conceptNames,
    glossary,
  };
}

export function indexDocument(passage: Passage, id: number, parts: Pick<IndexParts, 'aliasConcepts' | 'articlesById'>, exactVocabulary: Set<string>, pairs: ReadonlySet<string>): IndexDocument {
  const tokens = tokenize(passage.text);
  for (const t of tokens) exactVocabulary.add(t.exact);
  const article = parts.articlesById.get(passage.articleId);
  const contextTokens = passage.heading ? tokenize(passage.heading) : [];
  const year = article?.date.slice(0, 4);
  return {
    id,
    folded: [...tokens.map((t) => t.folded), ...bigrams(tokens, 'folded').filter((p) => pairs.has(p))].join(' '),
    concept: conceptsIn(tokens, parts.aliasConcepts).join(' '),
    context: [...foldedTerms(contextTokens), ...(year ? [year] : [])].join(' '),
  };
}

/** Folded syllables and the pairs of joined neighbours. */
function foldedTerms(tokens: readonly Token[]): string[] {
  return [...tokens.map((t) => t.folded), ...bigrams(tokens, 'folded')];
}

export function conceptsIn(tokens: readonly Token[], matcher: PhraseMatcher<string>): string[] {
  return [...new Set(matcher.matchAll(tokens.map((t) => t.folded)).map((m) => m.value))];
}

/** BM25-style rarity of a term held by `count` of `passages` passages; the one formula for all weights. */
export function inverseFrequency(passages: number, count: number): number {
  return Math.log(1 + (passages - count + 0.5) / (count + 0.5));
}

/**
 * How many passages hold `term` in a field. MiniSearch keeps these counts but has no
 * public accessor; reading its index map is O(1) where a search for the term would score every hit.
 */
export function termFrequency(index: PassageIndex, term: string, field: (typeof SEARCH_FIELDS)[number]): number {
  const internals = index.search as unknown as { _index: { get(t: string): Map<number, Map<number, number>> | undefined }; _fieldIds: Record<string, number> };
  const fieldId = internals._fieldIds[field];
  return fieldId === undefined ? 0 : internals._index.get(term)?.get(fieldId)?.size ?? 0;
}

// ---- persistence ----------------------------------------------------------------------------

export interface SavedIndexHeader {
  readonly format: 'hoso-index';
  readonly analyzerVersion: number;
  readonly dossierVersion: string;
  readonly passages: number;
}

/** Serialize: a header line, MiniSearch's JSON, the frequency table, the exact vocabulary; one per line. */
export function serializeIndex(index: PassageIndex): string {
  const header: SavedIndexHeader = {
    format: 'hoso-index',
    analyzerVersion: ANALYZER_VERSION,
    dossierVersion: index.dossier.version,
    passages: index.dossier.passages.length,
  };
  return `${JSON.stringify(header)}\n${JSON.stringify(index.search)}\n${JSON.stringify([...index.documentFrequency])}\n${JSON.stringify([...index.exactVocabulary])}\n`;
}

export function readSavedHeader(saved: string): SavedIndexHeader | undefined {
  const firstLine = saved.slice(0, saved.indexOf('\n'));
  try {
    const header = JSON.parse(firstLine) as SavedIndexHeader;
    return header.format === 'hoso-index' ? header : undefined;
  } catch {
    return undefined;
  }
}

/** Why a saved index cannot be reused, or undefined if it fits this dossier and analyzer. */
export function staleReason(header: SavedIndexHeader | undefined, dossier: Dossier): string | undefined {
  if (!header) return 'not a hoso index';
  if (header.analyzerVersion !== ANALYZER_VERSION) return `analyzer version ${header.analyzerVersion}, expected ${ANALYZER_VERSION}`;
  if (header.dossierVersion !== dossier.version) return `built for dossier ${header.dossierVersion}, corpus is now ${dossier.version}`;
  if (header.passages !== dossier.passages.length) return 'passage count differs';
  return undefined;
}

/** Load a saved index for `dossier`; throws if it is stale or malformed (callers rebuild). */
export function deserializeIndex(saved: string, dossier: Dossier): PassageIndex {
  const reason = staleReason(readSavedHeader(saved), dossier);
  if (reason) throw new Error(`hoso: saved index is stale: ${reason}`);
  const [, searchJson, frequenciesJson, vocabularyJson] = saved.split('\n');
  if (vocabularyJson === undefined) throw new Error('hoso: saved index is cut short');
  const search = MiniSearch.loadJSON<IndexDocument>(searchJson!, miniSearchOptions());
  const frequencies = JSON.parse(frequenciesJson!) as [string, number][];
  const vocabulary = JSON.parse(vocabularyJson) as string[];
  return { ...indexParts(dossier), search, documentFrequency: new Map(frequencies), exactVocabulary: new Set(vocabulary) };
}
