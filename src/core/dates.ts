// Date expressions in Vietnamese news text, resolved against the article's own date.
// News writes "ngày 12/9", "hôm 19/6", "hồi tháng 2", "năm ngoái", "4 năm trước": the year (and
// for relative forms the month) comes from when the article was written, so every resolution
// takes the article's date (YYYY, YYYY-MM or YYYY-MM-DD) as its anchor. Pure: text in, data out.
import { fold } from './analyzer.js';
import { COUNTING_WORDS } from './lexicon.js';
import type { DatePrecision, Span } from './types.js';

/** Which part of a month an expression names ("đầu tháng 7", "giữa tháng", "cuối tháng trước"). */
export type MonthPart = 'early' | 'mid' | 'late';

export interface ResolvedDate {
  /** ISO date at `precision`: YYYY-MM-DD, YYYY-MM or YYYY. For a range, its first day. */
  readonly start: string;
  /** Last day of a range ("12-17/9"), same precision as `start`. */
  readonly end?: string;
  readonly precision: DatePrecision;
  /** True when the expression only places the date roughly ("4 năm trước", "tuần trước"). */
  readonly approximate: boolean;
  readonly part?: MonthPart;
  /**
   * The expression bounds a period instead of naming a point: "trước năm 2022" (before),
   * "sau năm 2022" (after), "hơn hai thập kỷ trước" (before the resolved year).
   */
  readonly bound?: 'before' | 'after';
  /** The matched text, verbatim. */
  readonly text: string;
  /** Where `text` sits in the string that was searched. */
  readonly spanInSentence: Span;
}

interface Anchor {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** Every date expression in `text`, left to right, resolved against `articleDate`. */
export function resolveDates(text: string, articleDate: string): ResolvedDate[] {
  const anchor = parseAnchor(articleDate);
  if (!anchor) return [];
  const folded = foldAligned(text);
  const found: ResolvedDate[] = [];
  for (const rule of RULES) {
    for (const match of folded.matchAll(rule.pattern)) {
      const resolved = rule.resolve(match, anchor, folded);
      if (!resolved) continue;
      const start = match.index + (match[0].length - match[0].trimStart().length);
      const end = match.index + match[0].length;
      found.push({ ...resolved, ...boundBefore(folded, start, resolved), text: text.slice(start, end), spanInSentence: [start, end] });
    }
  }
  return acceptListedDays(withoutOverlaps(found), folded, text, anchor);
}

/** A sort key: chronological, a period's bound just outside it, month parts inside their month. */
export function dateSortKey(date: ResolvedDate): string {
  const [year = '0000', month, day] = date.start.split('-');
  const partDay = date.part === 'early' ? '05' : date.part === 'mid' ? '15' : date.part === 'late' ? '25' : '00';
  const key = `${year}-${month ?? '00'}-${day ?? partDay}`;
  if (date.bound === 'before') return `${key}<`;
  if (date.bound === 'after') return `${year}-${month ?? '99'}-${day ?? '99'}>`;
  return `${key}=`;
}

/** Does `a` fall within `b` (same day, or a day inside b's month, or a month inside b's year)? */
export function dateWithin(a: ResolvedDate, b: ResolvedDate): boolean {
  return a.start.startsWith(b.start) && (a.bound ?? '') === (b.bound ?? '');
}

// ---- anchor and helpers ----------------------------------------------------------------------

function parseAnchor(date: string): Anchor | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return undefined;
  return { year: Number(m[1]), ...(m[2] ? { month: Number(m[2]) } : {}), ...(m[3] ? { day: Number(m[3]) } : {}) };
}

/**
 * Lower case and diacritics removed, one character for one: patterns are written once, folded,
 * and still match "tháng", "thang" or "THÁNG", and a match's offsets are offsets in the original.
 */
export function foldAligned(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = fold(ch.toLowerCase());
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (year: number, month?: number, day?: number): string =>
  [String(year).padStart(4, '0'), ...(month ? [pad(month)] : []), ...(month && day ? [pad(day)] : [])].join('-');

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A day-month or a month without a year belongs to the article's year, unless it lies after the article's month. */
function yearFor(month: number, anchor: Anchor): number {
  return anchor.month !== undefined && month > anchor.month ? anchor.year - 1 : anchor.year;
}

function shiftMonths(anchor: Anchor, months: number): { year: number; month: number } {
  const total = anchor.year * 12 + ((anchor.month ?? 1) - 1) + months;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

function shiftDays(anchor: Anchor, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(anchor.year, (anchor.month ?? 1) - 1, anchor.day ?? 1) + days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Vietnamese counting words (folded) up to ten, and "vài" (a few) as roughly three. */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([...[...COUNTING_WORDS].map(([word, value]) => [fold(word), value] as const), ['vai', 3]]);

const readCount = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.get(word));

const PARTS: Readonly<Record<string, MonthPart>> = { dau: 'early', giua: 'mid', cuoi: 'late' };

type Resolution = Omit<ResolvedDate, 'text' | 'spanInSentence'>;

interface Rule {
  readonly pattern: RegExp;
  readonly resolve: (m: RegExpMatchArray, anchor: Anchor, folded: string) => Resolution | undefined;
}

// Word edges on folded text: no letter or digit on either side.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const rx = (source: string): RegExp => new RegExp(`${B}${source}${E}`, 'gu');

/** Words that introduce a day: "ngày 12/9", "hôm 19/6", "sáng 13/9", "đêm 19/6". */
const DAY_CUE = '(?:ngay|hom|sang|trua|chieu|dem|rang sang)';

const RULES: readonly Rule[] = [
  // "ngày 12-17/9", "12-17/9/2023": a range of days in one month.
  {
    pattern: rx(`(?:(?:tu )?${DAY_CUE} )?(\\d{1,2}) ?[-–] ?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?`),
    resolve: (m, anchor) => {
      const [first, last, month] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const year = m[4] ? Number(m[4]) : yearFor(month, anchor);
      if (!validDay(year, month, first) || !validDay(year, month, last) || last <= first) return undefined;
      return { start: iso(year, month, first), end: iso(year, month, last), precision: 'day', approximate: false };
    },
  },
  // "ngày 12/9", "hôm 19/6", "12/9/2023" (the full form needs no cue).
  {
    pattern: rx(`(?:${DAY_CUE} )?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?`),
    resolve: (m, anchor) => {
      const hasCue = /^\p{L}/u.test(m[0]);
      if (!hasCue && !m[3]) return undefined; // "1/3" alone may be a fraction; listed days are accepted later
      const [day, month] = [Number(m[1]), Number(m[2])];
      const year = m[3] ? Number(m[3]) : yearFor(month, anchor);
      if (!validDay(year, month, day)) return undefined;
      return { start: iso(year, month, day), precision: 'day', approximate: false };
    },
  },
  // "tháng 4/2019", "tháng 4 năm 2019", "4/2019".
  {
    pattern: rx(`(?:(?:(dau|giua|cuoi) )?thang )?(\\d{1,2})(?:/| nam )(\\d{4})`),
    resolve: (m) => {
      const month = Number(m[2]);
      const hasMonthWord = m[0].includes('thang');
      if (month < 1 || month > 12 || (!hasMonthWord && m[0].includes(' '))) return undefined;
      const part = m[1] ? PARTS[m[1]] : undefined;
      return { start: iso(Number(m[3]), month), precision: 'month', approximate: false, ...(part ? { part } : {}) };
    },
  },
  // "tháng 2", "hồi tháng 2", "cuối tháng 7", "tháng 2 năm ngoái".
  {
    pattern: rx(`(?:hoi )?(?:(dau|giua|cuoi) )?thang (\\d{1,2})(?! ?/)(?: (nam nay|nam ngoai))?`),
    resolve: (m, anchor) => {
      const month = Number(m[2]);
      if (month < 1 || month > 12) return undefined;
      const year = m[3] === 'nam ngoai' ? anchor.year - 1 : m[3] === 'nam nay' ? anchor.year : yearFor(month, anchor);
      const part = m[1] ? PARTS[m[1]] : undefined;
      return { start: iso(year, month), precision: 'month', approximate: false, ...(part ? { part } : {}) };
    },
  },
  // "đầu tháng", "cuối tháng này", "cuối tháng trước", "tháng trước".
  {
    pattern: rx(`(?:(dau|giua|cuoi) thang(?: (nay|truoc))?|thang (nay|truoc))(?! ?\\d)`),
    resolve: (m, anchor) => {
      const which = m[2] ?? m[3];
      const part = m[1] ? PARTS[m[1]] : undefined;
      if (anchor.month === undefined) return { start: iso(anchor.year), precision: 'year', approximate: true };
      const { year, month } = shiftMonths(anchor, which === 'truoc' ? -1 : 0);
      return { start: iso(year, month), precision: 'month', approximate: false, ...(part ? { part } : {}) };
    },
  },
  // "năm 2019".
  {
    pattern: rx('nam (\\d{4})'),
    resolve: (m) => ({ start: iso(Number(m[1])), precision: 'year', approximate: false }),
  },
  // "4 năm trước", "hơn hai thập kỷ trước", "vài tháng trước", "3 tuần trước".
  {
    pattern: rx('(?:(hon|gan|khoang) )?(\\d{1,3}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|vai) (nam|thap ky|thap nien|the ky|thang|tuan|ngay) truoc'),
    resolve: (m, anchor) => {
      const count = readCount(m[2]!);
      if (count === undefined) return undefined;
      const bound = m[1] === 'hon' ? { bound: 'before' as const } : {};
      return { ...agoResolution(anchor, count, m[3]!), ...bound };
    },
  },
  // "năm ngoái", "năm trước", "năm nay", "năm tới".
  {
    pattern: rx('nam (ngoai|truoc|nay|toi)'),
    resolve: (m, anchor) => {
      const offset = m[1] === 'nay' ? 0 : m[1] === 'toi' ? 1 : -1;
      return { start: iso(anchor.year + offset), precision: 'year', approximate: false };
    },
  },
  // "hôm nay", "hôm qua", "tuần trước".
  {
    pattern: rx('(hom nay|hom qua|tuan truoc|tuan nay)'),
    resolve: (m, anchor) => {
      const days = m[1] === 'hom qua' ? -1 : m[1] === 'tuan truoc' ? -7 : 0;
      const approximate = m[1]!.startsWith('tuan');
      if (anchor.day === undefined) return { start: iso(anchor.year, anchor.month), precision: anchor.month ? 'month' : 'year', approximate: approximate || days !== 0 };
      const d = shiftDays(anchor, days);
      return { start: iso(d.year, d.month, d.day), precision: 'day', approximate };
    },
  },
];

function agoResolution(anchor: Anchor, count: number, unit: string): Resolution {
  if (unit === 'nam' || unit === 'thap ky' || unit === 'thap nien' || unit === 'the ky') {
    const years = count * (unit === 'nam' ? 1 : unit === 'the ky' ? 100 : 10);
    return { start: iso(anchor.year - years), precision: 'year', approximate: true };
  }
  if (unit === 'thang' && anchor.month !== undefined) {
    const { year, month } = shiftMonths(anchor, -count);
    return { start: iso(year, month), precision: 'month', approximate: true };
  }
  if (anchor.day !== undefined) {
    const d = shiftDays(anchor, -(unit === 'tuan' ? 7 : 1) * count);
    return { start: iso(d.year, d.month, d.day), precision: 'day', approximate: true };
  }
  const precision: DatePrecision = anchor.month !== undefined ? 'month' : 'year';
  return { start: iso(anchor.year, anchor.month), precision, approximate: true };
}

/** "trước năm 2022" bounds a period before 2022; "sau năm 2022", "từ sau năm 2022" one after it. */
function boundBefore(folded: string, start: number, resolved: Resolution): { bound?: 'before' | 'after' } {
  if (resolved.bound) return {};
  const before = folded.slice(Math.max(0, start - 12), start);
  if (/(?<![\p{L}])truoc $/u.test(before)) return { bound: 'before' };
  if (/(?<![\p{L}])sau $/u.test(before)) return { bound: 'after' };
  return {};
}

/** Keep the leftmost, then longest, of overlapping matches. */
function withoutOverlaps(found: ResolvedDate[]): ResolvedDate[] {
  const sorted = [...found].sort((a, b) => a.spanInSentence[0] - b.spanInSentence[0] || b.spanInSentence[1] - a.spanInSentence[1]);
  const kept: ResolvedDate[] = [];
  for (const d of sorted) {
    const last = kept[kept.length - 1];
    if (last && d.spanInSentence[0] < last.spanInSentence[1]) continue;
    kept.push(d);
  }
  return kept;
}

const LISTED_DAY = /^(?:,|;| va| den| toi| -| –) ?(\d{1,2})\/(\d{1,2})(?![\p{L}\p{N}/])/u;

/** "các ngày 13/9, 14/9 và 15/9": days listed after a cued day are days too. */
function acceptListedDays(found: ResolvedDate[], folded: string, text: string, anchor: Anchor): ResolvedDate[] {
  const out: ResolvedDate[] = [];
  for (const d of found) {
    out.push(d);
    if (d.precision !== 'day' || d.end) continue;
    let cursor = d.spanInSentence[1];
    for (;;) {
      const m = LISTED_DAY.exec(folded.slice(cursor));
      if (!m) break;
      const [day, month] = [Number(m[1]), Number(m[2])];
      const year = yearFor(month, anchor);
      if (!validDay(year, month, day)) break;
      const start = cursor + m[0].length - `${m[1]}/${m[2]}`.length;
      const end = cursor + m[0].length;
      if (found.some((f) => f.spanInSentence[0] < end && start < f.spanInSentence[1])) break;
      out.push({ start: iso(year, month, day), precision: 'day', approximate: false, text: text.slice(start, end), spanInSentence: [start, end] });
      cursor = end;
    }
  }
  return out;
}
