// Extractive summaries of the dossier or of one article, in general or on a topic.
//
// Candidates are the sentences of body paragraphs (never captions or headings), whole and verbatim.
// Each gets a relevance: to the topic (the share of the topic's weighted terms it holds, helped by
// its paragraph) or, with no topic, to the centroid of all candidates (what the scope is about).
// Maximal marginal relevance then picks them one by one: relevance minus similarity to what is
// already chosen, with a hard floor that keeps near-duplicates out (several articles often report
// the same fact in almost the same words). The chosen sentences are shown in reading order (article
// date, then position), each followed by a marker [n] naming the paragraph it comes from.
import { citationFor, formatCitation } from './citation.js';
import type { PassageIndex } from './passage-index.js';
import {
  centroid, compareReadingOrder, cosine, dossierSentences, MIN_TOPIC_RELEVANCE, termVectors, optionalTopicScorer, scopeOf, topicRelevance,
  type DossierSentence, type TermVector, type TopicScorer,
} from './summary-terms.js';
import type { Citation, QueryProblem, ReplyLocale } from './types.js';

export const MIN_SENTENCES = 3;
export const MAX_SENTENCES = 8;
export const DEFAULT_SENTENCES = 5;
/** Discord's embed description limit: formatSummaryText stays within it. */
export const SUMMARY_TEXT_LIMIT = 4096;

export interface SummaryOptions {
  readonly topic?: string;
  readonly articleId?: string;
  /** 3-8, default 5; values outside are clamped. */
  readonly sentences?: number;
}

export interface SummarySentence {
  /** A verbatim sentence of a body paragraph. */
  readonly text: string;
  /** Its source's number in `sources`. */
  readonly marker: number;
  readonly passageId: string;
  readonly articleId: string;
}

export interface SummarySource {
  readonly marker: number;
  readonly articleId: string;
  readonly title: string;
  readonly date: string;
  readonly paragraph: number;
  readonly passageId: string;
  readonly citation: Citation;
}

export interface Summary {
  readonly kind: 'summary';
  readonly topic?: string;
  readonly articleId?: string;
  /** In reading order: article date, then position in the article. */
  readonly sentences: readonly SummarySentence[];
  /** Marker order: [1] is sources[0]. */
  readonly sources: readonly SummarySource[];
  readonly dossierVersion: string;
}

export type SummaryNoneReason = 'unknown-article' | 'nothing-relevant' | 'empty' | QueryProblem;

export interface SummaryNone {
  readonly kind: 'none';
  readonly reason: SummaryNoneReason;
  readonly topic?: string;
  readonly articleId?: string;
  /** Article titles, newest first, for "try one of these". */
  readonly suggestions: readonly string[];
}

export type SummaryReply = Summary | SummaryNone;

/** MMR trade-off: weight of relevance against redundancy. */
const LAMBDA = 0.7;
/** Over the whole dossier, each sentence already taken from an article costs its next one this much. */
const ARTICLE_TURN = 0.1;
/** Two sentences at least this similar say the same thing: never both. */
const NEAR_DUPLICATE = 0.5;
/** Sentences shorter than this (characters) rarely stand alone. */
const MIN_LENGTH = 40;
const MAX_LENGTH = 450;

export function summarize(index: PassageIndex, opts: SummaryOptions = {}): SummaryReply {
  const scope = scopeOf(opts);
  const none = (reason: SummaryNoneReason): SummaryNone => ({ kind: 'none', reason, ...scope, suggestions: suggestions(index) });
  if (opts.articleId !== undefined && !index.articlesById.has(opts.articleId)) return none('unknown-article');
  const candidates = dossierSentences(index, opts.articleId !== undefined ? { articleId: opts.articleId } : {}).filter(standsAlone);
  if (candidates.length === 0) return none('empty');
  const topic = optionalTopicScorer(index, opts.topic);
  if (!topic.ok) return none(topic.problem);
  const scorer = topic.value;
  const scored = scoreCandidates(index, candidates, scorer);
  if (scored.length === 0) return none('nothing-relevant');
  const chosen = selectMmr(scored, clampCount(opts.sentences), opts.articleId === undefined);
  return buildSummary(index, chosen.map((c) => c.sentence), scope);
}

export function clampCount(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_SENTENCES;
  return Math.min(MAX_SENTENCES, Math.max(MIN_SENTENCES, Math.round(requested)));
}

// ---- candidates ------------------------------------------------------------------------------

/** Sentences a reader can take out of their paragraph: not too short, quotes closed. */
function standsAlone(s: DossierSentence): boolean {
  return s.text.length >= MIN_LENGTH && s.text.length <= MAX_LENGTH && s.sentence.tokens.length >= 6 && quotesBalanced(s.text);
}

/** An ICU sentence cut inside a quotation leaves a lone quote mark: such a piece reads broken. */
export function quotesBalanced(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const open = (text.match(/[“«]/g) ?? []).length;
  const close = (text.match(/[”»]/g) ?? []).length;
  // Typographic and straight quotes get mixed ("“kế hoạch 100 năm\""), so count them together.
  return (straight + open + close) % 2 === 0;
}

/**
 * Openings that lean on the sentence before ("Đây là…", "Tuy nhiên…", "Ông cho biết…"): such a
 * sentence is kept possible but made less likely, since out of context its subject is unclear.
 */
const LEANING_OPENINGS = /^(?:đây|điều này|việc này|nhưng|tuy nhiên|dù vậy|do đó|vì vậy|vì thế|từ đó|sau đó|kể từ đó|trong khi đó|thứ hai|thứ ba|đầu tiên|về phần mình|giờ đây|ngoài ra|theo ông|theo bà|họ|nước này|ông ấy|bà ấy|(?:ông|bà)(?= [\p{Ll}]))(?![\p{L}])/iu;

export function leansOnContext(text: string): boolean {
  return LEANING_OPENINGS.test(text.replace(/^["“«]/, ''));
}

interface Scored {
  readonly sentence: DossierSentence;
  readonly vector: TermVector;
  readonly relevance: number;
}

function scoreCandidates(index: PassageIndex, candidates: readonly DossierSentence[], scorer: TopicScorer | undefined): Scored[] {
  const vectors = termVectors(candidates);
  const raw = scorer ? topicScores(index, candidates, vectors, scorer) : centroidRelevance(candidates, vectors);
  const scored = candidates.map((sentence, i) => ({
    sentence,
    vector: vectors[i]!,
    relevance: raw[i]! * (leansOnContext(sentence.text) ? 0.75 : 1),
  }));
  return scored.filter((s) => s.relevance > 0);
}

/** No topic: closeness to what the whole scope is about, with the news lead slightly preferred. */
function centroidRelevance(candidates: readonly DossierSentence[], vectors: readonly TermVector[]): number[] {
  const centre = centroid(vectors);
  return candidates.map((s, i) => cosine(vectors[i]!, centre) * (s.passage.paragraph === 1 && s.position === 0 ? 1.25 : 1));
}

/** A topic: relevance to it, blended with closeness to the centre of the relevant sentences so the most typical come first. */
function topicScores(index: PassageIndex, candidates: readonly DossierSentence[], vectors: readonly TermVector[], scorer: TopicScorer): number[] {
  const direct = candidates.map((s) => topicRelevance(index, s, scorer));
  const relevant = vectors.filter((_, i) => direct[i]! >= MIN_TOPIC_RELEVANCE);
  if (relevant.length === 0) return direct.map(() => 0);
  const centre = centroid(relevant);
  return direct.map((d, i) => (d >= MIN_TOPIC_RELEVANCE ? 0.8 * d + 0.2 * cosine(vectors[i]!, centre) : 0));
}

// ---- selection -------------------------------------------------------------------------------

/** Maximal marginal relevance, with near-duplicates excluded outright and articles taking turns. */
function selectMmr(scored: readonly Scored[], count: number, spreadArticles: boolean): Scored[] {
  const top = Math.max(...scored.map((s) => s.relevance));
  const chosen: Scored[] = [];
  const remaining = [...scored];
  while (chosen.length < count && remaining.length > 0) {
    let best = -1;
    let bestScore = -Infinity;
    remaining.forEach((s, i) => {
      const redundancy = Math.max(0, ...chosen.map((c) => cosine(s.vector, c.vector)));
      if (redundancy >= NEAR_DUPLICATE) return;
      const sameArticle = spreadArticles ? chosen.filter((c) => c.sentence.article.id === s.sentence.article.id).length : 0;
      const score = LAMBDA * (s.relevance / top) - (1 - LAMBDA) * redundancy - ARTICLE_TURN * sameArticle;
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best < 0) break;
    chosen.push(...remaining.splice(best, 1));
  }
  return chosen;
}

function buildSummary(index: PassageIndex, chosen: readonly DossierSentence[], scope: { topic?: string; articleId?: string }): Summary {
  const ordered = [...chosen].sort(compareReadingOrder);
  const sources: SummarySource[] = [];
  const markers = new Map<string, number>();
  const sentences = ordered.map((s) => {
    let marker = markers.get(s.passage.id);
    if (marker === undefined) {
      marker = sources.length + 1;
      markers.set(s.passage.id, marker);
      sources.push({
        marker, articleId: s.article.id, title: s.article.title, date: s.article.date, paragraph: s.passage.paragraph,
        passageId: s.passage.id, citation: citationFor(s.article, s.passage),
      });
    }
    return { text: s.text, marker, passageId: s.passage.id, articleId: s.article.id };
  });
  return { kind: 'summary', ...scope, sentences, sources, dossierVersion: index.dossier.version };
}

function suggestions(index: PassageIndex): string[] {
  return [...index.dossier.articles].sort((a, b) => b.date.localeCompare(a.date)).map((a) => a.title);
}

// ---- text ------------------------------------------------------------------------------------

/** A title for the reply (an embed title holds 256 characters). */
export function summaryTitle(reply: SummaryReply, locale: ReplyLocale, articleTitle?: string): string {
  const on = reply.topic !== undefined ? (locale === 'vi' ? ` về «${reply.topic}»` : ` on “${reply.topic}”`) : '';
  const what = articleTitle !== undefined
    ? (locale === 'vi' ? `Tóm tắt bài «${articleTitle}»` : `Summary of “${articleTitle}”`)
    : (locale === 'vi' ? 'Tóm tắt hồ sơ' : 'Dossier summary');
  return truncate(`${what}${on}`, 256);
}

/**
 * Plain text: one paragraph per article (its sentences, each followed by [n]), then the sources.
 * Kept within `limit` by shortening long titles in the sources, then leaving out the last sentences.
 */
export function formatSummaryText(reply: SummaryReply, locale: ReplyLocale, limit = SUMMARY_TEXT_LIMIT): string {
  if (reply.kind === 'none') return truncate(noneText(reply, locale), limit);
  for (let keep = reply.sentences.length; keep >= 1; keep--) {
    for (const titleLength of [Infinity, 80, 40]) {
      const text = renderSummary(reply, keep, titleLength, locale);
      if (text.length <= limit) return text;
    }
  }
  return truncate(renderSummary(reply, 1, 40, locale), limit);
}

function renderSummary(summary: Summary, keep: number, titleLength: number, locale: ReplyLocale): string {
  const sentences = summary.sentences.slice(0, keep);
  const paragraphs: string[] = [];
  let current: string[] = [];
  sentences.forEach((s, i) => {
    current.push(`${s.text} [${s.marker}]`);
    if (sentences[i + 1]?.articleId !== s.articleId) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  });
  const used = new Set(sentences.map((s) => s.marker));
  const sources = summary.sources.filter((s) => used.has(s.marker)).map((s) => {
    const citation = { ...s.citation, title: truncate(s.citation.title, titleLength) };
    return `[${s.marker}] ${formatCitation(citation, locale)}`;
  });
  const heading = locale === 'vi' ? 'Nguồn:' : 'Sources:';
  return `${paragraphs.join('\n\n')}\n\n${heading}\n${sources.join('\n')}`;
}

function noneText(reply: SummaryNone, locale: ReplyLocale): string {
  const vi = locale === 'vi';
  const about = reply.topic !== undefined ? (vi ? ` về «${reply.topic}»` : ` about “${reply.topic}”`) : '';
  const lead = reply.reason === 'unknown-article'
    ? (vi ? 'Không có bài này trong hồ sơ.' : 'There is no such article in the dossier.')
    : reply.reason === 'nothing-relevant' || reply.reason === 'empty'
      ? (vi ? `Hồ sơ không có đoạn nào${about} để tóm tắt.` : `The dossier has nothing${about} to summarise.`)
      : (vi ? 'Chủ đề này không có từ nào để tìm.' : 'That topic has no words to search for.');
  const list = reply.suggestions.slice(0, 5).map((t) => `• ${t}`).join('\n');
  return list === '' ? lead : `${lead}\n${vi ? 'Hồ sơ có các bài:' : 'The dossier holds:'}\n${list}`;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
