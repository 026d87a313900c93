// `npm run feedback-report`: the worst-rated /ask answers from the store, readable or as JSON;
// clear messages when there is no database or no vote; the store is only read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VARIABLES } from '../../src/config.js';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT, storeFileIn } from '../../src/paths.js';
import { openStore, type VoteInput } from '../../src/store/index.js';
import { feedbackReport, parseArgs, type ReportedAnswer } from '../../scripts/feedback-report.js';

const SCRIPT = join(PROJECT_ROOT, 'dist', 'scripts', 'feedback-report.js');
const KHASAN = '2023-09-kim-jong-un-toi-khasan';
let dir: string;
let database: string;

function vote(userId: string, question: string, passageId: string, value: 1 | -1, at: number): [VoteInput, number] {
  return [{ guildId: 'g', userId, question, passageId, articleId: passageId.split('#')[0]!, vote: value, locale: 'vi', dossierVersion: 'v' }, at];
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'hoso-report-'));
  database = storeFileIn(dir);
  const store = openStore(database);
  for (const args of [
    vote('u1', 'Kim Jong-un đến Nga bằng gì?', `${KHASAN}#3`, -1, 1_000),
    vote('u2', 'kim jong-un đến nga bằng gì', `${KHASAN}#3`, -1, 2_000),
    vote('u3', 'Kim Jong-un đến Nga bằng gì?', `${KHASAN}#3`, 1, 3_000),
    vote('u1', 'Ai là tác giả?', 'bai-da-xoa#9', -1, 4_000),
    vote('u1', 'Putin tới đâu?', `${KHASAN}#1`, 1, 5_000),
  ]) store.feedback.recordVote(...args);
  store.close();
});

after(() => rmSync(dir, { recursive: true, force: true }));

const options = (extra: Partial<Parameters<typeof feedbackReport>[0]> = {}) => ({ database, corpusDir: DEFAULT_CORPUS_DIR, json: false, limit: 10, ...extra });

describe('feedbackReport', () => {
  test('GIVEN votes WHEN reported readably THEN the worst answer comes first with its question, votes, citation and passage text', () => {
    const { code, output } = feedbackReport(options());
    assert.equal(code, 0);
    const lines = output.split('\n');
    assert.match(lines[1] ?? '', /Worst-rated answers, worst first \(2 with at least one "Not helpful"\)/u);
    const first = output.indexOf('Kim Jong-un đến Nga bằng gì?');
    const second = output.indexOf('Ai là tác giả?');
    assert.ok(first > 0 && second > first, 'net -1 with two "Not helpful" before net -1 with one');
    assert.match(output, /1\. net -1 \(1 helpful, 2 not helpful\) · last vote 1970-01-01 00:00 UTC/u);
    assert.match(output, /passage: {2}2023-09-kim-jong-un-toi-khasan#3 — «Ông Kim Jong-un tới Khasan.*» · tháng 9\/2023 · .* · đoạn 3\/\d+/u);
    assert.match(output, /“Trước đó, người phát ngôn Điện Kremlin/u);
    assert.match(output, /bai-da-xoa#9 \(no longer in the dossier\)/u);
    assert.doesNotMatch(output, /Putin tới đâu/u, 'only helpful votes: not listed');
  });

  test('GIVEN --json and a limit WHEN reported THEN one object lists that many answers with their passages', () => {
    const { code, output } = feedbackReport(options({ json: true, limit: 1 }));
    assert.equal(code, 0);
    const parsed = JSON.parse(output) as { database: string; exists: boolean; answers: ReportedAnswer[] };
    assert.equal(parsed.exists, true);
    assert.equal(parsed.answers.length, 1);
    const [worst] = parsed.answers;
    assert.equal(worst?.question, 'Kim Jong-un đến Nga bằng gì?');
    assert.deepEqual([worst?.net, worst?.up, worst?.down], [-1, 1, 2]);
    assert.match(worst?.passage ?? '', /^Trước đó/u);
  });

  test('GIVEN no database WHEN reported THEN a clear message says why, exit 0, and nothing is created', () => {
    const missing = join(dir, 'none', 'hoso.db');
    const { code, output } = feedbackReport(options({ database: missing }));
    assert.equal(code, 0);
    assert.match(output, /no feedback yet: there is no database at .*none\/hoso\.db/u);
    assert.throws(() => statSync(missing));
    assert.deepEqual(JSON.parse(feedbackReport(options({ database: missing, json: true })).output), { database: missing, exists: false, answers: [] });
  });

  test('GIVEN a database with no "Not helpful" vote WHEN reported THEN it says there is nothing to report', () => {
    const empty = join(dir, 'empty.db');
    openStore(empty).close();
    assert.match(feedbackReport(options({ database: empty })).output, /No answer has been rated "Not helpful" yet/u);
  });

  test('GIVEN a file that is not a database WHEN reported THEN the store’s message names it, exit 1', () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not sqlite at all, just some text that is long enough to look like a header');
    const { code, output } = feedbackReport(options({ database: junk }));
    assert.equal(code, 1);
    assert.match(output, /junk\.db/u);
  });

  test('GIVEN arguments WHEN parsed THEN --json and --limit are read and anything else is a usage error', () => {
    assert.deepEqual(parseArgs(['--json', '--limit', '3']), { ok: true, json: true, limit: 3 });
    assert.deepEqual(parseArgs([]), { ok: true, json: false, limit: 10 });
    assert.equal(parseArgs(['--limit', '0']).ok, false);
    assert.equal(parseArgs(['--verbose']).ok, false);
  });
});

describe('the npm script', () => {
  test('GIVEN DATA_DIR WHEN run as a program with --json THEN it prints the report of that folder’s store', () => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), NODE_OPTIONS: '' };
    for (const name of VARIABLES) env[name] = '';
    env['DATA_DIR'] = dir;
    const result = spawnSync(process.execPath, [SCRIPT, '--json'], { cwd: PROJECT_ROOT, env, encoding: 'utf8', timeout: 30_000 });
    assert.equal(result.signal, null, 'ended by itself');
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { answers: unknown[] }).answers.length, 2);
    const usage = spawnSync(process.execPath, [SCRIPT, '--nope'], { cwd: PROJECT_ROOT, env, encoding: 'utf8', timeout: 30_000 });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /usage: npm run feedback-report/u);
  });
});
