// Multiple-choice questions made from the dossier.
//
// A question is a sentence with one key fact blanked out (a number with its unit, an explicit
// date, a person, a place or an organisation; see quiz-facts.ts), shown with its article's title
// and date and the sentence before it. The three wrong options are facts of the same kind from
// elsewhere in the dossier: same unit, same date form, same kind of name. An option is refused
// when it could also be right (it is the same name under another spelling, or it comes from a
// sentence about the same thing) or when the question gives it away (it is in the stem, the
// context or the title). Everything is decided by the seed: the same seed, the same question.
import { fold, tokenize } from './analyzer.js';
import { citationFor } from './citation.js';
import { isConceptId, type PassageIndex } from './passage-index.js';
import { quotesBalanced } from './summary.js';
import {
  dossierSentences, foldedWords, MIN_TOPIC_RELEVANCE, optionalTopicScorer, scopeOf, topicRelevance, type DossierSentence, type TopicScorer,
} from './summary-terms.js';
import {
  datesIn, kindVotes, nameLexicon, namesIn, namesNear, numbersIn, spellingVotes, winningKind, wordsBeforeSpan, type Fact, type FactKind, type NameKind,
  type NameLexicon, type NameMention,
} from './quiz-facts.js';
import type { Citation, QueryProblem } from './types.js';

export type { Fact, FactKind } from './quiz-facts.js';

export const BLANK = '_____';
export const OPTION_COUNT = 4;
export const POINTS_PER_CORRECT_ANSWER = 1;

export interface QuizOptions {
  readonly topic?: string;
  readonly articleId?: string;
  readonly seed: number;
}

export interface QuizContext {
  /** The article's title (a fact the title names is never asked). */
  readonly title: string;
  /** The article's date (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly date: string;
  /** The sentence before the question's sentence in the same paragraph, unless it gives the answer away. */
  readonly before?: string;
}

export interface Quiz {
  readonly kind: 'quiz';
  /** Never set here: the store gives a posted question its id. */
  readonly id?: undefined;
  /** The sentence with its fact replaced by BLANK. */
  readonly stem: string;
  readonly context: QuizContext;
  /** Four options, shuffled by the seed. */
  readonly options: readonly string[];
  readonly correctIndex: number;
  /** The blanked text; equal to options[correctIndex]. */
  readonly answer: string;
  readonly answerKind: FactKind;
  readonly passageId: string;
  readonly articleId: string;
  readonly citation: Citation;
  /** The full sentence, shown with the reveal. */
  readonly explanation: string;
  readonly seed: number;
  readonly dossierVersion: string;
}

export interface QuizNone {
  readonly kind: 'none';
  readonly reason: 'unknown-article' | 'nothing-relevant' | 'no-question' | QueryProblem;
  readonly topic?: string;
  readonly articleId?: string;
}

export function makeQuiz(index: PassageIndex, opts: QuizOptions): Quiz | QuizNone {
  const scope = scopeOf(opts);
  if (opts.articleId !== undefined && !index.articlesById.has(opts.articleId)) return { kind: 'none', reason: 'unknown-article', ...scope };
  const topic = optionalTopicScorer(index, opts.topic);
  if (!topic.ok) return { kind: 'none', reason: topic.problem, ...scope };
  const scorer = topic.value;
  const pool = factPool(index);
  const inScope = pool.entries.filter((e) => (opts.articleId === undefined || e.sentence.article.id === opts.articleId)
    && (!scorer || topicRelevance(index, e.sentence, scorer) >= MIN_TOPIC_RELEVANCE));
  if (inScope.length === 0) return { kind: 'none', reason: scorer ? 'nothing-relevant' : 'no-question', ...scope };
  const random = seededRandom(opts.seed);
  const questions = inScope.flatMap((e) => e.facts.map((fact) => ({ entry: e, fact }))).filter((q) => isAskable(pool, q.entry, q.fact));
  // Kind first, then a question of that kind: otherwise the commonest kind would crowd out the rest.
  // Then the thing asked about, then one of its sentences: a name the dossier repeats in many
  // sentences would otherwise be asked about again and again.
  for (const kind of kindOrder(questions.map((q) => q.fact.kind), random)) {
    const ofKind = questions.filter((x) => x.fact.kind === kind);
    for (const identity of shuffle([...new Set(ofKind.map((q) => q.fact.identity))].sort(), random)) {
      for (const q of shuffle(ofKind.filter((x) => x.fact.identity === identity), random)) {
        const distractors = pickDistractors(pool, q.entry, q.fact, random);
        if (distractors.length === OPTION_COUNT - 1) return buildQuiz(index, q.entry, q.fact, distractors, opts.seed, random);
      }
    }
  }
  return { kind: 'none', reason: 'no-question', ...scope };
}

/** Every fact the quiz can ask about or offer as an option, with where it was found (for tests and tuning). */
export function dossierFacts(index: PassageIndex): { readonly passageId: string; readonly fact: Fact }[] {
  return factPool(index).entries.flatMap((e) => e.facts.map((fact) => ({ passageId: e.sentence.passage.id, fact })));
}

/**
 * The kinds to try, in an order drawn with weights growing as the square root of how many
 * questions each has: rare kinds still come up, without their few questions repeating.
 */
function kindOrder(kinds: readonly FactKind[], random: () => number): FactKind[] {
  const counts = new Map<FactKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const remaining = [...counts].sort(([a], [b]) => a.localeCompare(b));
  const order: FactKind[] = [];
  while (remaining.length > 0) {
    const total = remaining.reduce((sum, [, n]) => sum + Math.sqrt(n), 0);
    let pick = random() * total;
    const i = Math.max(0, remaining.findIndex(([, n]) => (pick -= Math.sqrt(n)) < 0));
    order.push(remaining.splice(i, 1)[0]![0]);
  }
  return order;
}

/** Is the choice right, and what it scores. Throws RangeError for an index that is not an option. */
export function scoreAnswer(quiz: Pick<Quiz, 'options' | 'correctIndex'>, chosenIndex: number): { correct: boolean; points: number } {
  if (!Number.isInteger(chosenIndex) || chosenIndex < 0 || chosenIndex >= quiz.options.length) {
    throw new RangeError(`hoso quiz: option ${chosenIndex} is not one of 0..${quiz.options.length - 1}`);
  }
  const correct = chosenIndex === quiz.correctIndex;
  return { correct, points: correct ? POINTS_PER_CORRECT_ANSWER : 0 };
}

// ---- the pool of facts -----------------------------------------------------------------------

interface PoolEntry {
  readonly sentence: DossierSentence;
  readonly facts: readonly Fact[];
  /** Identities of every name and fact in the sentence, for "does the stem give it away". */
  readonly identities: ReadonlySet<string>;
  /** Pairs and concepts of the sentence, for "is this sentence about the same thing". */
  readonly phrases: ReadonlySet<string>;
}

interface FactPool {
  readonly entries: readonly PoolEntry[];
  /** Group -> every fact in it, with the index of its entry. */
  readonly byGroup: ReadonlyMap<string, readonly { readonly entryIndex: number; readonly fact: Fact }[]>;
  /** Identity -> number of passages mentioning it. */
  readonly passageCount: ReadonlyMap<string, number>;
  /** Phrase -> number of sentences holding it. */
  readonly phraseCount: ReadonlyMap<string, number>;
  readonly commonAbove: number;
  readonly lexicon: NameLexicon;
  readonly index: PassageIndex;
}

const pools = new WeakMap<PassageIndex, FactPool>();

/** Every sentence's facts, with name kinds voted over the whole dossier. Built once per index. */
function factPool(index: PassageIndex): FactPool {
  const cached = pools.get(index);
  if (cached) return cached;
  const sentences = dossierSentences(index);
  const lexicon = nameLexicon(index, sentences);
  const mentions = sentences.map((s) => namesIn(index, s, lexicon));
  const votes = voteKinds(sentences, mentions, lexicon);
  const passageSets = new Map<string, Set<string>>();
  const entries = sentences.map((s, i) => {
    const { facts: dates, spans } = datesIn(s);
    const names: Fact[] = mentions[i]!.flatMap((m) => {
      const kind = winningKind(votes.get(m.identity) ?? new Map());
      if (!kind) return [];
      const start = s.sentence.tokens[m.first]!.start - s.sentence.start;
      return [{
        kind, text: m.text, span: [start, start + m.text.length] as const, identity: m.identity, group: `name:${kind}`,
        before: wordsBeforeSpan(s, start), near: namesNear(s, m, mentions[i]!),
      }];
    });
    const facts = [...names, ...numbersIn(s, spans), ...dates];
    const identities = new Set([...mentions[i]!.map((m) => m.identity), ...facts.map((f) => f.identity)]);
    for (const id of identities) passageSets.set(id, (passageSets.get(id) ?? new Set()).add(s.passage.id));
    return { sentence: s, facts, identities, phrases: phrasesOf(s) };
  });
  const pool: FactPool = {
    entries,
    byGroup: groupFacts(entries),
    passageCount: new Map([...passageSets].map(([id, set]) => [id, set.size])),
    phraseCount: countPhrases(entries),
    commonAbove: Math.max(3, 0.1 * new Set(sentences.map((s) => s.passage.id)).size),
    lexicon,
    index,
  };
  pools.set(index, pool);
  return pool;
}

/** Each name's kind votes, summed over all its mentions, plus its spellings' half vote. */
function voteKinds(sentences: readonly DossierSentence[], mentions: readonly (readonly NameMention[])[], lexicon: NameLexicon) {
  const votes = new Map<string, Map<NameKind, number>>();
  sentences.forEach((s, i) => {
    for (const m of mentions[i]!) {
      const total = votes.get(m.identity) ?? spellingVotes(m.identity, lexicon);
      for (const [kind, n] of kindVotes(s, m, mentions[i]!)) total.set(kind, (total.get(kind) ?? 0) + n);
      votes.set(m.identity, total);
    }
  });
  return votes;
}

function phrasesOf(s: DossierSentence): Set<string> {
  return new Set([...s.sentence.terms].filter((t) => t.includes('_') || isConceptId(t)));
}

function groupFacts(entries: readonly PoolEntry[]) {
  const byGroup = new Map<string, { entryIndex: number; fact: Fact }[]>();
  entries.forEach((entry, entryIndex) => {
    for (const fact of entry.facts) byGroup.set(fact.group, [...(byGroup.get(fact.group) ?? []), { entryIndex, fact }]);
  });
  return byGroup;
}

function countPhrases(entries: readonly PoolEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) for (const p of e.phrases) counts.set(p, (counts.get(p) ?? 0) + 1);
  return counts;
}

// ---- choosing --------------------------------------------------------------------------------

/** A sentence that reads on its own, and a fact neither everywhere in the dossier nor given away by the question. */
function isAskable(pool: FactPool, entry: PoolEntry, fact: Fact): boolean {
  const s = entry.sentence;
  if (s.text.length < 40 || !quotesBalanced(s.text)) return false;
  // "nhà khách chính phủ Kumsusan" is a description around a name: as an answer it stands out from every option.
  if (fact.group.startsWith('name:') && !/^\p{Lu}/u.test(fact.text)) return false;
  if (isCommon(pool, fact)) return false;
  if (entry.facts.some((f) => f !== fact && f.identity === fact.identity)) return false;
  if (givesAway(pool, s.article.title, fact)) return false;
  return true;
}

/** A name in a tenth of the dossier's passages is what the dossier is about: too easy to guess, and often fits anywhere. */
function isCommon(pool: FactPool, fact: Fact): boolean {
  return fact.group.startsWith('name:') && (pool.passageCount.get(fact.identity) ?? 0) > pool.commonAbove;
}

/** Does this text name the fact (in any spelling)? */
function givesAway(pool: FactPool, text: string, fact: Fact): boolean {
  const words = tokenize(text).map((t) => t.folded);
  if (pool.index.aliasConcepts.matchAll(words).some((m) => m.value === fact.identity)) return true;
  return ` ${words.join(' ')} `.includes(` ${foldedWords(fact.text)} `);
}

function previousEntry(pool: FactPool, entry: PoolEntry): PoolEntry | undefined {
  const s = entry.sentence;
  return pool.entries.find((e) => e.sentence.passageIndex === s.passageIndex && e.sentence.position === s.position - 1);
}

/**
 * Three facts of the same group, each a different thing from the answer and from each other,
 * none named in the question's sentence, none from a sentence about the same thing (it could be
 * right too: "Kim Jong Il visited in 2011" and "Kim Jong Il visited in 2002" are both true), and
 * for a place none named in a paragraph beside it; no name that is part of the other ("Liên Hợp
 * Quốc" is in "Hội đồng Bảo an Liên Hợp Quốc": its resolutions are the UN's too).
 * People and places share no word with each other (a "Lee" beside "Rachel Minyoung Lee" may be
 * the same person) and agree with the honorific before the blank ("bà _____" takes women). Preferred, in
 * order, for a person: the same initial case; closest in length ("Trump" beside "Peskov", full
 * names beside full names); the same names around it ("Bộ trưởng Quốc phòng Nga _____" takes
 * others named beside "Nga"); met after the same words. For anything else: the same initial
 * case; for an organisation the same head word ("Viện …" beside "Viện …", not the Kremlin); met
 * after the same words ("thành phố _____" takes cities); the same names around; closest in
 * length. So no option stands out by its form or its affiliation.
 */
function pickDistractors(pool: FactPool, entry: PoolEntry, answer: Fact, random: () => number): string[] {
  const taken = new Set([answer.identity]);
  const takenWords = new Set(nameWords(answer));
  // Places named in one paragraph are stops of one journey or contain each other ("Khasan" then
  // "Vladivostok"; "Knevichi, gần Vladivostok, vùng Primorsky"): either could fill the blank.
  const answerParagraphs = new Set(pool.entries.filter((e) => e.identities.has(answer.identity)).map((e) => e.sentence.passage.id));
  const candidates: { text: string; cue: number; affinity: number; distance: number; caseDiffers: boolean; headDiffers: boolean }[] = [];
  for (const [identity, mentions] of mentionsByIdentity(pool, answer.group)) {
    if (taken.has(identity) || entry.identities.has(identity) || isCommon(pool, mentions[0]!.fact)) continue;
    if (mentions.some((m) => aboutTheSame(pool, entry, pool.entries[m.entry]!, answer.before))) continue;
    if (answer.kind === 'place' && mentions.some((m) => answerParagraphs.has(pool.entries[m.entry]!.sentence.passage.id))) continue;
    if (partOf(nameForms(pool, answer.identity, [answer.text]), nameForms(pool, identity, mentions.map((m) => m.fact.text)))) continue;
    if (!honorificAgrees(answer, mentions.map((m) => m.fact))) continue;
    const text = closestForm(mentions.map((m) => m.fact.text), answer.text);
    const words = nameWords({ ...mentions[0]!.fact, text });
    if (words.some((w) => takenWords.has(w)) || taken.has(`text:${foldedWords(text)}`)) continue;
    taken.add(identity).add(`text:${foldedWords(text)}`);
    for (const w of words) takenWords.add(w);
    const cue = Math.max(...mentions.map((m) => sharedCue(answer.before, m.fact.before)));
    const affinity = Math.max(...mentions.map((m) => (m.fact.near ?? []).filter((n) => answer.near?.includes(n)).length));
    const caseDiffers = /^\p{Lu}/u.test(text) !== /^\p{Lu}/u.test(answer.text);
    const headDiffers = answer.kind === 'organisation' && headWord(text) !== headWord(answer.text);
    candidates.push({ text, cue, affinity, caseDiffers, headDiffers, distance: Math.abs(tokenize(text).length - tokenize(answer.text).length) });
  }
  // Best tiers first; the seed orders candidates inside a tier, so equally good ones take turns.
  const tier = (c: (typeof candidates)[number]) =>
    answer.kind === 'person'
      ? `${Number(c.caseDiffers)}:${Math.min(c.distance, 9)}:${9 - Math.min(c.affinity, 9)}:${9 - Math.min(c.cue, 9)}`
      : `${Number(c.caseDiffers)}:${Number(c.headDiffers)}:${9 - Math.min(c.cue, 9)}:${9 - Math.min(c.affinity, 9)}:${Math.min(c.distance, 9)}`;
  const tiers = new Map<string, typeof candidates>();
  for (const c of candidates.sort((a, b) => a.text.localeCompare(b.text))) tiers.set(tier(c), [...(tiers.get(tier(c)) ?? []), c]);
  const ranked = [...tiers].sort(([a], [b]) => a.localeCompare(b)).flatMap(([, group]) => shuffle(group, random));
  return ranked.slice(0, OPTION_COUNT - 1).map((c) => c.text);
}

/** Mentions of each thing in a group, things in a stable order. */
function mentionsByIdentity(pool: FactPool, group: string): [string, { entry: number; fact: Fact }[]][] {
  const byIdentity = new Map<string, { entry: number; fact: Fact }[]>();
  for (const c of pool.byGroup.get(group) ?? []) byIdentity.set(c.fact.identity, [...(byIdentity.get(c.fact.identity) ?? []), { entry: c.entryIndex, fact: c.fact }]);
  return [...byIdentity].sort(([a], [b]) => a.localeCompare(b));
}

/** Every way the dossier writes a name, as folded words: its alias spellings and its mentions. */
function nameForms(pool: FactPool, identity: string, texts: readonly string[]): string[][] {
  const spellings = (pool.lexicon.aliasForms.get(identity) ?? []).map((form) => form.map((w) => fold(w)));
  return [...spellings, ...texts.map((t) => tokenize(t).map((x) => x.folded))].filter((f) => f.length > 0);
}

/** Is some form of one name a run of words inside some form of the other? */
function partOf(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean {
  const inside = (small: readonly string[], large: readonly string[]) =>
    small.length < large.length && large.some((_, i) => small.every((w, k) => large[i + k] === w));
  return a.some((x) => b.some((y) => inside(x, y) || inside(y, x)));
}

/** The first word, lower case: an organisation's kind ("viện", "trung tâm", "đại học"). */
function headWord(text: string): string {
  return tokenize(text)[0]?.exact ?? '';
}

/**
 * The words by which two names could be the same one: a person's or a place's words. An
 * organisation shares its head word with its peers ("Viện …") by design; its spellings are told
 * apart by identity.
 */
function nameWords(fact: Fact): string[] {
  return fact.kind === 'person' || fact.kind === 'place' ? tokenize(fact.text).map((t) => t.folded) : [];
}

/** How many of the two words before the answer also come before this mention, counted from the blank. */
function sharedCue(answer: readonly string[], other: readonly string[]): number {
  let n = 0;
  while (n < answer.length && n < other.length && answer[answer.length - 1 - n] === other[other.length - 1 - n]) n += 1;
  return n;
}

/** "bà _____" takes someone the dossier calls "bà"; "ông _____" someone it never does. */
function honorificAgrees(answer: Fact, mentions: readonly Fact[]): boolean {
  const honorific = answer.before[answer.before.length - 1];
  const called = (word: string) => mentions.some((m) => m.before[m.before.length - 1] === word);
  if (honorific === 'bà') return called('bà');
  if (honorific === 'ông') return !called('bà');
  return true;
}

/**
 * Two sentences sharing two rare phrases (besides the words leading to the blank, which a good
 * distractor is welcome to share: "tại thành phố …") are about the same thing.
 */
function aboutTheSame(pool: FactPool, a: PoolEntry, b: PoolEntry, cue: readonly string[]): boolean {
  if (a === b) return true;
  const cueWords = new Set(cue.map((w) => tokenize(w)[0]?.folded ?? w));
  let shared = 0;
  for (const p of a.phrases) {
    if (!b.phrases.has(p) || (pool.phraseCount.get(p) ?? 0) > 3 || p.split('_').some((w) => cueWords.has(w))) continue;
    if (++shared >= 2) return true;
  }
  return false;
}

/**
 * Of a name's spellings in the dossier, the one closest in word count to the answer ("Trump" beside
 * "Putin"), written with the same initial case; on a tie the commonest, so a typo rarely shows.
 */
function closestForm(forms: readonly string[], answer: string): string {
  const target = tokenize(answer).length;
  const upper = (t: string) => /^\p{Lu}/u.test(t);
  const count = new Map<string, number>();
  for (const f of forms) count.set(f, (count.get(f) ?? 0) + 1);
  const score = (f: string) => Math.abs(tokenize(f).length - target) + (upper(f) === upper(answer) ? 0 : 10);
  return [...count.keys()].sort((a, b) => score(a) - score(b) || count.get(b)! - count.get(a)! || a.localeCompare(b))[0]!;
}

function buildQuiz(index: PassageIndex, entry: PoolEntry, fact: Fact, distractors: readonly string[], seed: number, random: () => number): Quiz {
  const s = entry.sentence;
  const options = shuffle([fact.text, ...distractors], random);
  const pool = factPool(index);
  const before = previousEntry(pool, entry);
  const showBefore = before && !before.identities.has(fact.identity) && !givesAway(pool, before.sentence.text, fact);
  return {
    kind: 'quiz',
    stem: `${s.text.slice(0, fact.span[0])}${BLANK}${s.text.slice(fact.span[1])}`,
    context: { title: s.article.title, date: s.article.date, ...(showBefore ? { before: before.sentence.text } : {}) },
    options,
    correctIndex: options.indexOf(fact.text),
    answer: fact.text,
    answerKind: fact.kind,
    passageId: s.passage.id,
    articleId: s.article.id,
    citation: citationFor(s.article, s.passage),
    explanation: s.text,
    seed,
    dossierVersion: index.dossier.version,
  };
}

// ---- randomness ------------------------------------------------------------------------------

/** mulberry32 over a hash of the seed: any number (negative, fractional, huge) gives a stream. */
export function seededRandom(seed: number): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashSeed(seed: number): number {
  const text = String(seed);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Fisher-Yates with the given random stream; returns a new array. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
