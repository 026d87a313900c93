// The ask CLI's contract, as other tools see it: the JSON shapes, one object per --jsonl line
// whatever the line, exit codes, usage on stderr and never a stack trace.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';

const ASK = join(PROJECT_ROOT, 'dist', 'scripts', 'ask.js');
const RESULT_KEYS = ['articleId', 'passageId', 'paragraph', 'title', 'date', 'excerpt', 'passage', 'score', 'citation'].sort();
const TIMEOUT_MS = 60_000;

function dataDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function run(t: TestContext, args: readonly string[], input = '', options: { data?: string; script?: string } = {}): SpawnSyncReturns<string> {
  const data = options.data ?? dataDir(t);
  const result = spawnSync(process.execPath, [options.script ?? ASK, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: data, NODE_OPTIONS: '' },
    input,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(result.error, undefined, `the CLI ran (${result.error?.message ?? ''})`);
  assert.equal(result.signal, null, 'the CLI ended by itself, in time');
  return result;
}

interface JsonResult {
  articleId: string;
  passageId: string;
  paragraph: number;
  title: string;
  date: string;
  excerpt: string;
  passage: string;
  score: number;
  citation: string;
}

interface JsonReply {
  query: string;
  answered: boolean;
  results: JsonResult[];
  error?: { code: string; message: string };
  suggestions?: string[];
}

/** stdout must be exactly one JSON object on one line. */
function oneJson(stdout: string): JsonReply {
  const lines = stdout.split('\n');
  assert.equal(lines.at(-1), '', 'output ends with a newline');
  assert.equal(lines.length, 2, `exactly one line of output, got:\n${stdout.slice(0, 500)}`);
  const value: unknown = JSON.parse(lines[0]!);
  assert.ok(value && typeof value === 'object' && !Array.isArray(value), 'a JSON object');
  return value as JsonReply;
}

function assertReplyShape(reply: JsonReply): void {
  assert.equal(typeof reply.query, 'string');
  assert.equal(typeof reply.answered, 'boolean');
  assert.ok(Array.isArray(reply.results));
  assert.ok(reply.results.length <= 5, `at most 5 results, got ${reply.results.length}`);
  for (const key of Object.keys(reply)) assert.ok(['query', 'answered', 'results', 'error', 'suggestions'].includes(key), `unexpected key ${key}`);
  assert.equal(reply.answered, reply.results.length > 0);
  for (const r of reply.results) {
    assert.deepEqual(Object.keys(r).sort(), RESULT_KEYS);
    for (const key of ['articleId', 'passageId', 'title', 'date', 'excerpt', 'passage', 'citation'] as const) {
      assert.equal(typeof r[key], 'string', key);
      assert.ok(r[key].length > 0, key);
    }
    assert.ok(Number.isInteger(r.paragraph) && r.paragraph >= 0);
    assert.equal(typeof r.score, 'number');
    assert.ok(r.passageId.startsWith(`${r.articleId}#`));
    assert.ok(r.passage.includes(r.excerpt));
    assert.ok(r.citation.includes(r.title), 'the citation names the title');
  }
}

function assertNoStackTrace(output: string): void {
  assert.doesNotMatch(output, /^\s+at .+[:(]/m, 'no stack trace');
  assert.doesNotMatch(output, /node:internal|TypeError|ReferenceError|SyntaxError/);
}

// ---- --json ----------------------------------------------------------------------------------------

test('GIVEN --json and an answerable question WHEN run THEN it prints exactly one JSON object with the contract\'s keys and exits 0', (t) => {
  const data = dataDir(t);
  const r = run(t, ['--json', 'Vladivostok có bao nhiêu dân'], '', { data });
  assert.equal(r.status, 0, r.stderr);
  const reply = oneJson(r.stdout);
  assert.deepEqual(Object.keys(reply).sort(), ['answered', 'query', 'results']);
  assertReplyShape(reply);
  assert.equal(reply.query, 'Vladivostok có bao nhiêu dân');
  assert.equal(reply.answered, true);
  assert.ok(reply.results.length >= 1 && reply.results.length <= 5);
  const [top] = reply.results;
  assert.ok(top);
  assert.match(top.excerpt, /nửa triệu/);
  assert.equal(top.passageId, '2019-04-thuong-dinh-putin-kim-vladivostok#11');
  assert.equal(top.paragraph, 11);
  assert.equal(top.date, '2019-04');
  assert.match(top.citation, /tháng 4\/2019/);
  assert.match(top.citation, /đoạn 11\/11/);
  assert.ok(existsSync(join(data, 'index.bin')), 'the index is saved under DATA_DIR');
  assertNoStackTrace(r.stderr);
});

test('GIVEN --json placed after the question WHEN run THEN it is still JSON', (t) => {
  const r = run(t, ['Vladivostok có bao nhiêu dân', '--json']);
  assert.equal(r.status, 0);
  assert.equal(oneJson(r.stdout).answered, true);
});

test('GIVEN --json and an off-topic question WHEN run THEN answered is false, results empty, suggestions listed, exit 0', (t) => {
  const r = run(t, ['--json', 'Thời tiết Sài Gòn hôm nay thế nào?']);
  assert.equal(r.status, 0);
  const reply = oneJson(r.stdout);
  assertReplyShape(reply);
  assert.equal(reply.answered, false);
  assert.deepEqual(reply.results, []);
  assert.equal(reply.suggestions?.length, 5);
  assert.equal(reply.error, undefined);
});

for (const [label, question, code] of [
  ['emoji', '😀🚂', 'no-searchable-terms'],
  ['Cyrillic', 'Ким Чен Ын приехал в Россию?', 'unsupported-script'],
  ['stop words', 'là và của', 'no-searchable-terms'],
  ['10,000 characters', 'Kim '.repeat(2500), 'too-long'],
  ['a control character', 'Kim\u0001Jong', 'control-characters'],
] as const) {
  test(`GIVEN --json and a bad question (${label}) WHEN run THEN it prints one JSON object with error code "${code}" and exits 2`, (t) => {
    const r = run(t, ['--json', question]);
    assert.equal(r.status, 2);
    const reply = oneJson(r.stdout);
    assertReplyShape(reply);
    assert.equal(reply.answered, false);
    assert.deepEqual(reply.results, []);
    assert.equal(reply.error?.code, code);
    assert.ok((reply.error?.message ?? '').length > 0);
    assertNoStackTrace(r.stderr);
  });
}

// ---- --jsonl -----------------------------------------------------------------------------------------

test('GIVEN --jsonl and lines including bad ones WHEN run THEN it prints one JSON object per input line, in order, and exits 0', (t) => {
  const lines = [
    'Vladivostok có bao nhiêu dân',
    '',
    '😀😀',
    'Ким Чен Ын приехал в Россию?',
    'x'.repeat(10_000),
    'Kim\u0001Jong-un\u0007',
    '   ',
    'What fighter jets are built at the Komsomolsk-on-Amur plant?',
    'là và của',
    'Thời tiết Sài Gòn hôm nay thế nào?',
    '?!?!',
  ];
  const r = run(t, ['--jsonl'], `${lines.join('\n')}\n`);
  assert.equal(r.status, 0, r.stderr);
  assertNoStackTrace(r.stderr);
  const out = r.stdout.split('\n');
  assert.equal(out.pop(), '', 'output ends with a newline');
  assert.equal(out.length, lines.length, 'one output line per input line');
  const replies = out.map((l) => JSON.parse(l) as JsonReply);
  replies.forEach((reply, i) => {
    assertReplyShape(reply);
    if (lines[i]!.trim() !== '' && !lines[i]!.includes('\u0001')) assert.equal(reply.query.trim(), lines[i]!.trim(), `line ${i + 1} is echoed`);
  });
  assert.equal(replies[0]!.answered, true);
  assert.ok(replies[0]!.results.some((x) => x.excerpt.includes('nửa triệu')));
  assert.deepEqual(replies.map((x) => x.error?.code), [
    undefined, 'empty', 'no-searchable-terms', 'unsupported-script', 'too-long', 'control-characters', 'empty',
    undefined, 'no-searchable-terms', undefined, 'no-searchable-terms',
  ]);
  assert.equal(replies[7]!.answered, true);
  assert.ok(replies[7]!.results.slice(0, 3).some((x) => x.excerpt.includes('Su-35')));
  assert.equal(replies[9]!.answered, false);
  assert.equal(replies[9]!.suggestions?.length, 5);
});

test('GIVEN --jsonl with CRLF line ends and no final newline WHEN run THEN every line is answered without a stray \\r', (t) => {
  const r = run(t, ['--jsonl'], 'Vladivostok có bao nhiêu dân\r\nkim jong un di tau boc thep');
  assert.equal(r.status, 0);
  const replies = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonReply);
  assert.equal(replies.length, 2);
  assert.deepEqual(replies.map((x) => x.query), ['Vladivostok có bao nhiêu dân', 'kim jong un di tau boc thep']);
  assert.ok(replies.every((x) => x.answered));
});

test('GIVEN --jsonl and empty input WHEN run THEN it prints nothing and exits 0', (t) => {
  const r = run(t, ['--jsonl'], '');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '');
});

test('GIVEN --jsonl and a question argument WHEN run THEN it exits 2 with usage on stderr', (t) => {
  const r = run(t, ['--jsonl', 'Vladivostok']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /usage/);
  assertNoStackTrace(r.stderr);
});

// ---- usage errors ------------------------------------------------------------------------------------

test('GIVEN no argument WHEN run THEN it exits 2 with usage on stderr, nothing on stdout and no stack trace', (t) => {
  const r = run(t, []);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /usage/);
  assertNoStackTrace(r.stderr);
});

test('GIVEN only --json and a blank question WHEN run THEN it exits 2 with usage', (t) => {
  for (const args of [['--json'], ['--json', '   ']]) {
    const r = run(t, args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /usage/);
    assertNoStackTrace(r.stderr);
  }
});

test('GIVEN an unknown option WHEN run THEN it exits 2, names the option and shows usage', (t) => {
  const r = run(t, ['--frobnicate', 'Vladivostok']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /--frobnicate/);
  assert.match(r.stderr, /usage/);
  assertNoStackTrace(r.stderr);
});

test('GIVEN --help WHEN run THEN it prints usage and exits 0', (t) => {
  const r = run(t, ['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /usage/);
});

// ---- readable mode -----------------------------------------------------------------------------------

test('GIVEN a question without options WHEN run THEN it prints the answer with a citation line and exits 0', (t) => {
  const r = run(t, ['Vladivostok có bao nhiêu dân']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Trả lời:/);
  assert.match(r.stdout, /nửa triệu/);
  assert.match(r.stdout, /\*\*Vladivostok\*\*/, 'matched words are bold');
  const citation = r.stdout.split('\n').find((l) => l.trim().startsWith('—'));
  assert.ok(citation, 'a citation line');
  assert.match(citation, /«Thượng đỉnh Putin - Kim đầu tiên tại Vladivostok sau hội nghị Hà Nội bất thành» · tháng 4\/2019 · đoạn 11\/11/);
  assert.ok(r.stdout.split('\n').filter((l) => l.trim().startsWith('—')).length <= 3, 'at most three results');
});

test('GIVEN an off-topic question without options WHEN run THEN it says the dossier has no such information and lists the articles', (t) => {
  const r = run(t, ['Công thức nấu phở bò']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Hồ sơ chưa có thông tin này/);
  assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('  - ')).length, 5);
});

test('GIVEN a bad question without options WHEN run THEN the message goes to stderr and it exits 2 without a stack trace', (t) => {
  const r = run(t, ['😀😀']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^hoso: /);
  assertNoStackTrace(r.stderr);
});

// ---- the index under DATA_DIR --------------------------------------------------------------------------

test('GIVEN a corrupt index file under DATA_DIR WHEN run THEN it rebuilds the index and answers', (t) => {
  const data = dataDir(t);
  writeFileSync(join(data, 'index.bin'), 'not an index at all');
  const r = run(t, ['--json', 'Vladivostok có bao nhiêu dân'], '', { data });
  assert.equal(r.status, 0);
  assert.equal(oneJson(r.stdout).answered, true);
  assertNoStackTrace(r.stderr);
});

test('GIVEN the same DATA_DIR twice WHEN run THEN both runs answer the same', (t) => {
  const data = dataDir(t);
  const first = oneJson(run(t, ['--json', 'kim jong un di tau boc thep'], '', { data }).stdout);
  const second = oneJson(run(t, ['--json', 'kim jong un di tau boc thep'], '', { data }).stdout);
  assert.deepEqual(second, first);
});

test('GIVEN the project installed under a path with a space WHEN the CLI is run THEN it still answers', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'hoso cli '));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'dist'));
  cpSync(join(PROJECT_ROOT, 'dist', 'src'), join(root, 'dist', 'src'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'dist', 'scripts'), join(root, 'dist', 'scripts'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(PROJECT_ROOT, 'corpus'), join(root, 'corpus'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  const r = run(t, ['--json', 'Vladivostok có bao nhiêu dân'], '', { script: join(root, 'dist', 'scripts', 'ask.js') });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(oneJson(r.stdout).answered, true);
  const usage = run(t, [], '', { script: join(root, 'dist', 'scripts', 'ask.js') });
  assert.equal(usage.status, 2, 'no argument is a usage error here too');
});
