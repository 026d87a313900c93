// Sentence-level views of a dossier shared by summary, timeline and quiz: every sentence with its
// article and terms, a topic scorer (aliases, English glossary, phrases the dossier uses), and
// tf-idf vectors for similarity. Pure.
import { bigrams, fold, tokenize } from './analyzer.js';
import { analyzePassage, type Sentence } from './passage-analysis.js';
import { phraseTerms } from './phrases.js';
import { inverseFrequency, type PassageIndex } from './passage-index.js';
import { checkQuestion } from './query.js';
import type { Article, Checked, Passage, PassageKind } from './types.js';

export interface DossierSentence {
  readonly article: Article;
  readonly passage: Passage;
  /** Position of the passage in `dossier.passages` (what analyzePassage takes). */
  readonly passageIndex: number;
  /** 0-based sentence number inside the passage. */
  readonly position: number;
  readonly text: string;
  /** Analysed sentence: offsets are offsets in the passage text. */
  readonly sentence: Sentence;
  /** The sentence before this one in the same passage, if any. */
  readonly previous?: string;
}

export interface SentenceScope {
  readonly articleId?: string;
  readonly kinds?: readonly PassageKind[];
}

/** Every sentence of the passages in scope, in dossier order. */
export function dossierSentences(index: PassageIndex, scope: SentenceScope = {}): DossierSentence[] {
  const kinds = scope.kinds ?? ['paragraph'];
  const out: DossierSentence[] = [];
  index.dossier.passages.forEach((passage, passageIndex) => {
    if (!kinds.includes(passage.kind)) return;
    if (scope.articleId !== undefined && passage.articleId !== scope.articleId) return;
    const article = index.articlesById.get(passage.articleId);
    if (!article) return;
    let previous: string | undefined;
    analyzePassage(index, passageIndex).sentences.forEach((sentence, position) => {
      const text = passage.text.slice(sentence.start, sentence.end);
      out.push({ article, passage, passageIndex, position, text, sentence, ...(previous !== undefined ? { previous } : {}) });
      previous = text;
    });
  });
  return out;
}

/** Articles by date, then id; inside one, passages and sentences in reading order. */
export function compareReadingOrder(a: DossierSentence, b: DossierSentence): number {
  return a.article.date.localeCompare(b.article.date)
    || a.article.id.localeCompare(b.article.id)
    || a.passage.paragraph - b.passage.paragraph
    || a.passage.captionNumber - b.passage.captionNumber
    || a.position - b.position;
}

// ---- topics ----------------------------------------------------------------------------------

export interface TopicScorer {
  readonly topic: string;
  /** Weighted share of the topic found in a text with these folded and exact terms (0-1). */
  coverage(terms: ReadonlySet<string>, exactTerms?: ReadonlySet<string>): number;
}

interface TopicSlot {
  readonly weight: number;
  /** Met when all terms of any alternative are present (a share when only some are). */
  readonly alternatives: readonly (readonly string[])[];
  /** Typed with diacritics: the exact term a text must hold ("trừng" is not "Trung", "khí" not "khi"). */
  readonly exact?: string;
}

/**
 * A topic is a short phrase, not a question, so it is read on its own terms (the question
 * analyzer drops question particles such as "khi", which would cut "vũ khí" in half):
 * - an alias it names is one slot met by any spelling (its concept id);
 * - typed without diacritics, English phrases go through the glossary, each rendering an alternative;
 * - two adjacent words the dossier uses as a phrase ("vũ khí", "trừng phạt") are one slot, so
 *   that neither word alone meets it;
 * - a word found nowhere in the dossier weighs against coverage, as in the search.
 */
export function topicScorer(index: PassageIndex, topic: string): Checked<TopicScorer> {
  const checked = checkQuestion(topic);
  if (!checked.ok) return checked;
  const { slots, unknown } = topicSlots(index, checked.value);
  if (slots.length === 0 && unknown === 0) return { ok: false, problem: 'no-searchable-terms' };
  const total = slots.reduce((sum, slot) => sum + slot.weight, 0) + unknown * maxIdf(index);
  return {
    ok: true,
    value: {
      topic: checked.value,
      coverage: (terms, exactTerms) => {
        const covered = slots.reduce((sum, slot) => sum + slot.weight * slotShare(slot, terms, exactTerms), 0);
        return total > 0 ? covered / total : 0;
      },
    },
  };
}

/** A scorer for the topic if one is given, undefined if none: the shared opening of summary, timeline and quiz. */
export function optionalTopicScorer(index: PassageIndex, topic: string | undefined): Checked<TopicScorer | undefined> {
  return topic === undefined ? { ok: true, value: undefined } : topicScorer(index, topic);
}

/** The topic and article a reply was asked for, echoed in it (only those given). */
export function scopeOf(opts: { readonly topic?: string; readonly articleId?: string }): { topic?: string; articleId?: string } {
  return { ...(opts.topic !== undefined ? { topic: opts.topic } : {}), ...(opts.articleId !== undefined ? { articleId: opts.articleId } : {}) };
}

/** Words that only hold a topic phrase together ("về", "của", "the", "of"). */
const TOPIC_STOPWORDS: ReadonlySet<string> = new Set([
  'về', 'của', 'và', 'các', 'những', 'là', 'có', 'một', 'cho', 'với', 'trong', 'đến', 'tới', 'từ', 'được', 'bị', 'thì',
  'mà', 'này', 'đó', 'ở', 'tại', 'giữa', 'hay', 'hoặc',
  'the', 'of', 'and', 'in', 'on', 'about', 'to', 'a', 'an', 'for', 'with', 'between', 'or', 'at', 'by',
]);

function topicSlots(index: PassageIndex, topic: string): { slots: TopicSlot[]; unknown: number } {
  const tokens = tokenize(topic);
  const folded = tokens.map((t) => t.folded);
  const used = new Array<boolean>(tokens.length).fill(false);
  const idf = (w: string) => idfOf(index, w);
  const slots: TopicSlot[] = [];
  for (const m of index.aliasConcepts.matchAll(folded)) {
    const words = folded.slice(m.start, m.start + m.length);
    used.fill(true, m.start, m.start + m.length);
    slots.push({ weight: Math.max(...words.map(idf)), alternatives: [[m.value], words] });
  }
  if (fold(topic) === topic) slots.push(...glossarySlots(index, folded, used));
  let unknown = 0;
  const vocabulary = dossierVocabulary(index);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (used[i] || TOPIC_STOPWORDS.has(t.exact)) continue;
    const next = tokens[i + 1];
    const pair = next && next.joined && !used[i + 1] ? `${t.folded}_${next.folded}` : undefined;
    if (pair && vocabulary.pairs.has(pair)) {
      const exact = t.exact !== t.folded || next!.exact !== next!.folded ? { exact: `${t.exact}_${next!.exact}` } : {};
      slots.push({ weight: idf(pair), alternatives: [[pair]], ...exact });
      used[i + 1] = true;
    } else if (vocabulary.words.has(t.folded) || t.isNumber) {
      slots.push({ weight: idf(t.folded), alternatives: [[t.folded]], ...(t.exact !== t.folded ? { exact: t.exact } : {}) });
    } else unknown += 1;
  }
  return { slots, unknown };
}

/** English phrases in a topic typed without diacritics, through the glossary. */
function glossarySlots(index: PassageIndex, folded: readonly string[], used: boolean[]): TopicSlot[] {
  const words = folded.map((w, i) => (used[i] ? '' : w));
  return index.glossary.matchAll(words).map((m) => {
    used.fill(true, m.start, m.start + m.length);
    const alternatives = m.value.map(phraseTerms);
    const weight = Math.max(...m.value.flatMap((r) => tokenize(r).map((t) => idfOf(index, t.folded))));
    return { weight, alternatives };
  });
}

/** BM25-style rarity of a word, or of a pair ("hop_tac") counted as a phrase. */
function idfOf(index: PassageIndex, folded: string): number {
  const n = index.dossier.passages.length;
  const df = folded.includes('_') ? dossierVocabulary(index).pairs.get(folded) ?? 0 : index.documentFrequency.get(folded) ?? 0;
  return inverseFrequency(n, df);
}

function maxIdf(index: PassageIndex): number {
  return inverseFrequency(index.dossier.passages.length, 0);
}

interface Vocabulary {
  readonly words: ReadonlySet<string>;
  /** Folded adjacent pairs -> number of passages holding them. */
  readonly pairs: ReadonlyMap<string, number>;
}

const vocabularies = new WeakMap<PassageIndex, Vocabulary>();

/** Folded words and adjacent pairs found anywhere in the dossier's passages. */
function dossierVocabulary(index: PassageIndex): Vocabulary {
  const cached = vocabularies.get(index);
  if (cached) return cached;
  const words = new Set<string>();
  const pairs = new Map<string, number>();
  for (const passage of index.dossier.passages) {
    const tokens = tokenize(passage.text);
    for (const t of tokens) words.add(t.folded);
    for (const p of new Set(bigrams(tokens, 'folded'))) pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  const vocabulary = { words, pairs };
  vocabularies.set(index, vocabulary);
  return vocabulary;
}

/** The best share of any alternative's terms present. */
function slotShare(slot: TopicSlot, terms: ReadonlySet<string>, exactTerms?: ReadonlySet<string>): number {
  if (slot.exact !== undefined && exactTerms) return exactTerms.has(slot.exact) ? 1 : 0;
  let best = 0;
  for (const alternative of slot.alternatives) {
    if (alternative.length === 0) continue;
    const share = alternative.filter((w) => terms.has(w)).length / alternative.length;
    if (share > best) best = share;
  }
  return best;
}

/**
 * How much a sentence is about the topic: its own coverage, helped by its paragraph's (a sentence
 * saying "ông" in a paragraph about Putin is still about Putin).
 */
export function topicRelevance(index: PassageIndex, s: DossierSentence, scorer: TopicScorer): number {
  const own = scorer.coverage(s.sentence.terms, s.sentence.exactTerms);
  return 0.75 * own + 0.25 * paragraphCoverage(index, s.passageIndex, scorer);
}

const paragraphCoverages = new WeakMap<TopicScorer, Map<number, number>>();

/** The topic's coverage by a whole paragraph, once per paragraph and topic. */
function paragraphCoverage(index: PassageIndex, passageIndex: number, scorer: TopicScorer): number {
  let cache = paragraphCoverages.get(scorer);
  if (!cache) paragraphCoverages.set(scorer, (cache = new Map()));
  const hit = cache.get(passageIndex);
  if (hit !== undefined) return hit;
  const sentences = analyzePassage(index, passageIndex).sentences;
  const terms = new Set(sentences.flatMap((o) => [...o.terms]));
  const exact = new Set(sentences.flatMap((o) => [...o.exactTerms]));
  const coverage = scorer.coverage(terms, exact);
  cache.set(passageIndex, coverage);
  return coverage;
}

/** Below this relevance a sentence is not about the topic. */
export const MIN_TOPIC_RELEVANCE = 0.5;

// ---- similarity ------------------------------------------------------------------------------

/** A unit-length tf-idf vector over a sentence's folded words, pairs and concepts. */
export type TermVector = ReadonlyMap<string, number>;

/** Binary tf, idf over the given sentences: a term every sentence has weighs nothing. */
export function termVectors(sentences: readonly DossierSentence[]): TermVector[] {
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.sentence.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = sentences.length;
  return sentences.map((s) => {
    const v = new Map<string, number>();
    for (const t of s.sentence.terms) v.set(t, Math.log((n + 1) / (df.get(t) ?? 1)));
    return normalize(v);
  });
}

export function normalize(v: ReadonlyMap<string, number>): Map<string, number> {
  const length = Math.sqrt([...v.values()].reduce((sum, x) => sum + x * x, 0)) || 1;
  return new Map([...v].map(([k, x]) => [k, x / length]));
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) dot += x * (large.get(k) ?? 0);
  return dot;
}

/** The normalised mean of the vectors: what the sentences are about, together. */
export function centroid(vectors: readonly TermVector[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const v of vectors) for (const [k, x] of v) sum.set(k, (sum.get(k) ?? 0) + x);
  return normalize(sum);
}

/** Folded words of a text, for comparing surface forms ("Moskva" vs "moskva"). */
export function foldedWords(text: string): string {
  return tokenize(text).map((t) => fold(t.exact)).join(' ');
}
