// The dossier's dated events in chronological order.
//
// Every sentence of a paragraph or photo caption is searched for date expressions (dates.ts),
// each resolved against its own article's date, so "ngày 12/9" in a 2023 article and "hồi tháng 2"
// in a 2019 one land in the right years. One event per (sentence, date); a long sentence is cut to
// the clause around its date. Events that several articles report (compatible dates, strongly
// overlapping words) are merged into one, keeping the most precise date and listing the others.
import { citationFor, formatCitation, formatDate } from './citation.js';
import { dateSortKey, dateWithin, resolveDates, type ResolvedDate } from './dates.js';
import type { PassageIndex } from './passage-index.js';
import {
  compareReadingOrder, dossierSentences, MIN_TOPIC_RELEVANCE, optionalTopicScorer, scopeOf, topicRelevance,
  type DossierSentence, type TopicScorer,
} from './summary-terms.js';
import type { Citation, QueryProblem, ReplyLocale } from './types.js';

export interface TimelineSource {
  readonly articleId: string;
  readonly passageId: string;
  readonly citation: Citation;
}

export interface TimelineEvent extends TimelineSource {
  readonly date: ResolvedDate;
  /** The sentence, or its clause around the date expression (at most EVENT_TEXT_LIMIT characters, "…" where cut). */
  readonly text: string;
  /** The whole sentence, verbatim. */
  readonly sentence: string;
  /** Other passages reporting the same event. */
  readonly alsoIn: readonly TimelineSource[];
}

export interface Timeline {
  readonly kind: 'timeline';
  readonly topic?: string;
  readonly articleId?: string;
  /** Chronological. */
  readonly events: readonly TimelineEvent[];
  readonly dossierVersion: string;
}

export interface TimelineNone {
  readonly kind: 'none';
  readonly reason: 'unknown-article' | 'nothing-dated' | QueryProblem;
  readonly topic?: string;
  readonly articleId?: string;
}

export interface TimelineOptions {
  readonly topic?: string;
  readonly articleId?: string;
}

export const EVENT_TEXT_LIMIT = 200;
export const EVENTS_PER_PAGE = 8;
/** Two reports of one event share at least this (weighted) share of the shorter one's phrases. */
const SAME_EVENT_OVERLAP = 0.5;

export function timeline(index: PassageIndex, opts: TimelineOptions = {}): Timeline | TimelineNone {
  const scope = scopeOf(opts);
  if (opts.articleId !== undefined && !index.articlesById.has(opts.articleId)) return { kind: 'none', reason: 'unknown-article', ...scope };
  const topic = optionalTopicScorer(index, opts.topic);
  if (!topic.ok) return { kind: 'none', reason: topic.problem, ...scope };
  const scorer = topic.value;
  const sentences = dossierSentences(index, { kinds: ['paragraph', 'caption'], ...(opts.articleId !== undefined ? { articleId: opts.articleId } : {}) })
    .filter((s) => !scorer || topicRelevance(index, s, scorer) >= MIN_TOPIC_RELEVANCE);
  const events = mergeReports(sentences.flatMap(eventsIn));
  if (events.length === 0) return { kind: 'none', reason: 'nothing-dated', ...scope };
  return { kind: 'timeline', ...scope, events: events.map((e) => e.event), dossierVersion: index.dossier.version };
}

/** One page of events, 1-based; a page past either end is clamped. */
export function pageTimeline<T>(events: readonly T[], page: number, perPage = EVENTS_PER_PAGE): { events: T[]; page: number; pages: number } {
  const size = Math.max(1, Math.floor(perPage));
  const pages = Math.max(1, Math.ceil(events.length / size));
  const current = Math.min(pages, Math.max(1, Number.isFinite(page) ? Math.floor(page) : 1));
  return { events: events.slice((current - 1) * size, current * size), page: current, pages };
}

// ---- events ----------------------------------------------------------------------------------

interface Found {
  readonly event: TimelineEvent;
  readonly source: DossierSentence;
  /** Folded phrases of the sentence outside its date expression, for telling two reports of one event. */
  readonly phrases: ReadonlySet<string>;
}

/** A photo credit closing a caption ("… Ảnh: AFP |") is not part of what happened. */
const PHOTO_CREDIT = /\s*Ảnh:[^|]*\|?\s*$/u;

function eventsIn(s: DossierSentence): Found[] {
  const sentence = s.passage.kind === 'caption' ? s.text.replace(PHOTO_CREDIT, '') : s.text;
  const seen = new Set<string>();
  return resolveDates(sentence, s.article.date).flatMap((date) => {
    const key = `${date.start}|${date.end ?? ''}|${date.bound ?? ''}|${date.part ?? ''}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const event: TimelineEvent = {
      articleId: s.article.id,
      passageId: s.passage.id,
      citation: citationFor(s.article, s.passage),
      date,
      text: clauseAround(sentence, date.spanInSentence),
      sentence,
      alsoIn: [],
    };
    return [{ event, source: s, phrases: phrasesOutside(s, date) }];
  });
}

function phrasesOutside(s: DossierSentence, date: ResolvedDate): Set<string> {
  const offset = s.sentence.start;
  const [from, to] = date.spanInSentence;
  const tokens = s.sentence.tokens.filter((t) => t.end - offset <= from || t.start - offset >= to);
  const out = new Set<string>();
  for (let i = 1; i < tokens.length; i++) if (tokens[i]!.joined) out.add(`${tokens[i - 1]!.folded}_${tokens[i]!.folded}`);
  return out;
}

/** Chronological order; a report merged into another when dates agree and words overlap strongly. */
function mergeReports(found: readonly Found[]): { event: TimelineEvent }[] {
  const ordered = [...found].sort((a, b) => dateSortKey(a.event.date).localeCompare(dateSortKey(b.event.date)) || compareReadingOrder(a.source, b.source));
  const kept: { event: TimelineEvent; found: Found }[] = [];
  for (const f of ordered) {
    const same = kept.find((k) => sameEvent(k.found, f));
    if (!same) {
      kept.push({ event: f.event, found: f });
      continue;
    }
    const [better, other] = moreInformative(f, same.found) ? [f, same.found] : [same.found, f];
    const alsoIn = [...same.event.alsoIn, ...(better === f ? [sourceOf(other.event)] : [sourceOf(f.event)])];
    same.event = { ...better.event, alsoIn };
    same.found = better;
  }
  return kept.sort((a, b) => dateSortKey(a.event.date).localeCompare(dateSortKey(b.event.date)) || compareReadingOrder(a.found.source, b.found.source));
}

function sameEvent(a: Found, b: Found): boolean {
  if (a.source.passage.id === b.source.passage.id) return false;
  const da = a.event.date;
  const db = b.event.date;
  if (!dateWithin(da, db) && !dateWithin(db, da)) return false;
  const smaller = Math.min(a.phrases.size, b.phrases.size);
  if (smaller === 0) return false;
  let shared = 0;
  for (const p of a.phrases) if (b.phrases.has(p)) shared += 1;
  return shared / smaller >= SAME_EVENT_OVERLAP;
}

const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const;

/** A more precise, exact date wins; then a body paragraph over a caption; then the earlier article. */
function moreInformative(a: Found, b: Found): boolean {
  const rank = (f: Found) => PRECISION_RANK[f.event.date.precision] * 2 + (f.event.date.approximate ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) > rank(b);
  if (a.source.passage.kind !== b.source.passage.kind) return a.source.passage.kind === 'paragraph';
  return compareReadingOrder(a.source, b.source) < 0;
}

function sourceOf(e: TimelineEvent): TimelineSource {
  return { articleId: e.articleId, passageId: e.passageId, citation: e.citation };
}

// ---- clause ----------------------------------------------------------------------------------

/** Where a sentence may be cut: after a comma, semicolon or colon, around a dash. */
const CLAUSE_BREAK = /[,;:]\s+|\s+[–—-]\s+/gu;

/**
 * The sentence if short enough; otherwise the clauses around the date expression, widened to the
 * right first (in news the event follows its date), then to the left, while they fit; a single
 * clause still too long is cut at word boundaries. "…" marks each cut.
 */
export function clauseAround(sentence: string, span: readonly [number, number], limit = EVENT_TEXT_LIMIT): string {
  if (sentence.length <= limit) return sentence;
  const pieces = clausePieces(sentence);
  let first = pieces.findIndex((p) => p.start <= span[0] && span[0] < p.end);
  if (first < 0) first = 0;
  let last = first;
  while (last < pieces.length - 1 && clauseLength(sentence, pieces, first, last + 1) <= limit) last += 1;
  while (first > 0 && clauseLength(sentence, pieces, first - 1, last) <= limit) first -= 1;
  let start = pieces[first]!.start;
  let end = pieces[last]!.end;
  if (clauseLength(sentence, pieces, first, last) > limit) [start, end] = wordWindow(sentence, start, end, span, limit);
  return withEllipses(sentence, start, end);
}

interface Piece {
  readonly start: number;
  readonly end: number;
}

function clausePieces(sentence: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const end = m.index + m[0].trimEnd().length;
    pieces.push({ start, end });
    start = m.index + m[0].length;
  }
  pieces.push({ start, end: sentence.length });
  return pieces;
}

function clauseLength(sentence: string, pieces: readonly Piece[], first: number, last: number): number {
  const start = pieces[first]!.start;
  const end = pieces[last]!.end;
  return end - start + (start > 0 ? 1 : 0) + (end < sentence.length ? 1 : 0);
}

/** A window of whole words inside [start, end) that holds the date span and fits the limit with its ellipses. */
function wordWindow(sentence: string, start: number, end: number, span: readonly [number, number], limit: number): [number, number] {
  const room = limit - 2;
  let from = Math.max(start, Math.min(span[0] - 40, end - room));
  if (from > start) from = nextWordStart(sentence, from);
  let to = Math.min(end, from + room);
  if (to < end) to = previousWordEnd(sentence, to, span[1]);
  return [from, to];
}

function nextWordStart(text: string, i: number): number {
  if (/\s/u.test(text[i - 1] ?? ' ')) return i;
  const space = text.indexOf(' ', i);
  return space < 0 ? i : space + 1;
}

function previousWordEnd(text: string, i: number, atLeast: number): number {
  if (/\s/u.test(text[i] ?? ' ')) return i;
  const space = text.lastIndexOf(' ', i);
  return space > atLeast ? space : i;
}

function withEllipses(sentence: string, start: number, end: number): string {
  let text = sentence.slice(start, end).trim().replace(/[,;:–—-]+$/u, '').trimEnd();
  if (start > 0) text = `…${text}`;
  if (end < sentence.length) text = `${text}…`;
  return text;
}

// ---- text ------------------------------------------------------------------------------------

/** "12/9/2023", "12–17/9/2023", "cuối tháng 7/2023", "khoảng năm 2019", "trước năm 2022" (and the English forms). */
export function formatEventDate(date: ResolvedDate, locale: ReplyLocale): string {
  const vi = locale === 'vi';
  let text = date.end ? formatRange(date.start, date.end, locale) : formatDate(date.start, locale);
  if (date.part) text = vi ? `${PART_VI[date.part]} ${text}` : `${date.part} ${text}`;
  if (date.bound) {
    const word = date.bound === 'before' ? (vi ? 'trước' : 'before') : vi ? 'sau' : 'after';
    text = `${word} ${text}${date.approximate ? (vi ? ' (ước tính)' : ' (approx.)') : ''}`;
  } else if (date.approximate) text = vi ? `khoảng ${text}` : `around ${text}`;
  return text;
}

const PART_VI = { early: 'đầu', mid: 'giữa', late: 'cuối' } as const;

function formatRange(start: string, end: string, locale: ReplyLocale): string {
  const [, , firstDay] = start.split('-');
  // Both "17/9/2023" and "17 September 2023" read as a range once the first day is put before them.
  return `${Number(firstDay)}–${formatDate(end, locale)}`;
}

/** One line: date — text — citation. */
export function formatTimelineLine(event: TimelineEvent, locale: ReplyLocale): string {
  const more = event.alsoIn.length > 0 ? (locale === 'vi' ? ` (+${event.alsoIn.length} bài khác)` : ` (+${event.alsoIn.length} more)`) : '';
  return `${formatEventDate(event.date, locale)} — ${event.text} — ${formatCitation(event.citation, locale)}${more}`;
}

/** A page of the timeline as plain text, lines separated by blank lines, with "page x/y". */
export function formatTimelinePage(events: readonly TimelineEvent[], page: number, locale: ReplyLocale, perPage = EVENTS_PER_PAGE): string {
  const view = pageTimeline(events, page, perPage);
  const lines = view.events.map((e) => formatTimelineLine(e, locale));
  const footer = locale === 'vi' ? `Trang ${view.page}/${view.pages}` : `Page ${view.page} of ${view.pages}`;
  return `${lines.join('\n\n')}\n\n${footer}`;
}
