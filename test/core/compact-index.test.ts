// The compact index against its reference: MiniSearch 7 built on the same documents with the
// same options must return the same passages, in the same order, with the same scores, for every
// search /ask makes on the eval questions, and for random queries over random documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch, { type Options, type Query, type SearchOptions } from 'minisearch';
import { answer, DEFAULT_PARAMS, searchPassages, type RankingParams } from '../../src/core/answer.js';
import { CompactIndexBuilder } from '../../src/core/compact-index-builder.js';
import { CompactIndex } from '../../src/core/compact-index.js';
import type { CompactQuery, CompactSearchOptions, SearchHit } from '../../src/core/compact-search.js';
import { buildIndex, indexDocuments, SEARCH_FIELDS, termFrequency, type IndexDocument, type PassageIndex } from '../../src/core/passage-index.js';
import { deserializeIndex, serializeIndex } from '../../src/core/saved-index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { corpusDossier } from '../fixtures/dossier.js';

const QUESTION_FILES = [join(PROJECT_ROOT, 'eval', 'questions.jsonl'), join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev.jsonl')];
const RELATIVE_TOLERANCE = 1e-9;

/** MiniSearch configured as the compact index behaves: fields of space-separated, pre-analysed terms. */
function referenceOptions<T>(fields: readonly string[]): Options<T> {
  const split = (text: string) => (text === '' ? [] : text.split(' '));
  return { fields: [...fields], idField: 'id', tokenize: split, processTerm: (term) => term, searchOptions: { tokenize: split, processTerm: (term) => term } };
}


function questionsOf(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { q: string }).q);
}

/** The same index, recording every search made on it. */
function recording(index: PassageIndex, calls: [CompactQuery, CompactSearchOptions][]): PassageIndex {
  class Recording extends CompactIndex {
    override search(query: CompactQuery, options: CompactSearchOptions = {}): SearchHit[] {
      calls.push([query, options]);
      return super.search(query, options);
    }
  }
  return { ...index, search: new Recording(index.search.fieldNames, index.search.fields, index.search.documentCount) };
}

function assertSameHits(ours: readonly SearchHit[], reference: readonly { id: unknown; score: number }[], what: string): void {
  assert.deepEqual(ours.map((h) => h.id), reference.map((h) => h.id), `${what}: same passages in the same order`);
  ours.forEach((hit, i) => {
    const expected = reference[i]!.score;
    assert.ok(Math.abs(hit.score - expected) <= RELATIVE_TOLERANCE * Math.abs(expected), `${what}: score of ${hit.id} ${hit.score} vs ${expected}`);
  });
}

const PARAM_VARIANTS: readonly [string, RankingParams][] = [
  ['default parameters', DEFAULT_PARAMS],
  ['boosts of 0 (MiniSearch reads a field boost of 0 as 1, and skips a document boost of 0)', { ...DEFAULT_PARAMS, contextBoost: 0, captionBoost: 0 }],
  ['other BM25 parameters and more candidates', { ...DEFAULT_PARAMS, bm25: { k: 2, b: 0.3, d: 1 }, candidates: 40, candidateTermShare: 0.5 }],
];

test('GIVEN the shipped dossier WHEN every eval question is asked THEN each search returns what MiniSearch returns on the same documents (ids, order, scores to 1e-9)', (t) => {
  const dossier = corpusDossier();
  const index = buildIndex(dossier);
  const reference = new MiniSearch<IndexDocument>(referenceOptions(SEARCH_FIELDS));
  reference.addAll(indexDocuments(dossier));
  const files = QUESTION_FILES.filter((file) => existsSync(file));
  if (files.length < QUESTION_FILES.length) t.diagnostic(`missing question files: ${QUESTION_FILES.filter((f) => !files.includes(f)).join(', ')}`);
  assert.ok(files.includes(QUESTION_FILES[0]!));
  const calls: [CompactQuery, CompactSearchOptions][] = [];
  const spied = recording(index, calls);
  const articles = dossier.articles.map((a) => a.id);
  for (const question of files.flatMap(questionsOf)) {
    for (const [, params] of PARAM_VARIANTS) {
      answer(spied, question, { params });
      searchPassages(spied, question, { params, articleId: articles[question.length % articles.length]! });
    }
  }
  assert.ok(calls.length > 400, `searches made: ${calls.length}`);
  let exact = 0;
  for (const [query, options] of calls) {
    const ours = index.search.search(query, options);
    const theirs = reference.search(query as Query, options as SearchOptions);
    assertSameHits(ours, theirs, JSON.stringify(query));
    if (ours.every((hit, i) => hit.score === theirs[i]!.score)) exact += 1;
  }
  t.diagnostic(`${calls.length} searches compared, ${exact} equal to the last bit`);
});

test('GIVEN the shipped dossier WHEN term counts are read THEN they are the number of documents holding the term, and documentFrequency is that of the folded syllables in first-use order', () => {
  const dossier = corpusDossier();
  const index = buildIndex(dossier);
  const documents = indexDocuments(dossier);
  for (const field of SEARCH_FIELDS) {
    const counts = new Map<string, number>();
    for (const doc of documents) for (const term of new Set(doc[field].split(' '))) if (term !== '') counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) assert.equal(termFrequency(index, term, field), count, `${field} ${term}`);
    assert.equal(index.search.field(field)!.terms.size, counts.size, `${field}: every term and no other`);
  }
  assert.equal(termFrequency(index, 'khong-co-tu-nay', 'folded'), 0);
  const syllables = new Map<string, number>();
  for (const doc of documents) for (const s of new Set(doc.folded.split(' '))) if (!s.includes('_') && s !== '') syllables.set(s, (syllables.get(s) ?? 0) + 1);
  assert.deepEqual([...index.documentFrequency], [...syllables]);
  assert.equal(index.documentFrequency.get('tau_boc'), undefined, 'pairs are not syllables');
  const loaded = deserializeIndex(serializeIndex(index), dossier);
  assert.deepEqual([...loaded.documentFrequency], [...syllables], 'the same after a round trip');
  assert.deepEqual([...loaded.exactVocabulary].sort(), [...index.exactVocabulary].sort());
});

// ---- random documents and queries ---------------------------------------------------------------

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = ['a', 'b', 'c'] as const;
const WORDS = ['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi', 'tau_boc', 'hạt', 'đ', '2019', 'c1', 'x'];

function randomDocuments(next: () => number, count: number): Record<string, string | number>[] {
  const pick = () => WORDS[Math.floor(next() ** 2 * WORDS.length)]!;
  return Array.from({ length: count }, (_, id) => ({
    id,
    a: Array.from({ length: Math.floor(next() * 30) }, pick).join(' '),
    b: next() < 0.4 ? '' : Array.from({ length: 1 + Math.floor(next() * 3) }, pick).join(' '),
    c: Array.from({ length: Math.floor(next() * 6) }, pick).join(' '),
  }));
}

function randomQuery(next: () => number, depth = 0): Query {
  const words = () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' ');
  const queries: Query[] = Array.from({ length: 1 + Math.floor(next() * 3) }, () => (depth < 2 && next() < 0.4 ? randomQuery(next, depth + 1) : words()));
  const query: { queries: Query[] } & SearchOptions = { queries };
  if (next() < 0.5) query.fields = FIELDS.filter(() => next() < 0.6);
  if (next() < 0.5) query.boost = { [FIELDS[Math.floor(next() * 3)]!]: Math.floor(next() * 4) * 0.5 };
  if (next() < 0.4) query.boostTerm = (term) => (term.length % 3) + 0.25;
  return query;
}

test('GIVEN the shipped dossier WHEN asked whether a document holds a term THEN the answer is its indexed document\'s, for every term of every field and a sample of documents without it', () => {
  const dossier = corpusDossier();
  const index = buildIndex(dossier);
  const documents = indexDocuments(dossier);
  for (const field of SEARCH_FIELDS) {
    const all = new Set(documents.flatMap((doc) => doc[field].split(' ').filter((t) => t !== '')));
    documents.forEach((doc, id) => {
      const own = new Set(doc[field].split(' ').filter((t) => t !== ''));
      for (const term of own) assert.ok(index.search.holds(term, field, id), `${field} ${id} ${term}`);
      let checked = 0;
      for (const term of all) {
        if (own.has(term)) continue;
        assert.ok(!index.search.holds(term, field, id), `${field} ${id} lacks ${term}`);
        if (++checked >= 40) break;
      }
    });
  }
  assert.ok(!index.search.holds('khong-co-tu-nay', 'folded', 0));
  assert.ok(!index.search.holds('nga', 'no-such-field', 0));
});

test('GIVEN random documents WHEN random nested OR queries with fields, boosts, term and document boosts and a filter are searched THEN the results are MiniSearch\'s', () => {
  const next = random(20261125);
  let hits = 0;
  for (let round = 0; round < 20; round++) {
    const documents = randomDocuments(next, 5 + Math.floor(next() * 60));
    const reference = new MiniSearch(referenceOptions<Record<string, string | number>>(FIELDS));
    reference.addAll(documents);
    const builder = new CompactIndexBuilder(FIELDS);
    for (const doc of documents) builder.add(doc.id as number, FIELDS.map((f) => doc[f] as string));
    const ours = builder.finish();
    for (let q = 0; q < 25; q++) {
      const query = next() < 0.2 ? 'mot hai  ba' : randomQuery(next);
      const options: SearchOptions = { bm25: { k: 1 + next(), b: next(), d: next() } };
      if (next() < 0.5) options.boostDocument = (id: number, term: string) => (id % 5 === 0 ? 0 : 1 + (id % 3) + term.length / 10);
      if (next() < 0.3) options.filter = (result) => (result.id as number) % 2 === 0;
      const expected = reference.search(query, options);
      assertSameHits(ours.search(query, options), expected, `round ${round} query ${JSON.stringify(query)}`);
      hits += expected.length;
    }
  }
  assert.ok(hits > 2000, `hits compared: ${hits}`);
});

test('GIVEN a search MiniSearch would run differently (prefix, fuzzy, AND, wildcard, own tokenizer) WHEN asked of the compact index THEN it refuses rather than answer otherwise', () => {
  const builder = new CompactIndexBuilder(FIELDS);
  builder.add(0, ['mot hai', '', 'ba']);
  const index = builder.finish();
  assert.throws(() => index.search('mot', { prefix: true } as CompactSearchOptions), /prefix/);
  assert.throws(() => index.search({ queries: ['mot'], fuzzy: 0.2 } as CompactQuery), /fuzzy/);
  assert.throws(() => index.search({ queries: ['mot', 'hai'], combineWith: 'AND' }), /AND/);
  assert.throws(() => index.search(MiniSearch.wildcard), /wildcard/);
  assert.throws(() => index.search('mot', { tokenize: (s: string) => [s] } as CompactSearchOptions), /tokenize/);
  assert.deepEqual(index.search('mot', { prefix: false, fuzzy: false } as CompactSearchOptions).map((h) => h.id), [0]);
  assert.throws(() => builder.add(5, ['', '', '']), /ids must be/);
});
