// Saving and loading the index: a loaded index answers exactly like a fresh one, a saved index is
// reused only for the same corpus and analyzer, and a broken index file is rebuilt, never a crash.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANALYZER_VERSION } from '../../src/core/analyzer.js';
import { answer } from '../../src/core/answer.js';
import { buildIndex, lexiconWords, type PassageIndex } from '../../src/core/passage-index.js';
import {
  deserializeIndex, INDEX_FORMAT_VERSION, readSavedHeader, serializeIndex, staleReason, type SavedIndexHeader,
} from '../../src/core/saved-index.js';
import type { Dossier } from '../../src/core/types.js';
import { openIndex, saveIndex, type IndexOutcome, type LoadedIndex } from '../../src/ingest/index-file.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { corpusDossier } from '../fixtures/dossier.js';

const CORPUS = join(PROJECT_ROOT, 'corpus');

const QUESTIONS = [
  'Vladivostok có bao nhiêu dân',
  'kim jong un di tau boc thep',
  'What fighter jets are built at the Komsomolsk-on-Amur plant?',
  'Pyongyang',
  'Moskva phủ nhận chuyển giao vũ khí',
  'Thời tiết Sài Gòn hôm nay thế nào?',
  'là và của',
];


function answersOf(index: PassageIndex): unknown[] {
  return QUESTIONS.map((q) => answer(index, q));
}

function tempDir(t: TestContext, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of the real corpus and a data folder, both temporary. */
function workspace(t: TestContext): { corpus: string; indexFile: string; data: string } {
  const root = tempDir(t, 'hoso-index-');
  const corpus = join(root, 'corpus');
  // dereference: never write through a symlinked corpus into the real one.
  cpSync(CORPUS, corpus, { recursive: true, dereference: true });
  assert.notEqual(realpathSync(corpus), realpathSync(CORPUS), 'the test works on a copy of the corpus');
  const data = join(root, 'data');
  return { corpus, data, indexFile: join(data, 'index.bin') };
}

/** Edit a saved index as text (latin1 maps each byte to one character and back). */
function edited(saved: Buffer, edit: (text: string) => string): Buffer {
  return Buffer.from(edit(saved.toString('latin1')), 'latin1');
}

function opened(outcome: IndexOutcome): LoadedIndex {
  assert.ok(outcome.ok, outcome.ok ? '' : JSON.stringify(outcome.problems));
  return outcome.value;
}

const reasonOf = (loaded: LoadedIndex): string | undefined => (loaded.source.reused ? undefined : loaded.source.reason);

// ---- serialize / deserialize -------------------------------------------------------------------------

test('GIVEN an index WHEN serialized and deserialized THEN the loaded index gives exactly the same answers', () => {
  const dossier = corpusDossier();
  const fresh = buildIndex(dossier);
  const loaded = deserializeIndex(serializeIndex(fresh), dossier);
  assert.deepEqual(answersOf(loaded), answersOf(fresh));
  assert.deepEqual([...loaded.documentFrequency].sort(), [...fresh.documentFrequency].sort());
  assert.equal(loaded.search.documentCount, fresh.search.documentCount);
});

test('GIVEN a deserialized index WHEN serialized and loaded again THEN it still answers the same (the round trip is stable)', () => {
  const dossier = corpusDossier();
  const fresh = buildIndex(dossier);
  const saved = serializeIndex(fresh);
  const again = serializeIndex(deserializeIndex(saved, dossier));
  assert.ok(again.equals(saved), 'the same bytes');
  assert.deepEqual(answersOf(deserializeIndex(again, dossier)), answersOf(fresh));
});

test('GIVEN a saved index WHEN loaded THEN the lexicon matchers come from its saved phrase words, the same as splitting the lexicon again', () => {
  const dossier = corpusDossier();
  const loaded = deserializeIndex(serializeIndex(buildIndex(dossier)), dossier);
  assert.deepEqual(loaded.lexicon, lexiconWords(dossier));
});

test('GIVEN saved phrase words that do not fit the dossier\'s lexicon (a glossary entry more) WHEN loaded THEN it is unreadable, so the caller rebuilds', () => {
  const dossier = corpusDossier();
  const saved = serializeIndex(buildIndex(dossier));
  const fewer: Dossier = { ...dossier, glossary: dossier.glossary.slice(1) };
  assert.throws(() => deserializeIndex(saved, fewer), /unreadable: bad section lexicon\.json/);
});

test('GIVEN a serialized index WHEN its header is read THEN it names the format and its version, analyzer version, dossier version and passage count', () => {
  const dossier = corpusDossier();
  const header = readSavedHeader(serializeIndex(buildIndex(dossier)));
  assert.ok(header);
  const { format, formatVersion, analyzerVersion, dossierVersion, passages } = header;
  assert.deepEqual(
    { format, formatVersion, analyzerVersion, dossierVersion, passages },
    { format: 'hoso-index', formatVersion: INDEX_FORMAT_VERSION, analyzerVersion: ANALYZER_VERSION, dossierVersion: dossier.version, passages: dossier.passages.length },
  );
  assert.equal(staleReason(header, dossier), undefined);
});

test('GIVEN an index saved in format 1 (MiniSearch JSON, no format version) WHEN checked THEN it is stale, naming the format', () => {
  const dossier = corpusDossier();
  const old = Buffer.from(`{"format":"hoso-index","analyzerVersion":${ANALYZER_VERSION},"dossierVersion":"${dossier.version}","passages":${dossier.passages.length}}\n{"documentCount":95}\n[]\n[]\n`);
  const header = readSavedHeader(old);
  assert.ok(header, 'still recognised as a hoso index');
  assert.equal(staleReason(header, dossier), `index format 1, expected ${INDEX_FORMAT_VERSION}`);
  assert.throws(() => deserializeIndex(old, dossier), /stale: index format 1/);
});

// ---- staleReason -------------------------------------------------------------------------------------

function header(dossier: Dossier, change: Partial<SavedIndexHeader> = {}): SavedIndexHeader {
  return { format: 'hoso-index', formatVersion: INDEX_FORMAT_VERSION, analyzerVersion: ANALYZER_VERSION, dossierVersion: dossier.version, passages: dossier.passages.length, ...change };
}

test('GIVEN a header for another dossier version WHEN checked THEN the reason names both versions', () => {
  const dossier = corpusDossier();
  const reason = staleReason(header(dossier, { dossierVersion: 'aaaaaaaaaaaa' }), dossier);
  assert.ok(reason);
  assert.match(reason, /dossier/);
  assert.ok(reason.includes('aaaaaaaaaaaa') && reason.includes(dossier.version), reason);
});

test('GIVEN a header from another analyzer version WHEN checked THEN the reason names the analyzer versions', () => {
  const dossier = corpusDossier();
  const reason = staleReason(header(dossier, { analyzerVersion: ANALYZER_VERSION + 1 }), dossier);
  assert.ok(reason);
  assert.match(reason, /analyzer/);
  assert.ok(reason.includes(String(ANALYZER_VERSION + 1)) && reason.includes(String(ANALYZER_VERSION)), reason);
});

test('GIVEN a header with another passage count WHEN checked THEN it is stale', () => {
  const dossier = corpusDossier();
  assert.match(staleReason(header(dossier, { passages: dossier.passages.length + 1 }), dossier) ?? '', /passage/);
});

test('GIVEN no header (not a hoso index) WHEN checked THEN it is stale', () => {
  const dossier = corpusDossier();
  assert.ok(staleReason(undefined, dossier));
  assert.equal(readSavedHeader(Buffer.from('{"format":"something-else"}\n{}\n[]\n')), undefined);
  assert.equal(readSavedHeader(Buffer.from('garbage')), undefined);
  assert.equal(readSavedHeader(Buffer.from('[1,2]\n')), undefined);
  assert.equal(readSavedHeader(Buffer.alloc(0)), undefined);
});

test('GIVEN a saved index and a changed dossier WHEN deserialized THEN it throws a "stale" error instead of answering wrongly', () => {
  const dossier = corpusDossier();
  const saved = serializeIndex(buildIndex(dossier));
  const changed: Dossier = { ...dossier, version: 'bbbbbbbbbbbb' };
  assert.throws(() => deserializeIndex(saved, changed), /stale/);
  const analyzerBumped = edited(saved, (text) => text.replace(`"analyzerVersion":${ANALYZER_VERSION}`, `"analyzerVersion":${ANALYZER_VERSION - 1}`));
  assert.ok(!analyzerBumped.equals(saved));
  assert.throws(() => deserializeIndex(analyzerBumped, dossier), /analyzer/);
});

// ---- openIndex with an index file ------------------------------------------------------------------------

test('GIVEN no saved index WHEN opened twice THEN the first call rebuilds ("no saved index") and the second reuses it', (t) => {
  const { corpus, indexFile } = workspace(t);
  const first = opened(openIndex(corpus, indexFile));
  assert.deepEqual(first.source, { reused: false, reason: 'no saved index' });
  assert.deepEqual(first.problems, []);
  assert.ok(existsSync(indexFile), 'the rebuilt index is saved (the data folder is created)');
  const second = opened(openIndex(corpus, indexFile));
  assert.deepEqual(second.source, { reused: true });
  assert.deepEqual(answersOf(second.index), answersOf(first.index));
});

test('GIVEN a saved index WHEN a corpus article changes THEN the next open rebuilds it and the one after reuses it', (t) => {
  const { corpus, indexFile } = workspace(t);
  opened(openIndex(corpus, indexFile));
  const before = readFileSync(indexFile);
  appendFileSync(join(corpus, '2024-06-putin-tham-binh-nhuong.md'), '\nMột đoạn mới về chuyến thăm của tàu ngầm Kursk-99 trong hồ sơ.\n');
  const rebuilt = opened(openIndex(corpus, indexFile));
  assert.equal(rebuilt.source.reused, false);
  assert.match(reasonOf(rebuilt) ?? '', /dossier/);
  assert.ok(!readFileSync(indexFile).equals(before), 'the new index is saved');
  const reply = answer(rebuilt.index, 'tàu ngầm Kursk-99');
  assert.ok(reply.ok && reply.value.kind === 'found' && reply.value.results[0]?.excerpt.includes('Kursk-99'), 'the new paragraph is searchable');
  assert.deepEqual(opened(openIndex(corpus, indexFile)).source, { reused: true });
});

test('GIVEN a saved index WHEN aliases.yaml changes THEN the next open rebuilds it', (t) => {
  const { corpus, indexFile } = workspace(t);
  opened(openIndex(corpus, indexFile));
  appendFileSync(join(corpus, 'aliases.yaml'), '\n- [Komsomolsk-on-Amur, Komsomolsk na Amure]\n');
  const again = opened(openIndex(corpus, indexFile));
  assert.equal(again.source.reused, false);
});

test('GIVEN a saved index built by another analyzer version WHEN opened THEN it is rebuilt', (t) => {
  const { corpus, indexFile } = workspace(t);
  opened(openIndex(corpus, indexFile));
  writeFileSync(indexFile, edited(readFileSync(indexFile), (text) => text.replace(`"analyzerVersion":${ANALYZER_VERSION}`, '"analyzerVersion":0')));
  const again = opened(openIndex(corpus, indexFile));
  assert.equal(again.source.reused, false);
  assert.match(reasonOf(again) ?? '', /analyzer/);
  assert.deepEqual(opened(openIndex(corpus, indexFile)).source, { reused: true }, 'the rebuilt index was saved with the current version');
});

test('GIVEN an index file saved by an older hoso (format 1, MiniSearch JSON) WHEN opened THEN it is rebuilt as stale, naming the format, and the new one is reused', (t) => {
  const { corpus, indexFile } = workspace(t);
  const first = opened(openIndex(corpus, indexFile));
  const dossier = first.index.dossier;
  const header = { format: 'hoso-index', analyzerVersion: ANALYZER_VERSION, dossierVersion: dossier.version, passages: dossier.passages.length };
  writeFileSync(indexFile, `${JSON.stringify(header)}\n{"documentCount":${dossier.passages.length},"nextId":0}\n[["kim",3]]\n["kim"]\n`);
  const again = opened(openIndex(corpus, indexFile));
  assert.deepEqual(again.source, { reused: false, reason: `index format 1, expected ${INDEX_FORMAT_VERSION}` });
  assert.deepEqual(answersOf(again.index), answersOf(first.index));
  assert.deepEqual(opened(openIndex(corpus, indexFile)).source, { reused: true });
});

const headerLength = (saved: Buffer) => saved.indexOf(0x0a) + 1;
/** The saved index with one body byte (past the header) changed. */
function flipped(saved: Buffer, at: number): Buffer {
  const copy = Buffer.from(saved);
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}

for (const [label, corrupt, reason] of [
  ['garbage text', (_saved: Buffer) => Buffer.from('this is not an index\n\u0000\u0001'), /not a hoso index/],
  ['an empty file', (_saved: Buffer) => Buffer.alloc(0), /not a hoso index/],
  ['binary bytes', (_saved: Buffer) => Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0a, 0x80]), /not a hoso index/],
  ['a good header and a truncated body', (saved: Buffer) => saved.subarray(0, Math.floor(saved.length / 2)), /cut short/],
  ['a good header and nothing after it', (saved: Buffer) => saved.subarray(0, headerLength(saved)), /cut short/],
  ['a good header and one byte of the body damaged', (saved: Buffer) => flipped(saved, saved.length - 3), /checksum/],
  ['a good header and bytes past the end', (saved: Buffer) => Buffer.concat([saved, Buffer.from('more')]), /past the announced end/],
  ['a good header and a section missing from its table', (saved: Buffer) => edited(saved, (text) => text.replace('"folded.docs"', '"folded.dogs"')), /folded\.docs \(missing\)/],
  ['a header whose section table is gone', (saved: Buffer) => edited(saved, (text) => text.replace('"body":', '"bodx":')), /no section table/],
] as const) {
  test(`GIVEN an index file with ${label} WHEN opened THEN it is rebuilt (saying why), not a crash, and answers like a fresh index`, (t) => {
    const { corpus, indexFile } = workspace(t);
    const first = opened(openIndex(corpus, indexFile));
    writeFileSync(indexFile, corrupt(readFileSync(indexFile)));
    let again: LoadedIndex | undefined;
    assert.doesNotThrow(() => {
      again = opened(openIndex(corpus, indexFile));
    });
    assert.ok(again);
    assert.equal(again.source.reused, false);
    assert.match(reasonOf(again) ?? '', reason);
    assert.deepEqual(answersOf(again.index), answersOf(first.index));
    assert.deepEqual(opened(openIndex(corpus, indexFile)).source, { reused: true }, 'a good index replaced the corrupt one');
  });
}

test('GIVEN no index file configured WHEN opened THEN it builds in memory and says so', (t) => {
  const { corpus, data } = workspace(t);
  const loaded = opened(openIndex(corpus, undefined));
  assert.deepEqual(loaded.source, { reused: false, reason: 'no index file configured' });
  assert.ok(!existsSync(data), 'nothing is written');
});

test('GIVEN a corpus with no loadable article WHEN opened THEN it fails with problems, writes no index and does not throw', (t) => {
  const root = tempDir(t, 'hoso-empty-');
  const corpus = join(root, 'corpus');
  cpSync(join(CORPUS, 'aliases.yaml'), join(corpus, 'aliases.yaml'));
  writeFileSync(join(corpus, 'broken.md'), 'no front matter\n');
  const indexFile = join(root, 'data', 'index.bin');
  const outcome = openIndex(corpus, indexFile);
  assert.equal(outcome.ok, false);
  if (!outcome.ok) {
    assert.ok(outcome.problems.some((p) => p.file === 'broken.md'));
    assert.ok(outcome.problems.some((p) => /no article/.test(p.problem)));
  }
  assert.ok(!existsSync(indexFile));
});

test('GIVEN a corpus with one bad file beside good ones WHEN opened THEN it opens and passes the problem on', (t) => {
  const { corpus, indexFile } = workspace(t);
  writeFileSync(join(corpus, 'zz-broken.md'), 'no front matter\n');
  const loaded = opened(openIndex(corpus, indexFile));
  assert.deepEqual(loaded.problems.map((p) => p.file), ['zz-broken.md']);
  assert.equal(loaded.index.dossier.articles.length, 5);
});

test('GIVEN saveIndex WHEN it writes THEN the file is complete and no temp file is left behind', (t) => {
  const dir = tempDir(t, 'hoso-save-');
  const index = buildIndex(corpusDossier());
  const file = join(dir, 'nested', 'deeper', 'index.bin');
  saveIndex(index, file);
  saveIndex(index, file);
  assert.ok(readFileSync(file).equals(serializeIndex(index)));
  assert.deepEqual(readdirSync(join(dir, 'nested', 'deeper')), ['index.bin']);
});

test('GIVEN an old JSON index.json from an earlier hoso beside the data folder WHEN the new index is saved THEN the old file is removed; a foreign index.json is left alone', (t) => {
  const dir = tempDir(t, 'hoso-legacy-');
  const dossier = corpusDossier();
  const index = buildIndex(dossier);
  const header = { format: 'hoso-index', analyzerVersion: ANALYZER_VERSION, dossierVersion: dossier.version, passages: dossier.passages.length };
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(header)}\n{}\n[]\n[]\n`);
  saveIndex(index, join(dir, 'index.bin'));
  assert.deepEqual(readdirSync(dir), ['index.bin']);
  writeFileSync(join(dir, 'index.json'), '{"someone":"else"}\n');
  saveIndex(index, join(dir, 'index.bin'));
  assert.deepEqual(readdirSync(dir).sort(), ['index.bin', 'index.json']);
});
