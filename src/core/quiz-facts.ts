// Facts a quiz can blank out of a sentence: a number with its unit, an explicit date, or a name
// (person, place, organisation). Names are found from the dossier's own alias groups and from runs
// of capitalised words that are not ordinary words (never seen in lower case in the dossier); the
// kind of a name is voted over all its mentions from the words around them ("Tổng thống …" ->
// person, "tại …" -> place, "hãng tin …" -> organisation). Nothing here knows any particular dossier.
import { fold, tokenize, type Token } from './analyzer.js';
import { resolveDates } from './dates.js';
import type { PassageIndex } from './passage-index.js';
import type { DossierSentence } from './summary-terms.js';

export type FactKind = 'number' | 'date' | 'person' | 'place' | 'organisation';
export type NameKind = Extract<FactKind, 'person' | 'place' | 'organisation'>;

export interface Fact {
  readonly kind: FactKind;
  /** The blanked text, verbatim. */
  readonly text: string;
  /** [start, end) in the sentence text. */
  readonly span: readonly [number, number];
  /** What the fact is: an alias concept id, or its folded text. Options must differ in it. */
  readonly identity: string;
  /** Facts that can stand in for each other: same unit ("nam"), same date form ("day-month"), same name kind. */
  readonly group: string;
  /** The two words before it, exact and lower case ("thành phố", "ngày"): options sharing them read alike. */
  readonly before: readonly string[];
  /** For a name: the names right around it, its affiliation ("Điện Kremlin Dmitry Peskov", "Victor Cha từ CSIS"). */
  readonly near?: readonly string[];
}

/** The (up to) two words before a span of a sentence. */
export function wordsBeforeSpan(s: DossierSentence, start: number): string[] {
  return s.sentence.tokens.filter((t) => t.end - s.sentence.start <= start).slice(-2).map((t) => t.exact);
}

// ---- names -----------------------------------------------------------------------------------

export interface NameMention {
  readonly identity: string;
  readonly text: string;
  /** Token indexes [first, last] in the sentence. */
  readonly first: number;
  readonly last: number;
}

// Cue words are compared in their exact lower-case form: folded, "Viễn" (far) is "Viện" (institute)
// and "tới" (to) is "tôi" (I).
const phrases = (list: readonly string[]): string[][] => list.map((h) => h.split(' '));

/** Words heading an organisation's name. */
const ORG_HEADS = phrases([
  'viện', 'trung tâm', 'hội đồng', 'đại học', 'học viện', 'bộ', 'văn phòng', 'đảng', 'hãng', 'ủy ban', 'điện', 'nhà trắng',
  'liên hợp quốc', 'liên hiệp quốc', 'tổ chức', 'quân đội', 'thông tấn xã', 'tạp chí', 'kênh', 'ngân hàng', 'công ty',
  'tập đoàn', 'quốc hội', 'chính phủ', 'báo',
]);
/**
 * Words that introduce an organisation's proper name ("hãng tin Interfax", "tờ báo …", "đại học
 * Harvard", "tập đoàn Samsung": Vietnamese writes the head in lower case before the name).
 */
const ORG_CUES = phrases([
  'hãng tin', 'hãng thông tấn', 'thông tấn xã', 'tờ báo', 'tạp chí', 'kênh', 'báo', 'đại học', 'học viện', 'viện', 'trung tâm',
  'ngân hàng', 'tập đoàn', 'công ty', 'tổ chức',
]);
/** Honorifics: what follows is a person. */
const HONORIFICS = phrases(['ông', 'bà', 'lời']);
/** Roles: what follows is often a person, but may be the country or body the role belongs to ("đại sứ Anh"). */
const ROLES = phrases([
  'tổng thống', 'phó tổng thống', 'thủ tướng', 'phó thủ tướng', 'chủ tịch', 'lãnh tụ', 'bộ trưởng', 'chuyên gia', 'giáo sư',
  'lãnh đạo', 'nhà lãnh đạo', 'người phát ngôn', 'phát ngôn viên', 'cố vấn', 'giám đốc', 'học giả', 'bình luận viên',
  'nhà phân tích', 'đại sứ', 'nghiên cứu sinh', 'tác giả', 'nhà báo', 'phóng viên',
]);
/** Roles in apposition after a person's name ("Yuri Ushakov, cố vấn …", "Sung-yoon Lee - Nghiên cứu sinh"). */
const PERSON_APPOSITIONS = phrases(['cố vấn', 'học giả', 'cựu', 'giám đốc', 'chuyên gia', 'nhà phân tích', 'giáo sư', 'người', 'nghiên cứu sinh', 'phát ngôn viên', 'đại sứ', 'bộ trưởng']);
/** Words placing what follows ("tại Vladivostok", "thủ đô Washington", "căn cứ không quân Knevichi"). */
const PLACE_CUES = phrases([
  'tại', 'ở', 'tới', 'đến', 'sang', 'thăm', 'thành phố', 'thủ đô', 'vùng', 'cảng', 'ga', 'nhà ga', 'đảo', 'sân bay',
  'căn cứ', 'căn cứ không quân', 'gần', 'đối diện', 'quanh', 'biên giới', 'lãnh thổ', 'tỉnh', 'khu vực',
]);
/** Words heading a place's name ("Vương quốc Anh", "Biển Nhật Bản", "đảo Russky"). */
const PLACE_HEADS = phrases(['vương quốc', 'cộng hòa', 'liên bang', 'thành phố', 'thủ đô', 'đảo', 'vùng', 'bán đảo', 'biển', 'sân bay', 'căn cứ', 'nhà khách', 'châu', 'tỉnh']);
/** A bare name after these is a place or a body, hardly ever a person (Vietnamese news names people with a title). */
const BARE_PREPOSITIONS = new Set(['với', 'của', 'giữa', 'và', 'cho', 'từ', 'khỏi', 'trong', 'ngoài']);

const endsWith = (words: readonly string[], phrase: readonly string[]): boolean =>
  phrase.length <= words.length && phrase.every((w, k) => words[words.length - phrase.length + k] === w);
const startsWith = (words: readonly string[], phrase: readonly string[]): boolean =>
  phrase.length <= words.length && phrase.every((w, k) => words[k] === w);

export interface NameLexicon {
  /** Exact lower-case words seen in lower case somewhere in the dossier: ordinary words, not names. */
  readonly ordinary: ReadonlySet<string>;
  /** Concept id -> every spelling of the alias group, as exact lower-case words. */
  readonly aliasForms: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Concept ids of alias groups that name something (their first spelling is capitalised), not common terms. */
  readonly properConcepts: ReadonlySet<string>;
}

const lexicons = new WeakMap<PassageIndex, NameLexicon>();

export function nameLexicon(index: PassageIndex, sentences: readonly DossierSentence[]): NameLexicon {
  const cached = lexicons.get(index);
  if (cached) return cached;
  const ordinary = new Set<string>();
  for (const s of sentences) for (const t of s.sentence.tokens) if (!isCapital(s.passage.text, t)) ordinary.add(t.exact);
  const aliasForms = new Map<string, string[][]>();
  for (const [id, canonical] of index.conceptNames) {
    const group = index.dossier.aliases.find((g) => g[0] === canonical) ?? [canonical];
    aliasForms.set(id, group.map((form) => tokenize(form).map((t) => t.exact)));
  }
  const properConcepts = new Set([...index.conceptNames].filter(([, name]) => /^\p{Lu}/u.test(name)).map(([id]) => id));
  const lexicon = { ordinary, aliasForms, properConcepts };
  lexicons.set(index, lexicon);
  return lexicon;
}

function isCapital(text: string, t: Token): boolean {
  const c = text.charAt(t.start);
  return c !== c.toLowerCase();
}

/** Capitalised only because it opens the sentence, a quotation or a colon's clause. */
function opensClause(text: string, tokens: readonly Token[], i: number, sentenceStart: number): boolean {
  const t = tokens[i]!;
  const before = text.slice(i === 0 ? sentenceStart : tokens[i - 1]!.end, t.start);
  return i === 0 || /[":“«.!?]\s*$/u.test(before);
}

/** Names in a sentence: alias matches holding a capital, then runs of capitalised words that are not ordinary words. */
export function namesIn(index: PassageIndex, s: DossierSentence, lexicon: NameLexicon): NameMention[] {
  const { tokens } = s.sentence;
  const text = s.passage.text;
  const taken = new Array<boolean>(tokens.length).fill(false);
  const names: NameMention[] = [];
  for (const m of index.aliasConcepts.matchAll(tokens.map((t) => t.folded))) {
    const span = tokens.slice(m.start, m.start + m.length);
    // A group whose first spelling is lower case names a thing, not a name ("chiến sự Ukraine"):
    // only a proper group counts, even when sentence case is all that capitalises it.
    if (!lexicon.properConcepts.has(m.value) || !span.some((t) => isCapital(text, t))) continue;
    taken.fill(true, m.start, m.start + m.length);
    names.push(mention(s, m.value, m.start, m.start + m.length - 1));
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !isCapital(text, tokens[i]!)) continue;
    let last = i;
    while (last + 1 < tokens.length && !taken[last + 1] && tokens[last + 1]!.joined && isCapital(text, tokens[last + 1]!)) last += 1;
    let first = i;
    // A run opening the sentence may start with an ordinary word ("Theo Tass", "Ông Putin"): drop it.
    if (opensClause(text, tokens, first, s.sentence.start) && lexicon.ordinary.has(tokens[first]!.exact)) first += 1;
    if (first <= last && looksLikeName(tokens.slice(first, last + 1), lexicon)) {
      names.push(mention(s, runIdentity(index, tokens.slice(first, last + 1)), first, last));
    }
    i = last;
  }
  return names.sort((a, b) => a.first - b.first);
}

/** A run spelled as an alias ("Ukraine" inside "chiến sự Ukraine") is that alias's concept; otherwise its folded words. */
function runIdentity(index: PassageIndex, run: readonly Token[]): string {
  const folded = run.map((t) => t.folded);
  const [whole] = index.aliasConcepts.matchAll(folded);
  return whole && whole.start === 0 && whole.length === folded.length ? whole.value : folded.join(' ');
}

/** One foreign-looking word (no Vietnamese marks, 3+ letters), or several with one that is never an ordinary word. */
function looksLikeName(run: readonly Token[], lexicon: NameLexicon): boolean {
  if (run.some((t) => t.isNumber)) return false;
  if (run.length === 1) {
    const t = run[0]!;
    return t.exact === t.folded && t.exact.length >= 3 && !lexicon.ordinary.has(t.exact);
  }
  return run.some((t) => !lexicon.ordinary.has(t.exact));
}

function mention(s: DossierSentence, identity: string, first: number, last: number): NameMention {
  const { tokens } = s.sentence;
  return { identity, first, last, text: s.passage.text.slice(tokens[first]!.start, tokens[last]!.end) };
}

/**
 * A name's other spellings as one half vote ("Ủy ban Quốc vụ" -> organisation): counted once per
 * name, so that spellings alone never decide a kind without the text around some mention agreeing.
 */
export function spellingVotes(identity: string, lexicon: NameLexicon): Map<NameKind, number> {
  const votes = new Map<NameKind, number>();
  const forms = lexicon.aliasForms.get(identity) ?? [];
  if (forms.some((f) => ORG_HEADS.some((h) => startsWith(f, h)) || ORG_CUES.some((h) => startsWith(f, h)))) votes.set('organisation', 0.5);
  else if (forms.some((f) => PLACE_HEADS.some((h) => startsWith(f, h)))) votes.set('place', 0.5);
  return votes;
}

/** Votes for what kind of name a mention is, from the words around it. */
export function kindVotes(s: DossierSentence, m: NameMention, names: readonly NameMention[]): Map<NameKind, number> {
  const votes = new Map<NameKind, number>();
  const vote = (kind: NameKind, weight = 1) => votes.set(kind, (votes.get(kind) ?? 0) + weight);
  const { tokens } = s.sentence;
  const exact = tokens.map((t) => t.exact);
  const own = exact.slice(m.first, m.last + 1);
  if (ORG_HEADS.some((h) => startsWith(own, h))) vote('organisation', 2);
  if (PLACE_HEADS.some((h) => startsWith(own, h))) vote('place', 2);
  const preceding = exact.slice(0, m.first);
  if (ORG_CUES.some((c) => endsWith(preceding, c))) vote('organisation', 2);
  if (PLACE_CUES.some((c) => endsWith(preceding, c))) vote('place', 2);
  if (preceding.length > 0 && BARE_PREPOSITIONS.has(preceding[preceding.length - 1]!)) vote('place', 0.5);
  // "Tổng thống Nga Vladimir Putin": the title belongs to the name after "Nga", not to "Nga".
  const modifiesNext = names.some((n) => n.first === m.last + 1 && tokens[n.first]!.joined);
  if (!modifiesNext) {
    const before = wordsBefore(s, m, names);
    if (HONORIFICS.some((c) => endsWith(before, c))) vote('person', 2);
    // A role before one word is as likely its country ("đại sứ Anh") as a surname: only longer names count.
    else if (m.last > m.first && ROLES.some((c) => endsWith(before, c))) vote('person', 1);
  }
  const after = exact.slice(m.last + 1, m.last + 5);
  const separator = s.passage.text.slice(tokens[m.last]!.end, tokens[m.last + 1]?.start ?? s.sentence.end);
  if (/^\s*[,–-]\s*$/u.test(separator) && PERSON_APPOSITIONS.some((a) => startsWith(after, a))) vote('person', 2);
  return votes;
}

/**
 * The names right around a mention: up to four words before it, and an apposition after it
 * ("Yuri Ushakov, cố vấn … của Tổng thống Nga") or a "từ"/"của"/"tại" phrase. Someone's
 * affiliation, which a plausible stand-in should share.
 */
export function namesNear(s: DossierSentence, m: NameMention, names: readonly NameMention[]): string[] {
  const { tokens } = s.sentence;
  const separator = s.passage.text.slice(tokens[m.last]!.end, tokens[m.last + 1]?.start ?? s.sentence.end);
  const next = tokens[m.last + 1]?.exact ?? '';
  const reachAfter = /^\s*[,–-]\s*$/u.test(separator) || ['từ', 'của', 'tại', 'thuộc'].includes(next) ? 10 : 0;
  return names
    .filter((n) => n !== m && ((n.last < m.first && n.last >= m.first - 4) || (n.first > m.last && n.first <= m.last + reachAfter)))
    .map((n) => n.identity);
}

/**
 * The words before a mention, looking past up to two names right before it ("Điện Kremlin Dmitry
 * Peskov") and past capitalised words of a title ("Bộ trưởng Quốc phòng Nga Sergei Shoigu").
 */
function wordsBefore(s: DossierSentence, m: NameMention, names: readonly NameMention[]): string[] {
  const { tokens } = s.sentence;
  let end = m.first;
  for (let skipped = 0; skipped < 2; skipped++) {
    const previous = names.find((n) => n.last === end - 1);
    if (!previous) break;
    end = previous.first;
  }
  const exact = tokens.slice(0, end).map((t) => t.exact);
  // A role may be followed by its department, capitalised: "Bộ trưởng Quốc phòng".
  for (const gap of [1, 2]) {
    const department = tokens[end - gap];
    if (department && isCapital(s.passage.text, department) && ROLES.some((c) => endsWith(exact.slice(0, -gap), c))) return exact.slice(0, -gap).slice(-4);
  }
  return exact.slice(-4);
}

/** The kind with most votes; none on a tie or without a whole vote, since a wrong kind makes a bad question. */
export function winningKind(votes: ReadonlyMap<NameKind, number>): NameKind | undefined {
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 1 || (second && second[1] === first[1])) return undefined;
  return first[0];
}

// ---- numbers and dates -----------------------------------------------------------------------

/** Units a count can carry (folded word sequences); magnitudes may come between number and unit. */
const UNITS = [
  'nam', 'thang', 'tuan', 'ngay', 'gio', 'tieng', 'phut', 'giay', 'thap ky', 'the ky', 'km', 'kg', 'tan', 'usd', 'do la',
  'dong', 'euro', 'rup', 'nhan dan te', 'phan tram', 'nguoi', 'lan', 'chiec', 'qua', 'ben', 'nuoc', 'quoc gia', 'binh si',
  'dan', 'tau', 'may bay', 'ten lua', 'thanh pho',
].map((u) => u.split(' '));
const MAGNITUDES = new Set(['nghin', 'ngan', 'trieu', 'ty', 'ti']);

/** "34 triệu USD", "24 năm", "5 tiếng", "40%": digits (not part of a date or of a model name) and their unit. */
export function numbersIn(s: DossierSentence, dateSpans: readonly (readonly [number, number])[]): Fact[] {
  const { tokens } = s.sentence;
  const text = s.passage.text;
  const facts: Fact[] = [];
  tokens.forEach((t, i) => {
    if (!t.isNumber || !/^\d+(?:[.,]\d+)*$/.test(t.exact)) return;
    if (t.joined && text.charAt(t.start - 1) === '-') return; // Su-35, COVID-19
    const start = t.start - s.sentence.start;
    if (dateSpans.some(([a, b]) => start < b && a < t.end - s.sentence.start)) return;
    const unit = unitAfter(tokens, i, text);
    if (!unit) return;
    const end = unit.end - s.sentence.start;
    const factText = s.text.slice(start, end);
    facts.push({ kind: 'number', text: factText, span: [start, end], identity: fold(factText.toLowerCase()), group: `number:${unit.key}`, before: wordsBeforeSpan(s, start) });
  });
  return facts;
}

function unitAfter(tokens: readonly Token[], i: number, text: string): { key: string; end: number } | undefined {
  const t = tokens[i]!;
  if (text.charAt(t.end) === '%') return { key: '%', end: t.end + 1 };
  let k = i + 1;
  const magnitude = tokens[k] && tokens[k]!.joined && MAGNITUDES.has(tokens[k]!.folded) ? tokens[k++]!.folded : undefined;
  const words = tokens.slice(k, k + 3).map((x) => x.folded);
  const unit = UNITS.find((u) => startsWith(words, u) && tokens.slice(k, k + u.length).every((x) => x.joined));
  if (!unit) return undefined;
  const last = tokens[k + unit.length - 1]!;
  return { key: [magnitude, ...unit].filter(Boolean).join(' '), end: last.end };
}

/** Explicit dates, blanked as their numbers: "ngày 10/9" -> "10/9", "tháng 4/2019" -> "4/2019", "năm 2015" -> "2015". */
export function datesIn(s: DossierSentence): { facts: Fact[]; spans: (readonly [number, number])[] } {
  const resolved = resolveDates(s.text, s.article.date);
  const facts: Fact[] = [];
  for (const d of resolved) {
    if (d.approximate || d.bound || d.part || d.end) continue;
    const numeric = /\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\/\d{4}|\d{1,2}\/\d{1,2}|\d{4}/u.exec(d.text);
    if (!numeric) continue;
    const form = /^\d{4}$/.test(numeric[0]) ? 'year' : /\/\d{4}$/.test(numeric[0]) && d.precision === 'month' ? 'month-year' : numeric[0].split('/').length === 3 ? 'full' : 'day-month';
    const start = d.spanInSentence[0] + numeric.index;
    facts.push({ kind: 'date', text: numeric[0], span: [start, start + numeric[0].length], identity: d.start, group: `date:${form}`, before: wordsBeforeSpan(s, start) });
  }
  return { facts, spans: resolved.map((d) => d.spanInSentence) };
}
