// From a member's question to weighted query units: checked input, question phrase -> expected
// kind of answer, fillers and particles out, English through the glossary, typos repaired against
// the dossier's vocabulary, aliases as concepts, syllable pairs so multi-syllable words count.
import SearchableMap from 'minisearch/SearchableMap';
import { fold, foreignScriptShare, tokenize, type Token } from './analyzer.js';
import {
  AMBIGUOUS_ENGLISH, CATEGORY_QUESTION_PHRASES, CATEGORY_QUESTION_WORDS, CHAT_SHORTHAND, COUNTING_WORDS, COUNTER_EQUIVALENTS, COUNTERS, ELAPSED_LEADS, ENGLISH_FUNCTION_WORDS, FILLER_PHRASES, isSyllableShaped, LIGHT_SYLLABLES, LIGHT_WORDS, NUMBER_NAMING_WORDS, NUMBER_WORDS_BY_DIGITS, QUESTION_OPENERS, QUESTION_PARTICLES, QUESTION_PHRASES, QUESTION_SYLLABLES,
  STANCE_WORDS, VOCATIVES, WH_WORDS, YES_NO_ENDINGS, YES_NO_OPENERS,
} from './lexicon.js';
import { inverseFrequency, isWritten, termFrequency, type PassageIndex, type SynonymEntry } from './passage-index.js';
import { PhraseMatcher } from './phrases.js';
import type { AnswerKind, Checked } from './types.js';

export const MAX_QUESTION_LENGTH = 500;
/** Credit for meeting a near-synonym instead of the question's own word. */
export const SYNONYM_CREDIT = 0.7;
/** Credit for meeting a name that stands for the one asked about (Moscow for Nga, and back). */
export const STAND_IN_CREDIT = 0.8;
/** Credit for a word typed with diacritics met only in another spelling with the same letters. */
export const FOLDED_ONLY_CREDIT = 0.5;
/** A light word (lexicon LIGHT_WORDS) weighs at most as much as a word found in this share of passages. */
export const LIGHT_WORD_SHARE = 0.3;

/**
 * One thing the question asks about. A slot is met by any of its alternatives: a word, the
 * concept id of an alias group (Moskva = Moscow), or one of a glossary term's Vietnamese
 * renderings (several words, weighted by rarity).
 */
export interface Slot {
  readonly weight: number;
  readonly alternatives: readonly (readonly string[])[];
  /** Credit for meeting each alternative (1 when absent): a near-synonym counts less than the word itself. */
  readonly credits?: readonly number[];
  /** Exact forms (with diacritics) of the words, when the question was typed with them. */
  readonly exact: readonly string[];
  /** The question's own words this slot stands for (for "drop very common words"). */
  readonly source: readonly string[];
  /** Where the slot's words start in the question (token index), for word-order proximity. */
  readonly at?: number;
}

export interface AnalyzedQuery {
  readonly text: string;
  readonly language: 'vi' | 'en';
  readonly hasDiacritics: boolean;
  readonly expected: AnswerKind;
  /** Counters the answer must carry next to a number ("bao nhiêu km" -> km; "how many soldiers" -> binh, lính...). */
  readonly unit?: readonly string[];
  readonly slots: readonly Slot[];
  /** Adjacent word pairs of the question, folded and joined with '_': a bonus when a passage has the phrase. */
  readonly pairs: readonly string[];
  /** The pairs that occur as phrases somewhere in the dossier: compounds ("hạt nhân"), not chance neighbours. */
  readonly compounds: ReadonlySet<string>;
  /** Content words found nowhere in the dossier, even after typo repair. */
  readonly unknown: readonly string[];
  /** English words that are neither in the glossary nor in the dossier (often just phrasing, so they weigh less). */
  readonly unknownEnglish: readonly string[];
  /** Rarity of each folded word (for weighting pairs and MiniSearch terms). */
  readonly idf: (folded: string) => number;
}

/** Reject what cannot be a question before any search. */
export function checkQuestion(raw: string): Checked<string> {
  const text = raw.normalize('NFC').trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.length > MAX_QUESTION_LENGTH) return { ok: false, problem: 'too-long', detail: String(text.length) };
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.test(text)) return { ok: false, problem: 'control-characters' };
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, problem: 'no-searchable-terms' };
  if (foreignScriptShare(text) > 0.5) return { ok: false, problem: 'unsupported-script' };
  return { ok: true, value: text.replace(/\s+/gu, ' ') };
}

const questionPhrases = buildQuestionPhrases();
const fillers = new PhraseMatcher<true>();
for (const phrase of FILLER_PHRASES) fillers.add(phrase, true);

function buildQuestionPhrases() {
  const folded = new PhraseMatcher<{ kind: AnswerKind; exact: readonly string[]; ambiguous: boolean }>();
  for (const [phrase, kind, ambiguous] of QUESTION_PHRASES) {
    folded.add(phrase, { kind, exact: tokenize(phrase).map((t) => t.exact), ambiguous: ambiguous === true });
  }
  return folded;
}

export function analyzeQuery(index: PassageIndex, text: string): AnalyzedQuery {
  const typed = tokenize(text);
  const hasDiacritics = fold(text) !== text && /[^\u0000-\u007f]/u.test(text);
  const language = isEnglish(typed, hasDiacritics) ? 'en' : 'vi';
  const tokens = language === 'vi' ? expandShorthand(typed, hasDiacritics) : typed;
  const removed = new Array<boolean>(tokens.length).fill(false);
  markFillers(tokens, removed);
  const stats = rememberingRepairs(frequencyStats(index));
  const { expected, unit } = readQuestionPhrase(tokens, removed, hasDiacritics, language === 'vi' && !hasDiacritics ? stats : undefined, language === 'en');
  const aliasSlots = aliasSlotsOf(index, tokens, removed, stats, language === 'vi');
  const particle = particleMask(index, tokens, removed, hasDiacritics);
  /** Length of the synonym phrase each token is part of (0: none). */
  const bySynonym = new Array<number>(tokens.length).fill(0);
  const synonymSlots = language === 'vi' ? synonymSlotsOf(index, tokens, removed, particle, bySynonym, hasDiacritics, stats) : [];
  const content = language === 'en'
    ? englishSlots(index, tokens, removed, text, stats)
    : vietnameseSlots(index, tokens, removed, particle, bySynonym, hasDiacritics, stats);
  const units = unit ? [unit, ...(COUNTER_EQUIVALENTS.get(unit) ?? [])] : language === 'en' && expected === 'number' ? englishCounter(index, tokens, removed) : undefined;
  return {
    text, language, hasDiacritics, expected, ...(units && units.length > 0 ? { unit: units } : {}),
    slots: [...aliasSlots, ...synonymSlots, ...content.slots], pairs: content.pairs, unknown: content.unknown, idf: stats.idf,
    unknownEnglish: content.unknownEnglish ?? [],
    compounds: new Set(content.pairs.filter((p) => termFrequency(index, p, 'folded') > 0)),
  };
}

/** Chat shorthand as the words it stands for, each spanning the shorthand's characters; without diacritics if the question has none. */
function expandShorthand(tokens: readonly Token[], hasDiacritics: boolean): readonly Token[] {
  if (!tokens.some((t) => CHAT_SHORTHAND.has(t.exact))) return tokens;
  return tokens.flatMap((t) => {
    const words = CHAT_SHORTHAND.get(t.exact);
    if (words === undefined) return [t];
    return tokenize(hasDiacritics ? words : fold(words)).map((w, k) => ({ ...w, start: t.start, end: t.end, joined: k === 0 ? t.joined : true }));
  });
}

/**
 * English if typed without diacritics, with at least one unambiguous English function word, and
 * enough words that could not be Vietnamese syllables ("was", "visit", "first").
 */
function isEnglish(tokens: readonly Token[], hasDiacritics: boolean): boolean {
  if (hasDiacritics) return false;
  const words = tokens.filter((t) => !t.isNumber);
  const markers = words.filter((t) => ENGLISH_FUNCTION_WORDS.has(t.folded) && !AMBIGUOUS_ENGLISH.has(t.folded)).length;
  const foreignShaped = words.filter((t) => !VIETNAMESE_SYLLABLE.test(t.folded)).length;
  return markers >= 1 && (markers + foreignShaped) / Math.max(words.length, 1) >= 0.3;
}

/** The shape of a Vietnamese syllable without its diacritics: onset, one to three vowels, a final. */
const VIETNAMESE_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;

function markFillers(tokens: readonly Token[], removed: boolean[]): void {
  const words = tokens.map((t) => t.folded);
  for (const m of fillers.matchAll(words)) removed.fill(true, m.start, m.start + m.length);
  markVocative(tokens, words, removed);
}

const vocatives = new PhraseMatcher<true>();
for (const phrase of VOCATIVES) vocatives.add(phrase, true);

/**
 * The people a question is addressed to ("... hôm nào vậy mọi người?", "Các bạn ơi, ..."): at its
 * end after a particle, or at its start before "ơi" or a comma. Elsewhere they are words of the
 * question ("Putin nói gì với mọi người").
 */
function markVocative(tokens: readonly Token[], words: readonly string[], removed: boolean[]): void {
  let end = words.length;
  while (end > 0 && TRAILING_CALLS.has(words[end - 1]!)) end--;
  for (const m of vocatives.matchAll(words)) {
    const last = m.start + m.length;
    const atEnd = last === end && m.start > 0 && (QUESTION_SYLLABLES.has(words[m.start - 1]!) || !tokens[m.start]!.joined);
    const atStart = m.start === 0 && last < words.length && (words[last] === 'oi' || !tokens[last]!.joined);
    if (atEnd || atStart) removed.fill(true, m.start, atEnd ? words.length : last + (words[last] === 'oi' ? 1 : 0));
  }
}

/** What may follow a vocative at the end of a question ("mọi người ơi", "các bạn nhé"). */
const TRAILING_CALLS: ReadonlySet<string> = new Set(['oi', 'a', 'nhe', 'nha', 'voi']);

/**
 * The first question phrase names the kind of answer. An ambiguous one ("mấy") only does when the
 * question has no other: beside "ra sao", "mấy nước láng giềng" means "the neighbours", not "how many".
 * With no question phrase, a yes/no question about a stance ("có thừa nhận ... không") wants one.
 */
function readQuestionPhrase(tokens: readonly Token[], removed: boolean[], hasDiacritics: boolean, typos?: FrequencyStats, english = false) {
  // Typed without diacritics, a misspelt question word is read as meant: "bao nheiu" is "bao nhiêu".
  const words = tokens.map((t) => (typos && !typos.has(t.folded) && !t.isNumber ? typos.repair(t.folded) ?? t.folded : t.folded));
  // English asks with its first wh-word: in "what did the US ask ... when Kim went to Russia",
  // "when" joins two clauses and asks for no date.
  const firstWh = english ? words.findIndex((w) => WH_WORDS.has(w)) : -1;
  const found = questionPhrases.matchAll(words).filter((m) => {
    if (firstWh >= 0 && (m.start > firstWh || m.start + m.length <= firstWh)) return false;
    const own = tokens.slice(m.start, m.start + m.length);
    const next = tokens[m.start + m.length];
    const exactMatch = own.every((t, k) => t.exact === m.value.exact[k]);
    if (hasDiacritics && !exactMatch) return false;
    // Folded, "nước thứ ba nào" is a third country, not "bà nào" (which lady): a count after a word that makes it a rank asks nothing.
    if (!hasDiacritics && NUMBER_NAMING_WORDS.has(words[m.start - 1] ?? '') && FOLDED_COUNTING_WORDS.has(words[m.start]!)) return false;
    return hasDiacritics || !m.value.ambiguous || (m.value.kind === 'number' && !!next && COUNTERS.has(next.folded));
  });
  const plain = found.some((m) => !m.value.ambiguous);
  let expected: AnswerKind = found.length === 0 ? openerKind(tokens) ?? (isYesNo(tokens) && asksStance(tokens) ? 'stance' : 'any') : 'any';
  let unit: string | undefined;
  for (const m of found) {
    const category = CATEGORY_QUESTION_PHRASES.has(words.slice(m.start, m.start + m.length).join(' '));
    for (let i = m.start; i < m.start + m.length; i++) if (!category || CATEGORY_QUESTION_WORDS.has(words[i]!)) removed[i] = true;
    if (plain && m.value.ambiguous) continue;
    const next = tokens[m.start + m.length];
    if (expected === 'any') expected = m.value.kind === 'duration' && ELAPSED_LEADS.has(words[m.start - 1] ?? '') ? 'elapsed' : m.value.kind;
    if (m.value.kind === 'number' && next && COUNTERS.has(next.folded)) unit ??= next.folded;
  }
  return { expected, unit };
}

/** The kind a question's first word asks for, where it asks only there (QUESTION_OPENERS). */
function openerKind(tokens: readonly Token[]): AnswerKind | undefined {
  return tokens[0] ? QUESTION_OPENERS.get(tokens[0].folded) : undefined;
}

/** "có ... không", "đã ... chưa", "phải không" at the end; "did / was / is ..." at the start. */
function isYesNo(tokens: readonly Token[]): boolean {
  const last = tokens.at(-1)?.folded;
  const first = tokens[0]?.folded;
  return (last !== undefined && YES_NO_ENDINGS.has(last)) || (first !== undefined && YES_NO_OPENERS.has(first));
}

const stanceWords = new PhraseMatcher<true>();
for (const phrase of STANCE_WORDS) stanceWords.add(phrase, true);

function asksStance(tokens: readonly Token[]): boolean {
  return stanceWords.matchAll(tokens.map((t) => t.folded)).length > 0;
}

// ---- statistics ------------------------------------------------------------------------------

interface FrequencyStats {
  readonly passages: number;
  idf(folded: string): number;
  idfOfCount(count: number): number;
  has(folded: string): boolean;
  repair(folded: string): string | undefined;
}

const statsCache = new WeakMap<PassageIndex, FrequencyStats>();

function frequencyStats(index: PassageIndex): FrequencyStats {
  const cached = statsCache.get(index);
  if (cached) return cached;
  const n = index.dossier.passages.length;
  const df = index.documentFrequency;
  let vocabulary: SearchableMap<number> | undefined;
  const idfOf = (count: number) => inverseFrequency(n, count);
  const stats: FrequencyStats = {
    passages: n,
    idf: (term) => idfOf(df.get(term) ?? 0),
    idfOfCount: (count) => idfOf(count),
    has: (term) => df.has(term),
    repair: (term) => {
      vocabulary ??= SearchableMap.from(df);
      return repairTypo(term, vocabulary, df);
    },
  };
  statsCache.set(index, stats);
  return stats;
}

/** The index's statistics, with typo repairs remembered for one question: its question phrases and its slots both ask. */
function rememberingRepairs(stats: FrequencyStats): FrequencyStats {
  const repairs = new Map<string, string | undefined>();
  const repair = (term: string) => {
    if (!repairs.has(term)) repairs.set(term, stats.repair(term));
    return repairs.get(term);
  };
  return { ...stats, repair };
}

/**
 * The most frequent dossier word within one edit (or one swap of neighbours) of `term`. Real
 * syllables never get here ("vang" is not a typo of "dang"), so four letters are enough for an
 * edit ("Seul" is Seoul); shorter words are too ambiguous to repair.
 */
function repairTypo(term: string, vocabulary: SearchableMap<number>, df: ReadonlyMap<string, number>): string | undefined {
  if (term.length < 4 || /^\d/.test(term) || isSyllableShaped(term)) return undefined;
  const candidates = new Map<string, number>();
  for (const [word, [count]] of vocabulary.fuzzyGet(term, 1)) candidates.set(word, count);
  for (let i = 0; i + 1 < term.length; i++) {
    const swapped = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
    const count = df.get(swapped);
    if (count !== undefined) candidates.set(swapped, count);
  }
  let best: string | undefined;
  for (const [word, count] of candidates) if (best === undefined || count > (candidates.get(best) ?? 0)) best = word;
  return best;
}

// ---- slots ---------------------------------------------------------------------------------

interface ContentSlots {
  readonly slots: Slot[];
  readonly pairs: string[];
  readonly unknown: string[];
  readonly unknownEnglish?: string[];
}

/**
 * Alias phrases in the question become one slot each, met by any spelling of the name (a stand-in
 * for less); their words are used up. In a Vietnamese question (`repairTypos`), also names with a
 * typo in a word: English words are no Vietnamese typos, and looking each up costs time.
 */
function aliasSlotsOf(index: PassageIndex, tokens: readonly Token[], removed: boolean[], stats: FrequencyStats, repairTypos: boolean): Slot[] {
  const words = tokens.map((t, i) => (removed[i] ? '' : t.folded));
  // A name the dossier never writes (in its text, or as an article's outlet or byline) cannot be
  // met: its words are better read one by one ("second Trump-Kim summit" -> Trump, Kim, summit)
  // than used up for nothing.
  const written = (concept: string) => isWritten(index, concept);
  const found = index.aliasConcepts.matchAll(words, written);
  const typed = found.map((m) => ({ ...m, words: words.slice(m.start, m.start + m.length) }));
  return [...typed, ...(repairTypos ? namesWithTypos(index, words, found, stats, written) : [])].map((m) => {
    const own = tokens.slice(m.start, m.start + m.length);
    removed.fill(true, m.start, m.start + m.length);
    const folded = m.words;
    // Weigh a name by how often the dossier names it in any spelling ("Pyongyang" is rare as typed,
    // "Bình Nhưỡng" is not); an outlet named only in the front matter, by its article's passages.
    const weight = stats.idfOfCount(termFrequency(index, m.value, 'concept') || termFrequency(index, m.value, 'context'));
    const standIns = index.standIns.get(m.value) ?? [];
    return {
      weight, alternatives: [[m.value], folded, ...standIns.map((c) => [c])], credits: [1, 1, ...standIns.map(() => STAND_IN_CREDIT)],
      exact: own.map((t) => t.exact), source: folded, at: m.start,
    };
  });
}

/**
 * Names with a typo in a word ("trieu tine"), read again with the dossier's word for each word it
 * lacks, where no name was found as typed. Only matches that a repair made count.
 */
function namesWithTypos(index: PassageIndex, words: readonly string[], found: readonly { start: number; length: number }[], stats: FrequencyStats, written: (concept: string) => boolean) {
  const taken = new Array<boolean>(words.length).fill(false);
  for (const m of found) taken.fill(true, m.start, m.start + m.length);
  const repaired = words.map((w, i) => (taken[i] ? '' : w === '' || stats.has(w) || /^\d/.test(w) ? w : stats.repair(w) ?? w));
  if (repaired.every((w, i) => w === words[i] || taken[i])) return [];
  return index.aliasConcepts.matchAll(repaired, written)
    .map((m) => ({ ...m, words: repaired.slice(m.start, m.start + m.length) }))
    .filter((m) => m.words.some((w, k) => w !== words[m.start + k]));
}

/** Near-synonym phrases become one slot each, met by any member of the group; their words are used up. */
function synonymSlotsOf(index: PassageIndex, tokens: readonly Token[], removed: readonly boolean[], particle: readonly boolean[], covered: number[], hasDiacritics: boolean, stats: FrequencyStats): Slot[] {
  // A particle may stand inside a phrase ("dùng được cho") or open one ("có mặt ở"; folded, "ha tang"
  // is hạ tầng whatever "hả" is), not end one of two words: "bao nhiêu năm rồi" is no "năm rồi"
  // (last year). A longer phrase is no chance meeting: "nhà máy hàng không", "chưa từng có".
  const words = tokens.map((t, i) => (removed[i] ? '' : t.folded));
  const inside = (entry: SynonymEntry, start: number) => (entry.exact.length > 2 || !particle[start + entry.exact.length - 1]) && (entry.exact.length > 1 || !particle[start]);
  // Typed with diacritics, a phrase must match them: "cũng có" is not "củng cố".
  const accept = (entry: SynonymEntry, start: number) => inside(entry, start) && (!hasDiacritics || entry.exact.every((e, k) => tokens[start + k]?.exact === e));
  return index.synonyms.matchAll(words, accept).map((m) => {
    const own = tokens.slice(m.start, m.start + m.length);
    covered.fill(m.length, m.start, m.start + m.length);
    const folded = own.map((t) => t.folded);
    const others = m.value.group.filter((alt) => alt.join(' ') !== folded.join(' '));
    const known = folded.every(stats.has);
    // The question's own wording first, at full credit; if the dossier never uses it, weigh the slot by its synonyms.
    const weight = known ? Math.max(...folded.map(stats.idf)) : Math.min(...others.map((alt) => Math.max(...alt.map(stats.idf))));
    return { weight, alternatives: [folded, ...others], credits: [1, ...others.map(() => SYNONYM_CREDIT)], exact: [], source: folded, at: m.start };
  });
}

/** Which tokens are grammatical particles: listed, and not joined to a neighbour in a compound the dossier knows. */
function particleMask(index: PassageIndex, tokens: readonly Token[], removed: readonly boolean[], hasDiacritics: boolean): boolean[] {
  const inCompound = (a: Token | undefined, b: Token | undefined) => !!a && !!b && b.joined && termFrequency(index, `${a.folded}_${b.folded}`, 'folded') > 0;
  const isParticle = (t: Token) => (hasDiacritics ? QUESTION_PARTICLES.has(t.exact) : QUESTION_SYLLABLES.has(t.folded));
  return tokens.map((t, i) => {
    if (!isParticle(t)) return false;
    const previous = removed[i - 1] ? undefined : tokens[i - 1];
    const next = removed[i + 1] ? undefined : tokens[i + 1];
    return !(inCompound(previous, t) && !isParticle(previous!)) && !(inCompound(t, next) && !isParticle(next!));
  });
}

function vietnameseSlots(index: PassageIndex, tokens: readonly Token[], removed: readonly boolean[], particle: readonly boolean[], bySynonym: readonly number[], hasDiacritics: boolean, stats: FrequencyStats): ContentSlots {
  const unknown: string[] = [];
  const unambiguous = unambiguousLightSyllables(index);
  const isLight = (t: Token) => (hasDiacritics ? LIGHT_WORDS.has(t.exact) : unambiguous.has(t.folded));
  const light = tokens.map(isLight);
  const lightCap = stats.idfOfCount(LIGHT_WORD_SHARE * stats.passages);
  const weightOf = (folded: string, i: number) => (light[i] ? Math.min(stats.idf(folded), lightCap) : stats.idf(folded));
  const words = tokens.map((t, i) => {
    if (removed[i] || particle[i]) return undefined;
    if (stats.has(t.folded) || t.isNumber) return { folded: t.folded, exact: hasDiacritics ? t.exact : undefined };
    // A light word the dossier lacks ("luôn") is phrasing, not a topic the dossier lacks.
    if (light[i]) return undefined;
    // A word of a synonym phrase the dossier words otherwise ("xóm" of "hàng xóm" = láng giềng) is
    // not unknown; a lone syllable is too ambiguous folded to vouch for ("phe" of "phê chuẩn").
    // Typed with diacritics, a one-word synonym matched them exactly ("ghé" = dừng chân): it vouches too.
    if (bySynonym[i]! > 1 || (bySynonym[i] === 1 && hasDiacritics)) return undefined;
    const repaired = stats.repair(t.folded);
    if (repaired) return { folded: repaired, exact: undefined };
    unknown.push(t.folded);
    return undefined;
  });
  // Words a synonym slot stands for get no slot of their own, but still form pairs.
  // Typed with diacritics that the dossier never uses ("Bân" where it has only "bàn", "bán"), a word is
  // probably another word: its folded matches earn partial credit.
  const otherWord = (w: { folded: string; exact?: string | undefined }) => w.exact !== undefined && w.exact !== w.folded && !index.exactVocabulary.has(w.exact);
  const spelled = tokens.map((_, i) => otherSpelling(tokens, i, hasDiacritics));
  const slots: Slot[] = words.flatMap((w, i) => {
    if (!w || bySynonym[i] !== 0) return [];
    // A number and its word are one meaning: weighed by the commoner form, met by either in full.
    const other = spelled[i];
    const weight = other ? Math.min(weightOf(w.folded, i), stats.idf(other)) : weightOf(w.folded, i);
    const credits = !other && otherWord(w) ? { credits: [FOLDED_ONLY_CREDIT] } : {};
    return [{ weight, alternatives: other ? [[w.folded], [other]] : [[w.folded]], ...credits, exact: w.exact ? [w.exact] : [], source: [w.folded], at: i }];
  });
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    if (!a || !b || !tokens[i]!.joined) continue;
    pairs.push(`${a.folded}_${b.folded}`);
    if (spelled[i - 1]) pairs.push(`${spelled[i - 1]}_${b.folded}`);
    if (spelled[i]) pairs.push(`${a.folded}_${spelled[i]}`);
  }
  return { slots, pairs, unknown };
}

const FOLDED_COUNTING_WORDS: ReadonlySet<string> = new Set([...COUNTING_WORDS.keys()].map(fold));

const DIGITS_BY_NUMBER_WORDS: ReadonlyMap<string, string> = new Map([...NUMBER_WORDS_BY_DIGITS].map(([digits, word]) => [word, digits]));

/**
 * A count, "2 nước", as the other spelling of its number: "hai" for "2" and back (folded). A
 * count is a number before a word, not after one that makes it a date or a rank. A word only
 * when typed with diacritics: folded, "hai" may be "hải" and "sau" is "after".
 */
function otherSpelling(tokens: readonly Token[], i: number, hasDiacritics: boolean): string | undefined {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  if (!next || next.isNumber || NUMBER_NAMING_WORDS.has(tokens[i - 1]?.folded ?? '')) return undefined;
  const word = token.isNumber ? NUMBER_WORDS_BY_DIGITS.get(token.folded) : undefined;
  if (word) return fold(word);
  return hasDiacritics ? DIGITS_BY_NUMBER_WORDS.get(token.exact) : undefined;
}

const lightCache = new WeakMap<PassageIndex, ReadonlySet<string>>();

/**
 * Light syllables that, typed without diacritics, can only be light words here: every word of
 * the dossier that folds to one is itself light. "thoi" is not (thời gian), nor "sang" (rạng sáng).
 */
function unambiguousLightSyllables(index: PassageIndex): ReadonlySet<string> {
  let light = lightCache.get(index);
  if (!light) {
    const heavy = new Set<string>();
    for (const word of index.exactVocabulary) {
      const folded = fold(word);
      // A lone plain letter is a fragment of a name ("O" of O’Brien), no word that could be meant.
      if (word.length === 1 && word === folded) continue;
      if (LIGHT_SYLLABLES.has(folded) && !LIGHT_WORDS.has(word)) heavy.add(folded);
    }
    light = new Set([...LIGHT_SYLLABLES].filter((s) => !heavy.has(s)));
    lightCache.set(index, light);
  }
  return light;
}

function englishSlots(index: PassageIndex, tokens: readonly Token[], removed: readonly boolean[], text: string, stats: FrequencyStats): ContentSlots {
  const slots: Slot[] = [];
  const pairs: string[] = [];
  const unknown: string[] = [];
  const unknownEnglish: string[] = [];
  const words = tokens.map((t, i) => (removed[i] ? '' : t.folded));
  const covered = new Array<boolean>(tokens.length).fill(false);
  for (const m of matchGlossary(index, words)) {
    covered.fill(true, m.start, m.start + m.length);
    const alternatives = m.value.map((rendering) => tokenize(rendering).map((t) => t.folded));
    for (const alt of alternatives) for (let k = 1; k < alt.length; k++) pairs.push(`${alt[k - 1]}_${alt[k]}`);
    const weight = alternatives.reduce((sum, alt) => sum + Math.max(...alt.map(stats.idf)), 0) / alternatives.length;
    slots.push({ weight, alternatives, exact: [], source: words.slice(m.start, m.start + m.length), at: m.start });
  }
  slots.push(...englishDates(index, tokens, removed, covered, stats));
  tokens.forEach((t, i) => {
    if (covered[i] || removed[i] || ENGLISH_FUNCTION_WORDS.has(t.folded)) return;
    // A short lower-case English word that happens to spell a Vietnamese syllable ("day" = đây) is not evidence.
    // A short word the dossier writes just so, with no diacritics ("kim", "nga"), is its word: members type names in lower case.
    const plausible = t.isNumber || isProperName(text, t) || t.folded.length >= 4 || index.exactVocabulary.has(t.folded);
    // A number counts even where the text lacks it: a year is met by the article's date.
    if ((stats.has(t.folded) && plausible) || t.isNumber) slots.push({ weight: stats.idf(t.folded), alternatives: [[t.folded]], exact: [], source: [t.folded], at: i });
    else if (isProperName(text, t)) unknown.push(t.folded);
    else unknownEnglish.push(t.folded);
  });
  return { slots, pairs: [...new Set(pairs)], unknown, unknownEnglish };
}

/** "how many soldiers": the first word after the question phrase, through the glossary, names what is counted. */
function englishCounter(index: PassageIndex, tokens: readonly Token[], removed: readonly boolean[]): string[] | undefined {
  const at = removed.findIndex((r, i) => r && !removed[i + 1] && i + 1 < tokens.length);
  const next = tokens[at + 1];
  if (at < 0 || !next || ENGLISH_FUNCTION_WORDS.has(next.folded)) return undefined;
  const match = matchGlossary(index, [next.folded])[0];
  return match ? match.value.map((v) => tokenize(v).map((t) => t.folded).at(-1)!) : undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Short forms; "may" and "june"/"july" are left whole ("may" is also a verb). */
const MONTH_ABBREVIATIONS = new Map([['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12]]);

function monthOf(word: string): number {
  return MONTHS.indexOf(word) + 1 || (MONTH_ABBREVIATIONS.get(word) ?? 0);
}

/**
 * "June 19" / "19 June" -> a slot met by "19/6", the way the articles write dates; a month alone
 * ("in Sept 2023") -> "tháng 9", met in the text or by the article's date.
 */
function englishDates(index: PassageIndex, tokens: readonly Token[], removed: readonly boolean[], covered: boolean[], stats: FrequencyStats): Slot[] {
  const slots: Slot[] = [];
  tokens.forEach((t, i) => {
    const month = monthOf(t.folded);
    if (month === 0 || removed[i] || (t.folded === 'may' && !/^\d/.test(tokens[i + 1]?.folded ?? ''))) return;
    const dayAt = [i + 1, i - 1].find((k) => /^\d{1,2}$/.test(tokens[k]?.folded ?? '') && Number(tokens[k]!.folded) <= 31);
    covered[i] = true;
    if (dayAt === undefined) {
      const pair = `thang_${month}`;
      const count = termFrequency(index, pair, 'folded') + termFrequency(index, pair, 'context');
      slots.push({ weight: stats.idfOfCount(count), alternatives: [['thang', String(month)]], exact: [], source: [pair], at: i });
      return;
    }
    covered[dayAt] = true;
    const date = `${Number(tokens[dayAt]!.folded)}/${month}`;
    slots.push({ weight: 4, alternatives: [[date]], exact: [], source: [date] });
  });
  return slots;
}

/** Glossary matches, trying plain forms first and then simple singulars ("shells" -> "shell"). */
function matchGlossary(index: PassageIndex, words: readonly string[]) {
  const direct = index.glossary.matchAll(words);
  const matched = new Set(direct.flatMap((m) => Array.from({ length: m.length }, (_, k) => m.start + k)));
  const stemmed = words.map((w, i) => (matched.has(i) || w === '' ? '' : singular(w)));
  return [...direct, ...index.glossary.matchAll(stemmed)];
}

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && /(s|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  return word;
}

/** A capitalised word not at the start of the question: a name the dossier should know. */
function isProperName(text: string, token: Token): boolean {
  const first = text.charAt(token.start);
  return token.start > 0 && first !== first.toLowerCase();
}
