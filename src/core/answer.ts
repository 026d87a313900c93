// Answer a question: MiniSearch ranks passages on the query units, then inside the best
// candidates we pick the 1-3 sentence window that covers most of the question (weighted by
// rarity) and holds the kind of answer asked for. Abstains when nothing covers it well enough.
import type { Query, SearchOptions } from 'minisearch';
import { isNumberToken, kindStrength } from './answer-kinds.js';
import { tokenize } from './analyzer.js';
import { ANAPHORIC_OPENERS, IDIOM_LEAD_WORDS, LIST_OPENERS } from './lexicon.js';
import { citationFor } from './citation.js';
import { analyzePassage, cachedAnalysis, MAX_SCORED_SENTENCES, positionsIn, sentencesHolding, sentencesHoldingExact, type PassageAnalysis, type Sentence, type TokenSpan } from './passage-analysis.js';
import { inverseFrequency, isConceptId, isWritten, termFrequency, type PassageIndex } from './passage-index.js';
import { analyzeQuery, checkQuestion, type AnalyzedQuery, type Slot } from './query.js';
import type { Answer, AnswerKind, Checked, Confidence, Result, Span } from './types.js';

/** Ranking parameters; defaults were tuned on eval/questions.jsonl (see scripts/eval.ts). */
export interface RankingParams {
  readonly candidates: number;
  readonly bm25: { readonly k: number; readonly b: number; readonly d: number };
  readonly conceptBoost: number;
  readonly contextBoost: number;
  readonly captionBoost: number;
  /** Factor on a caption's final score: below body text at equal coverage, yet able to answer what only a caption says. */
  readonly captionFactor: number;
  /** Weight of MiniSearch's (normalised) score beside the window's coverage. */
  readonly searchWeight: number;
  readonly exactBonus: number;
  /** Bonus for the question's word pairs found as phrases in the window (share of pairs). */
  readonly phraseBonus: number;
  readonly kindBonus: number;
  /** Bonus for the question's neighbouring words met near each other, in the question's order (share of neighbours). */
  readonly nearBonus: number;
  /** "Near": at most this many words apart in one sentence. */
  readonly nearDistance: number;
  /** Credit for a question word found not in the paragraph but in the body paragraph before it (news paragraphs go on from the last one). */
  readonly previousParagraphCredit: number;
  /** The same, for a paragraph that goes on with its paragraph before's list ("Đầu tiên là ..."). */
  readonly listContinuationCredit: number;
  /** Credit for a name the passage does not give but its article does elsewhere (the article is about it). */
  readonly articleNameCredit: number;
  /** Credit for a person met by an office of theirs (offices.yaml) in a passage of an article that names them. */
  readonly officeCredit: number;
  /** Credit for a word of a known compound found only outside that compound. */
  readonly brokenCompoundCredit: number;
  readonly extraSentencePenalty: number;
  /** Below this coverage of the question, abstain. */
  readonly abstainBelow: number;
  /** ... or below this one when a word of the question is found nowhere in the dossier. */
  readonly abstainWithUnknownBelow: number;
  /** ... or below this one when the question has word pairs and the answer holds none of them. */
  readonly abstainWithoutPhraseBelow: number;
  /** ... or below this one when the question asks about three things or more and the answer meets only one. */
  readonly abstainOneOfManyBelow: number;
  /** Share of the question's weight given to a word found nowhere in the dossier. */
  readonly unknownWeight: number;
  /** ... and to an English word that is in neither the glossary nor the dossier, as a share of that. */
  readonly unknownEnglishShare: number;
  /** Candidates come from terms in at most this share of passages (or this many, in a small dossier)... */
  readonly candidateTermShare: number;
  readonly candidateTermFloor: number;
  /** ... but at least this many of the rarest (within a budget of this many times that cap in postings), and at most... */
  readonly minCandidateTerms: number;
  readonly maxCandidateTerms: number;
  /** Drop single syllables found in more than this share of passages (their pairs stay). */
  readonly commonShare: number;
}

export const DEFAULT_PARAMS: RankingParams = {
  candidates: 25,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  conceptBoost: 2,
  contextBoost: 0.3,
  captionBoost: 0.6,
  captionFactor: 0.9,
  searchWeight: 0.2,
  exactBonus: 0.1,
  phraseBonus: 0.2,
  kindBonus: 0.16,
  nearBonus: 0.3,
  nearDistance: 4,
  brokenCompoundCredit: 0.75,
  previousParagraphCredit: 0.4,
  listContinuationCredit: 0.8,
  articleNameCredit: 0.3,
  officeCredit: 0.6,
  extraSentencePenalty: 0.06,
  abstainBelow: 0.36,
  abstainWithUnknownBelow: 0.5,
  abstainWithoutPhraseBelow: 0.45,
  abstainOneOfManyBelow: 0.6,
  unknownWeight: 1,
  unknownEnglishShare: 0.3,
  commonShare: 0.3,
  candidateTermShare: 0.01,
  candidateTermFloor: 200,
  minCandidateTerms: 2,
  maxCandidateTerms: 32,
};

export interface AnswerOptions {
  /** At most this many results (1-5). */
  readonly limit?: number;
  /** Only passages of this article. */
  readonly articleId?: string;
  readonly params?: RankingParams;
}

export const MAX_RESULTS = 5;
/** /search lists more passages than /ask shows answers. */
export const MAX_SEARCH_RESULTS = 12;

export function answer(index: PassageIndex, question: string, options: AnswerOptions = {}): Checked<Answer> {
  return respond(index, question, options, MAX_RESULTS, (ranked, query, params) => {
    // "Bao nhiêu km": a window with no number of km cannot answer, however well it covers the rest.
    const answers = query.unit ? [...ranked.filter((r) => r.hasUnit), ...ranked.filter((r) => !r.hasUnit)] : ranked;
    const best = answers[0];
    return best && !shouldAbstain(best, query, params) ? answers : [];
  });
}

/**
 * Too little of the question is covered, a word it hinges on is unknown, the asked-for unit is
 * missing, or of several things asked about the answer meets one ("Mai Hà Nội có mưa không?" is
 * not about the Hanoi summit) unless that one carries most of the question.
 */
function shouldAbstain(best: Ranked, query: AnalyzedQuery, params: RankingParams): boolean {
  if (best.window.coverage < params.abstainBelow) return true;
  if (best.slots.length >= 3 && best.window.slotsMet <= 1 && best.window.coverage < params.abstainOneOfManyBelow) return true;
  if (!best.hasUnit) return true;
  if ((query.unknown.length > 0 || query.unknownEnglish.length >= query.slots.length) && best.window.coverage < params.abstainWithUnknownBelow) return true;
  return query.pairs.length >= 2 && best.window.phrases === 0 && best.window.coverage < params.abstainWithoutPhraseBelow;
}

/**
 * Keyword search: the best passages for a query, more of them than `answer` gives, each with its
 * best window. Only passages covering a fair part of the query are listed; an unrelated query
 * finds none (kind 'none').
 */
export function searchPassages(index: PassageIndex, text: string, options: AnswerOptions = {}): Checked<Answer> {
  return respond(index, text, options, MAX_SEARCH_RESULTS, (ranked, _query, params) => ranked.filter((r) => r.window.coverage >= params.abstainBelow));
}

type Keep = (ranked: Ranked[], query: AnalyzedQuery, params: RankingParams) => Ranked[];

/** Check and read the question, rank, keep what `keep` lets through (none: 'not in the dossier'), cite. */
function respond(index: PassageIndex, text: string, options: AnswerOptions, maxResults: number, keep: Keep): Checked<Answer> {
  const checked = checkQuestion(text);
  if (!checked.ok) return checked;
  const params = options.params ?? DEFAULT_PARAMS;
  const query = analyzeQuery(index, checked.value);
  if (query.slots.length === 0 && query.unknown.length === 0 && query.unknownEnglish.length === 0) return { ok: false, problem: 'no-searchable-terms' };
  const limit = Math.max(1, Math.min(options.limit ?? maxResults, maxResults));
  const kept = keep(rankPassages(index, query, params, options.articleId), query, params);
  const base = { query: checked.value, expected: query.expected };
  if (kept.length === 0) return { ok: true, value: { kind: 'none', ...base, suggestions: suggestions(index) } };
  return { ok: true, value: { kind: 'found', ...base, results: kept.slice(0, limit).map((r) => toResult(index, r, query, params)) } };
}

export interface Ranked {
  readonly analysis: PassageAnalysis;
  /** The slots it was scored on (for bolding the words the shown excerpt holds). */
  readonly slots: readonly Slot[];
  readonly score: number;
  readonly window: Window;
  readonly hasUnit: boolean;
}

interface Window {
  readonly first: number;
  readonly last: number;
  readonly score: number;
  readonly coverage: number;
  /** How many of the question's word pairs the window holds as phrases. */
  readonly phrases: number;
  /** How many of the question's slots it meets, in part at least. */
  readonly slotsMet: number;
}

export function rankPassages(index: PassageIndex, query: AnalyzedQuery, params: RankingParams, articleId?: string): Ranked[] {
  const slots = query.slots.filter((s) => !isTooCommon(index, s, query, params));
  if (slots.length === 0) return [];
  const found = index.search.search(miniSearchQuery(index, slots, query, params), searchOptions(index, params, articleId)).slice(0, params.candidates);
  const hits = [...found, ...listContinuations(index, found)];
  const top = hits[0]?.score ?? 1;
  const totalWeight = slots.reduce((sum, s) => sum + s.weight, 0) + unknownWeight(index, query, params);
  const ordered = inQuestionOrder(slots);
  const ranked = hits.map((hit) => {
    const analysis = analyzePassage(index, hit.id as number);
    const previous = params.previousParagraphCredit > 0 ? previousParagraph(index, hit.id as number) : undefined;
    const masks = new SentenceMasks(analysis, query.expected);
    const window = bestWindow(masks, passageMasks(index, masks, previous, slots, query, params), ordered, totalWeight, query, params);
    const hasUnit = query.unit ? carriesUnit(analysis.sentences.slice(window.first, window.last + 1), query.unit) : true;
    // Captions are searchable but rank below body text.
    const kindFactor = analysis.passage.kind === 'caption' ? params.captionFactor : 1;
    return { analysis, slots, window, hasUnit, score: kindFactor * (params.searchWeight * (hit.score / top) + window.score) };
  });
  return ranked.sort((a, b) => b.score - a.score);
}

/** Whether a paragraph goes on with a list its paragraph before opened ("Đầu tiên là viện trợ ..."). */
function continuesList(text: string): boolean {
  const head = text.slice(0, 16).toLowerCase().normalize('NFC');
  return LIST_OPENERS.some((opener) => head.startsWith(opener));
}

/**
 * The paragraph after a candidate that goes on with its list: what it lists is what a question
 * about the candidate's words asks for, but it repeats none of them. Scored as its lead-in was found.
 */
function listContinuations(index: PassageIndex, found: readonly { id: unknown; score: number }[]) {
  const ids = new Set(found.map((h) => h.id as number));
  const passages = index.dossier.passages;
  const more: { id: number; score: number }[] = [];
  for (const hit of found) {
    const next = (hit.id as number) + 1;
    const after = passages[next];
    // The candidate must be the paragraph before it, as the credit for its words reads it.
    if (!after || ids.has(next) || after.kind !== 'paragraph' || previousParagraph(index, next) !== hit.id) continue;
    if (!continuesList(after.text)) continue;
    ids.add(next);
    more.push({ id: next, score: hit.score });
  }
  return more;
}

/** A syllable found in most passages tells nothing on its own when it is part of a pair. */
function isTooCommon(index: PassageIndex, slot: Slot, query: AnalyzedQuery, params: RankingParams): boolean {
  if (slot.source.length !== 1 || slot.alternatives.length !== 1) return false;
  const word = slot.source[0]!;
  const share = (index.documentFrequency.get(word) ?? 0) / Math.max(index.dossier.passages.length, 1);
  return share > params.commonShare && query.pairs.some((p) => p.split('_').includes(word));
}

function unknownWeight(index: PassageIndex, query: AnalyzedQuery, params: RankingParams): number {
  const n = index.dossier.passages.length;
  const weight = params.unknownWeight * inverseFrequency(n, 0);
  return (query.unknown.length + params.unknownEnglishShare * query.unknownEnglish.length) * weight;
}

function miniSearchQuery(index: PassageIndex, slots: readonly Slot[], query: AnalyzedQuery, params: RankingParams): Query {
  const weights = new Map<string, number>();
  for (const slot of slots) slot.alternatives.forEach((alt, i) => { for (const w of alt) weights.set(w, Math.max(weights.get(w) ?? 0, slot.weight * (slot.credits?.[i] ?? 1))); });
  for (const pair of query.pairs) weights.set(pair, Math.max(...pair.split('_').map(query.idf)));
  const mean = [...weights.values()].reduce((a, b) => a + b, 0) / Math.max(weights.size, 1) || 1;
  const boostTerm = (term: string) => (weights.get(term) ?? mean) / mean;
  const terms = candidateTerms(index, [...weights.keys()], params);
  const concepts = terms.filter(isConceptId);
  const words = terms.filter((t) => !isConceptId(t));
  const queries: Query[] = [
    { queries: words, fields: ['folded'], boostTerm },
    { queries: words.filter((w) => !w.includes('_')), fields: ['context'], boost: { context: params.contextBoost } },
  ];
  if (concepts.length > 0) queries.push({ queries: concepts, fields: ['concept'], boost: { concept: params.conceptBoost }, boostTerm });
  return { combineWith: 'OR', queries };
}

/**
 * The terms that find candidates: the rarest ones. MiniSearch scores every passage holding any
 * query term, so a syllable found in a fifth of a large dossier costs more than it tells; the
 * window scoring still counts it. Terms found nowhere cost nothing and are dropped too.
 */
function candidateTerms(index: PassageIndex, terms: readonly string[], params: RankingParams): string[] {
  const n = Math.max(index.dossier.passages.length, 1);
  const withCounts = terms
    .map((term) => ({ term, count: termFrequency(index, term, isConceptId(term) ? 'concept' : 'folded') }))
    .filter((t) => t.count > 0)
    .sort((a, b) => a.count - b.count);
  const cap = Math.max(params.candidateTermShare * n, params.candidateTermFloor);
  // Rarest first, within a budget of postings: a question of common syllables only still looks up
  // its rarest one or two, not every passage that holds any of them.
  const budget = cap * params.minCandidateTerms;
  const chosen: string[] = [];
  let postings = 0;
  for (const { term, count } of withCounts) {
    if (chosen.length >= params.maxCandidateTerms) break;
    const rare = count <= cap;
    if (!rare && (chosen.length >= params.minCandidateTerms || postings + count > budget) && chosen.length > 0) break;
    chosen.push(term);
    postings += count;
  }
  return chosen;
}

function searchOptions(index: PassageIndex, params: RankingParams, articleId?: string): SearchOptions {
  const passages = index.dossier.passages;
  return {
    bm25: params.bm25,
    boostDocument: (id) => (passages[id as number]?.kind === 'caption' ? params.captionBoost : 1),
    ...(articleId ? { filter: (r) => passages[r.id as number]?.articleId === articleId } : {}),
  };
}

const MAX_WINDOW = 3;

/**
 * Which sentences of one passage hold each query term, as bit masks (bit i: sentence i), read off
 * the passage's cached analysis so that scoring its windows allocates nothing; and which hold the
 * kind of answer asked for. Paragraphs of more than 31 sentences are scored on their first 31.
 */
class SentenceMasks {
  readonly kind: KindMasks;
  readonly count: number;

  constructor(readonly analysis: PassageAnalysis, expected: AnswerKind) {
    this.count = Math.min(analysis.sentences.length, MAX_SCORED_SENTENCES);
    this.kind = kindMask(analysis, expected, this.count);
  }

  of(term: string): number {
    return sentencesHolding(this.analysis, term);
  }

  ofExact(term: string): number {
    return sentencesHoldingExact(this.analysis, term);
  }
}

/** Sentences holding the kind of answer asked for: plainly, or only in part (kindStrength). */
interface KindMasks {
  readonly plain: number;
  readonly partial: number;
}

const kindMasks = new WeakMap<PassageAnalysis, Map<AnswerKind, KindMasks>>();

/** The same for every question of that kind, so once per passage and kind. */
function kindMask(analysis: PassageAnalysis, expected: AnswerKind, count: number): KindMasks {
  let byKind = kindMasks.get(analysis);
  if (!byKind) kindMasks.set(analysis, (byKind = new Map()));
  let masks = byKind.get(expected);
  if (masks === undefined) {
    let plain = 0;
    let partial = 0;
    for (let i = 0; i < count; i++) {
      const strength = kindStrength(expected, analysis.sentences[i]!.tokens, analysis.passage.text);
      if (strength === 1) plain |= 1 << i;
      else if (strength > 0) partial |= 1 << i;
    }
    byKind.set(expected, (masks = { plain, partial }));
  }
  return masks;
}

/** The body paragraph just before a passage, in the same article and section (captions skipped). */
function previousParagraph(index: PassageIndex, id: number): number | undefined {
  const passages = index.dossier.passages;
  const passage = passages[id]!;
  for (let k = id - 1; k >= 0 && k >= id - 3; k--) {
    const before = passages[k]!;
    if (before.articleId !== passage.articleId || before.heading !== passage.heading) return undefined;
    if (before.kind === 'paragraph') return k;
  }
  return undefined;
}

function bestWindow(masks: SentenceMasks, passage: PassageMasks, ordered: readonly Slot[], totalWeight: number, query: AnalyzedQuery, params: RankingParams): Window {
  const { analysis } = masks;
  const near = nearMask(masks, ordered, params);
  const kind = masks.kind;
  let best = { first: 0, last: 0, score: -Infinity, coverage: 0, phrases: 0, slotsMet: 0 };
  for (let first = 0; first < Math.max(masks.count, 1); first++) {
    for (let last = first; last < Math.min(masks.count, first + MAX_WINDOW); last++) {
      const window = rangeMask(first, last);
      const scored = scoreWindow(passage, kind, window, totalWeight, query, params);
      const score = scored.score + params.nearBonus * nearShare(near, window) - params.extraSentencePenalty * (last - first);
      if (score > best.score) best = { ...scored, first, last, score };
    }
  }
  // An excerpt opening on "Đây là ..." or "Theo ông, ..." takes in the sentence it points back to.
  if (best.first > 0 && best.last - best.first + 1 < MAX_WINDOW && opensWithAnaphor(analysis.sentences[best.first]!)) best = { ...best, first: best.first - 1 };
  return best;
}

const anaphors = ANAPHORIC_OPENERS.map((opener) => tokenize(opener).map((t) => t.exact));

function opensWithAnaphor(sentence: Sentence): boolean {
  return anaphors.some((opener) => opener.every((word, k) => sentence.tokens[k]?.exact === word));
}

/** Per neighbouring pair of the question's slots (in question order): the sentences where they stand near each other. */
interface NearMask {
  /** Bit i of `inOrder[k]`: sentence i holds slots k and k+1 near each other in the question's order. */
  readonly inOrder: readonly number[];
  /** ... in the reverse order. */
  readonly reversed: readonly number[];
}

/** The question's slots in its word order, for the proximity bonus. */
function inQuestionOrder(slots: readonly Slot[]): Slot[] {
  return slots.filter((s) => s.at !== undefined).sort((a, b) => a.at! - b.at!);
}

/**
 * Vietnamese asks in place: "ông Kim đi Nga bằng gì" is answered by "... Kim Jong-un đã đi vào
 * lãnh thổ Nga". So each pair of neighbouring slots of the question (in its word order) that a
 * sentence holds in that order, at most `nearDistance` words apart, is evidence that the sentence
 * says what was asked, not just the same words scattered. Half credit for the reverse order
 * (English puts a modifier before its noun, Vietnamese after: "North Korean army", "quân đội Triều Tiên").
 */
function nearMask(masks: SentenceMasks, ordered: readonly Slot[], params: RankingParams): NearMask {
  const pairs = Math.max(ordered.length - 1, 0);
  const inOrder = new Array<number>(pairs).fill(0);
  const reversed = new Array<number>(pairs).fill(0);
  // Sentences holding each slot at all: only there are positions worth looking up.
  const holding = ordered.map((slot) => slot.alternatives.reduce((mask, alt) => mask | masks.of(alt[0]!), 0));
  for (let i = 0; i < masks.count; i++) {
    const bit = 1 << i;
    const sentence = masks.analysis.sentences[i]!;
    let previous: TokenSpan[] | undefined;
    for (let k = 0; k < ordered.length; k++) {
      const spans = (holding[k]! & bit) !== 0 ? slotSpans(ordered[k]!, sentence) : undefined;
      if (k > 0 && previous && spans) {
        const closeness = nearness(previous, spans, params.nearDistance);
        if (closeness === 1) inOrder[k - 1]! |= bit;
        else if (closeness > 0) reversed[k - 1]! |= bit;
      }
      previous = spans;
    }
  }
  return { inOrder, reversed };
}

/**
 * Share of the question's neighbouring pairs the window holds near each other: 1 in the question's
 * order, 0.5 reversed, 1.5 where one sentence has each (more evidence); at most 1 in all.
 */
function nearShare(near: NearMask, window: number): number {
  const total = near.inOrder.length;
  if (total === 0) return 0;
  let found = 0;
  for (let k = 0; k < total; k++) {
    if ((near.inOrder[k]! & window) !== 0) found += 1;
    if ((near.reversed[k]! & window) !== 0) found += 0.5;
  }
  return Math.min(found / total, 1);
}

/** Where a slot's alternatives stand in a sentence, as [first, last] token positions. */
function slotSpans(slot: Slot, sentence: Sentence): TokenSpan[] {
  const spans: TokenSpan[] = [];
  const positions = positionsIn(sentence);
  for (const alt of slot.alternatives) {
    for (const span of positions.get(alt[0]!) ?? []) {
      if (alt.length === 1) spans.push(span);
      else if (alt.every((w, k) => sentence.tokens[span[0] + k]?.folded === w)) spans.push([span[0], span[0] + alt.length - 1]);
    }
  }
  return spans;
}

/** 1 when some span of `a` ends before one of `b` starts, within `distance` words; 0.5 the other way round; else 0. */
function nearness(a: readonly TokenSpan[], b: readonly TokenSpan[], distance: number): number {
  let best = 0;
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      if (b0 > a1 && b0 - a1 <= distance) return 1;
      if (a0 > b1 && a0 - b1 <= distance) best = 0.5;
    }
  }
  return best;
}

function rangeMask(first: number, last: number): number {
  return ((1 << (last + 1)) - 1) & ~((1 << first) - 1);
}

/** One word of a slot's alternative, as one passage holds it. */
interface WordInPassage {
  readonly weight: number;
  /** Sentences holding it; every window when the passage's heading or year says it. */
  readonly mask: number;
  /** Sentences holding each of the question's compounds it belongs to ("hạt" -> "hạt nhân"). */
  readonly compounds: readonly number[];
  /** Credit for meeting it: less than 1 when only the paragraph before holds it. */
  readonly credit: number;
}

interface AlternativeInPassage {
  readonly words: readonly WordInPassage[];
  readonly credit: number;
  /** Sentences holding a several-word alternative as a phrase, word after word. */
  readonly phrase: number;
}

interface SlotInPassage {
  readonly slot: Slot;
  readonly alternatives: readonly AlternativeInPassage[];
  /** Sentences holding each exact form the question typed. */
  readonly exact: readonly number[];
}

interface PassageMasks {
  readonly slots: readonly SlotInPassage[];
  /** Sentences holding each of the question's word pairs. */
  readonly pairs: readonly number[];
}

const EVERY_SENTENCE = -1;

function isYear(term: string): boolean {
  return term.length === 4 && /^\d{4}$/.test(term);
}

/** Everything window scoring asks of one passage, looked up once so that each window is bit operations. */
function passageMasks(index: PassageIndex, masks: SentenceMasks, previous: number | undefined, slots: readonly Slot[], query: AnalyzedQuery, params: RankingParams): PassageMasks {
  const own = masks.analysis.contextTerms;
  // Context: the heading, year and source always; the paragraph before, for less credit.
  // Read off its cached analysis if there is one (a map lookup), else the index's postings:
  // analysing the paragraph before would double the cost of an uncached candidate. Both say the
  // same, but for the years an analysis reads into "4 năm trước": those are asked of the index,
  // so that no answer depends on what happens to be cached.
  // A pair is indexed only where the dossier repeats it: there, both its words will do.
  const before = previous === undefined ? undefined : cachedAnalysis(index, previous);
  const inIndex = (term: string) => index.search.holds(term, isConceptId(term) ? 'concept' : 'folded', previous!);
  const holds = before ? (term: string) => (isYear(term) ? inIndex(term) : sentencesHolding(before, term) !== 0) : inIndex;
  const inPrevious = (term: string): boolean => previous !== undefined
    && (holds(term) || (term.includes('_') && term.split('_').every(holds)));
  const compounds = compoundsOf(query);
  const continues = previous !== undefined && continuesList(masks.analysis.passage.text);
  const phraseIn = (pairs: readonly string[]): number => {
    let mask = EVERY_SENTENCE;
    for (const pair of pairs) mask &= own.has(pair) || inPrevious(pair) ? EVERY_SENTENCE : masks.of(pair);
    return mask;
  };
  // The question's phrases a passage holds only inside an idiom the question does not mean ("đầu
  // tiên" in "lần đầu tiên" for a question asking what came first) are not there: their words
  // count in none of its alternatives in those sentences ("trước" + that "tiên" is no "trước tiên"
  // either), nor their pairs as phrases. Unless the question says the idiom itself.
  const idioms = idiomOnlySentences(masks.analysis, query);
  const wordIn = (word: string, weight: number): WordInPassage => {
    const found = wordFound(word, weight);
    const idiom = idiomSentences(idioms, word);
    return idiom === 0 ? found : { ...found, mask: found.mask & ~idiom };
  };
  const wordFound = (word: string, weight: number): WordInPassage => {
    const mask = own.has(word) ? EVERY_SENTENCE : masks.of(word);
    if (mask === 0 && params.officeCredit > 0 && isConceptId(word) && officeMayStandIn(index, masks.analysis, word)) {
      const office = officeSentences(index, masks, word);
      if (office !== 0) return { weight, mask: office, compounds: [], credit: params.officeCredit };
    }
    if (mask === 0 && inPrevious(word)) return { weight, mask: EVERY_SENTENCE, compounds: [], credit: continues ? params.listContinuationCredit : params.previousParagraphCredit };
    if (mask === 0 && params.articleNameCredit > 0 && isConceptId(word) && articleNames(index, masks.analysis.passage.articleId).has(word)) {
      return { weight, mask: EVERY_SENTENCE, compounds: [], credit: params.articleNameCredit };
    }
    return { weight, mask, compounds: mask === 0 ? [] : (compounds.get(word) ?? []).map((pair) => masks.of(pair)), credit: 1 };
  };
  return {
    slots: slots.map((slot) => {
      const alternatives: AlternativeInPassage[] = [];
      for (const { at, alt, weights, pairs, written } of writtenAlternatives(index, slot, query)) {
        const words = alt.map((word, k) => (written[k] ? wordIn(word, weights[k]!) : { weight: weights[k]!, mask: 0, compounds: [], credit: 1 }));
        // An alternative none of whose words the passage holds scores 0 in every window: left out.
        if (words.every((w) => w.mask === 0)) continue;
        alternatives.push({ words, credit: slot.credits?.[at] ?? 1, phrase: phraseIn(pairs) });
      }
      return { slot, alternatives, exact: slot.exact.map((e) => masks.ofExact(e)) };
    }),
    pairs: query.pairs.map((pair) => masks.of(pair) & ~idiomSentences(idioms, pair)),
  };
}

/** An idiom-prone phrase the question says: its words, and the passage's sentences that hold it only inside the idiom. */
interface IdiomOnly {
  readonly words: readonly string[];
  readonly sentences: number;
}

/** Per idiom-prone phrase the question says, where the passage holds it only inside the idiom. */
function idiomOnlySentences(analysis: PassageAnalysis, query: AnalyzedQuery): IdiomOnly[] {
  const found: IdiomOnly[] = [];
  for (const [phrase, leads] of idiomsOf(query)) {
    const words = phrase.split(' ');
    const held = words.slice(1).reduce((mask, word, k) => mask & sentencesHolding(analysis, `${words[k]}_${word}`), EVERY_SENTENCE);
    const sentences = held & ~outsideIdiom(analysis, held, words, leads);
    if (sentences !== 0) found.push({ words, sentences });
  }
  return found;
}

/** The sentences where a word or pair of the question stands only inside an idiom the question does not mean. */
function idiomSentences(idioms: readonly IdiomOnly[], term: string): number {
  let mask = 0;
  for (const { words, sentences } of idioms) if (term.split('_').some((w) => words.includes(w))) mask |= sentences;
  return mask;
}

/** The idiom-prone phrases the question says outside their idiom. */
function idiomsOf(query: AnalyzedQuery): [string, readonly string[]][] {
  return [...IDIOM_LEAD_WORDS].filter(([phrase, leads]) => {
    const words = phrase.split(' ');
    const said = words.slice(1).every((word, k) => query.pairs.includes(`${words[k]}_${word}`));
    return said && !leads.some((lead) => query.pairs.includes(`${lead}_${words[0]}`));
  });
}

/** Of the sentences holding `alt` as a phrase, those where it stands once at least without a word before it that makes it an idiom. */
function outsideIdiom(analysis: PassageAnalysis, phrase: number, alt: readonly string[], leads: readonly string[]): number {
  let mask = 0;
  for (let i = 0; i < Math.min(analysis.sentences.length, MAX_SCORED_SENTENCES); i++) {
    if ((phrase & (1 << i)) === 0) continue;
    const sentence = analysis.sentences[i]!;
    const free = (positionsIn(sentence).get(alt[0]!) ?? []).some(([p]) => alt.every((w, k) => sentence.tokens[p + k]?.folded === w) && !leads.includes(sentence.tokens[p - 1]?.folded ?? ''));
    if (free) mask |= 1 << i;
  }
  return mask;
}

/**
 * Whether an office of `person` ("nhà lãnh đạo Nga" for Putin) may stand for them in a passage: it
 * does not name them, and its article does: an office changes hands ("Tổng thống Mỹ" is Trump in
 * 2019, Biden in 2023), and the article naming its holder says which.
 */
function officeMayStandIn(index: PassageIndex, analysis: PassageAnalysis, person: string): boolean {
  return !analysis.contextTerms.has(person) && sentencesHolding(analysis, person) === 0 && articleNames(index, analysis.passage.articleId).has(person);
}

/** The sentences naming a person by an office of theirs. */
function officeSentences(index: PassageIndex, masks: SentenceMasks, concept: string): number {
  let mask = 0;
  for (const terms of index.offices.get(concept) ?? []) mask |= terms.reduce((held, term) => held & masks.of(term), EVERY_SENTENCE);
  return mask;
}

const articleNameCache = new WeakMap<PassageIndex, Map<string, Set<string>>>();

/** The alias concepts each article names anywhere in its passages, read off the concept postings once per index. */
function articleNames(index: PassageIndex, articleId: string): ReadonlySet<string> {
  let byArticle = articleNameCache.get(index);
  if (!byArticle) {
    byArticle = new Map();
    const field = index.search.field('concept');
    const passages = index.dossier.passages;
    if (field) {
      for (let t = 0; t < field.terms.size; t++) {
        const concept = field.terms.termAt(t);
        for (let k = field.starts[t]!; k < field.starts[t + 1]!; k++) {
          const article = passages[field.docs[k]!]!.articleId;
          let names = byArticle.get(article);
          if (!names) byArticle.set(article, (names = new Set()));
          names.add(concept);
        }
      }
    }
    articleNameCache.set(index, byArticle);
  }
  return byArticle.get(articleId) ?? new Set();
}

interface WrittenAlternative {
  /** Its place among the slot's alternatives. */
  readonly at: number;
  readonly alt: readonly string[];
  /** Each word's rarity (a concept counts 1). */
  readonly weights: readonly number[];
  /** Its neighbouring words as pairs ("lễ tiễn" -> le_tien). */
  readonly pairs: readonly string[];
  /** Which of its words the dossier writes anywhere (text, context or alias concepts). */
  readonly written: readonly boolean[];
}

const writtenCache = new WeakMap<Slot, readonly WrittenAlternative[]>();

/**
 * A slot's alternatives that the dossier writes at least in part, with their words' rarity, looked
 * up once per question: a synonym group offers many spellings the articles never use, and each
 * would otherwise cost a lookup in every candidate passage.
 */
function writtenAlternatives(index: PassageIndex, slot: Slot, query: AnalyzedQuery): readonly WrittenAlternative[] {
  let written = writtenCache.get(slot);
  if (!written) {
    written = slot.alternatives.flatMap((alt, at) => {
      const present = alt.map((term) => isWritten(index, term));
      if (!present.some(Boolean)) return [];
      const weights = alt.map((word) => (isConceptId(word) ? 1 : query.idf(word)));
      return [{ at, alt, weights, pairs: alt.slice(1).map((word, k) => `${alt[k]}_${word}`), written: present }];
    });
    writtenCache.set(slot, written);
  }
  return written;
}

/** `kind`: the sentences holding the kind of answer asked for. */
function scoreWindow(passage: PassageMasks, kind: KindMasks, window: number, totalWeight: number, query: AnalyzedQuery, params: RankingParams) {
  let phrases = 0;
  for (const pair of passage.pairs) if ((pair & window) !== 0) phrases += 1;
  let covered = 0;
  let exact = 0;
  let slotsMet = 0;
  for (const { slot, alternatives, exact: exactMasks } of passage.slots) {
    let share = 0;
    for (const alt of alternatives) share = Math.max(share, alternativeShare(alt, window, params) * alt.credit);
    covered += slot.weight * share;
    if (share > 0) slotsMet += 1;
    if (share > 0 && exactMasks.length > 0 && exactMasks.every((m) => (m & window) !== 0)) exact += slot.weight;
  }
  const coverage = totalWeight > 0 ? covered / totalWeight : 0;
  const score = coverage
    + params.phraseBonus * (query.pairs.length > 0 ? phrases / query.pairs.length : 0)
    + params.exactBonus * (totalWeight > 0 ? exact / totalWeight : 0)
    + ((kind.plain & window) !== 0 ? params.kindBonus : (kind.partial & window) !== 0 ? params.kindBonus / 2 : 0);
  return { coverage, score, phrases, slotsMet };
}

const compoundCache = new WeakMap<AnalyzedQuery, Map<string, string[]>>();

/** Word -> the question's known compounds holding it; once per question, not per window. */
function compoundsOf(query: AnalyzedQuery): Map<string, string[]> {
  let byWord = compoundCache.get(query);
  if (!byWord) {
    byWord = new Map();
    for (const pair of query.compounds) {
      for (const word of pair.split('_')) byWord.set(word, [...(byWord.get(word) ?? []), pair]);
    }
    compoundCache.set(query, byWord);
  }
  return byWord;
}

/**
 * How much of one alternative (idf-weighted, times each word's credit) the window holds. A
 * rendering of several words met only in part counts half ("tiêm kích" is not the "tiềm" of
 * "tiềm năng"), and so does one whose words are all there but not together ("lễ tiễn" is not the
 * "lẽ" of "có lẽ" and the "Tiên" of "Triều Tiên").
 */
function alternativeShare(alt: AlternativeInPassage, window: number, params: RankingParams): number {
  const { words } = alt;
  let found = 0;
  let total = 0;
  let present = 0;
  for (const word of words) {
    total += word.weight;
    if ((word.mask & window) === 0) continue;
    // A syllable of a compound met outside it is another word ("hạt" of "hạt nhân" in "hạt giống").
    const broken = word.compounds.some((pair) => (pair & window) === 0);
    found += word.weight * word.credit * (broken ? params.brokenCompoundCredit : 1);
    present += 1;
  }
  const share = total > 0 ? found / total : 0;
  const whole = present === words.length && (words.length === 1 || (alt.phrase & window) !== 0);
  return whole ? share : share / 2;
}

/**
 * The terms to bold in the chosen window: the question's pairs found as phrases, and each
 * alternative found whole — a single word as itself, a several-word rendering by its pairs only,
 * so that its syllables are not bolded where they stand alone, nor inside an idiom the question
 * does not mean. Only for the results shown.
 */
function matchedTerms(index: PassageIndex, ranked: Ranked, query: AnalyzedQuery, params: RankingParams): Set<string> {
  const { analysis } = ranked;
  const window = rangeMask(ranked.window.first, ranked.window.last);
  // Not where a word stands only inside an idiom the question does not mean ("lần đầu tiên").
  const idioms = idiomOnlySentences(analysis, query);
  const inText = (term: string) => (sentencesHolding(analysis, term) & window & ~idiomSentences(idioms, term)) !== 0;
  const matched = new Set(query.pairs.filter(inText));
  for (const slot of ranked.slots) {
    for (const alt of slot.alternatives) {
      if (!alt.every((w) => inText(w) || analysis.contextTerms.has(w))) continue;
      if (alt.length === 1) matched.add(alt[0]!);
      for (let i = 1; i < alt.length; i++) matched.add(`${alt[i - 1]}_${alt[i]}`);
    }
  }
  for (const terms of officesMet(index, ranked, params)) if (terms.every(inText)) for (const term of terms) matched.add(term);
  return matched;
}

/** The offices of people the question names and the passage does not ("nhà lãnh đạo Nga"), where scoring counted them. */
function officesMet(index: PassageIndex, ranked: Ranked, params: RankingParams): (readonly string[])[] {
  if (params.officeCredit <= 0) return [];
  const people = ranked.slots.flatMap((slot) => slot.alternatives.filter((alt) => alt.length === 1 && isConceptId(alt[0]!)).map((alt) => alt[0]!));
  return people.filter((person) => officeMayStandIn(index, ranked.analysis, person)).flatMap((person) => [...(index.offices.get(person) ?? [])]);
}

/** A number (in digits or words) followed within three words by one of the counters. */
function carriesUnit(sentences: readonly Sentence[], units: readonly string[]): boolean {
  return sentences.some((s) => s.tokens.some((t, i) => isNumberToken(t) && s.tokens.slice(i + 1, i + 4).some((n) => units.includes(n.folded))));
}

function toResult(index: PassageIndex, ranked: Ranked, query: AnalyzedQuery, params: RankingParams): Result {
  const { passage, sentences } = ranked.analysis;
  const article = index.articlesById.get(passage.articleId)!;
  const first = sentences[ranked.window.first];
  const last = sentences[ranked.window.last];
  const start = first?.start ?? 0;
  const end = last?.end ?? passage.text.length;
  const citation = citationFor(article, passage);
  return {
    articleId: article.id,
    passageId: passage.id,
    paragraph: passage.paragraph,
    title: article.title,
    date: article.date,
    excerpt: passage.text.slice(start, end),
    highlights: highlightSpans(sentences.slice(ranked.window.first, ranked.window.last + 1), matchedTerms(index, ranked, query, params), start),
    passage: passage.text,
    ...(passage.heading ? { heading: passage.heading } : {}),
    score: Math.round(ranked.score * 1000) / 1000,
    confidence: confidenceOf(ranked.window.coverage, params),
    citation,
  };
}

function confidenceOf(coverage: number, params: RankingParams): Confidence {
  if (coverage >= Math.max(0.75, params.abstainBelow + 0.25)) return 'high';
  if (coverage >= params.abstainBelow + 0.1) return 'medium';
  return 'low';
}

/** Spans of matched words (and both words of matched pairs), merged where adjacent. */
function highlightSpans(sentences: readonly Sentence[], matched: ReadonlySet<string>, offset: number): Span[] {
  const spans: [number, number][] = [];
  for (const s of sentences) {
    const inConcept = conceptTokens(s, matched);
    s.tokens.forEach((t, i) => {
      const next = s.tokens[i + 1];
      const previous = s.tokens[i - 1];
      const inPair = (next?.joined && matched.has(`${t.folded}_${next.folded}`)) || (t.joined && previous && matched.has(`${previous.folded}_${t.folded}`));
      if (!matched.has(t.folded) && !inPair && !inConcept.has(i)) return;
      const last = spans[spans.length - 1];
      if (last && t.start - offset - last[1] <= 1 && t.joined) last[1] = t.end - offset;
      else spans.push([t.start - offset, t.end - offset]);
    });
  }
  return spans;
}

/** Token positions of the sentence's spellings of matched alias concepts ("Bình Nhưỡng" for a question saying "Pyongyang"). */
function conceptTokens(sentence: Sentence, matched: ReadonlySet<string>): Set<number> {
  const positions = new Set<number>();
  for (const m of sentence.concepts) {
    if (matched.has(m.value)) for (let k = m.start; k < m.start + m.length; k++) positions.add(k);
  }
  return positions;
}

const MAX_SUGGESTIONS = 5;
const suggestionCache = new WeakMap<PassageIndex, string[]>();

/** What the dossier covers: its newest articles' titles (sorted once per index). */
export function suggestions(index: PassageIndex): string[] {
  let titles = suggestionCache.get(index);
  if (!titles) {
    titles = [...index.dossier.articles].sort((a, b) => b.date.localeCompare(a.date)).slice(0, MAX_SUGGESTIONS).map((a) => a.title);
    suggestionCache.set(index, titles);
  }
  return titles;
}
