/**
 * The local console: the same commands and handlers, typed as lines; embeds as boxes, buttons as
 * numbers. In-process with streams, and the real entry point spawned with piped input.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import type { FeedbackVote } from '../../src/app/feedback.js';
import { ConsoleShell } from '../../src/console/console.js';
import { commandSpecs, parseLine } from '../../src/console/parse.js';
import { renderConsoleReply, visibleLength, wrap } from '../../src/console/render.js';
import { commands, summarize } from '../../src/discord/commands/index.js';
import { openIndex } from '../../src/ingest/index-file.js';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from '../../src/paths.js';

let ctx: AppContext;
const votes: FeedbackVote[] = [];

before(() => {
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  assert.ok(opened.ok);
  ctx = createAppContext({ index: opened.value.index, feedback: { record: (v) => void votes.push(v) }, commands: summarize(commands) });
});

/** Runs lines through a console shell; returns what it printed. */
async function session(lines: readonly string[], locale: 'vi' | 'en' = 'vi'): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const shell = new ConsoleShell({ ctx, commands, log: pino({ level: 'silent' }), input, output, locale, width: 78 });
  const done = shell.run();
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('parsing lines', () => {
  const specs = commandSpecs(commands);

  test('GIVEN /ask with text and options WHEN parsed THEN the text is the question and options are typed', () => {
    const parsed = parseLine(specs, '/ask Kim Jong-un đến Nga bằng gì? article:khasan private:true mention:@bob');
    assert.equal(parsed.kind, 'command');
    if (parsed.kind !== 'command') return;
    assert.equal(parsed.command.data.name, 'ask');
    assert.deepEqual(Object.fromEntries(parsed.options), { question: 'Kim Jong-un đến Nga bằng gì?', article: 'khasan', private: true, mention: { user: 'bob' } });
  });

  test('GIVEN Vietnamese command and option names WHEN parsed THEN they map to the registered ones', () => {
    const parsed = parseLine(specs, '/hoi Putin tới đâu? bai-bao:binh nhuong rieng-tu:có');
    assert.ok(parsed.kind === 'command');
    if (parsed.kind !== 'command') return;
    assert.deepEqual(Object.fromEntries(parsed.options), { question: 'Putin tới đâu?', article: 'binh nhuong', private: true });
  });

  test('GIVEN plain text, a number, the context menu, /lang, /quit and nonsense WHEN parsed THEN each is recognised', () => {
    const plain = parseLine(specs, 'Kim Jong-un đến Nga bằng gì?');
    assert.ok(plain.kind === 'command' && plain.command.data.name === 'ask');
    assert.deepEqual(parseLine(specs, ' 2 '), { kind: 'press', number: 2 });
    const menu = parseLine(specs, '/ask-the-dossier Putin đến Bình Nhưỡng khi nào?');
    assert.ok(menu.kind === 'command' && menu.targetText === 'Putin đến Bình Nhưỡng khi nào?');
    assert.deepEqual(parseLine(specs, '/lang EN'), { kind: 'locale', locale: 'en' });
    assert.deepEqual(parseLine(specs, '/quit'), { kind: 'quit' });
    assert.equal(parseLine(specs, '/frobnicate').kind, 'error');
    assert.equal(parseLine(specs, '/ask x private:maybe').kind, 'error');
    assert.equal(parseLine(specs, '/sources some text').kind, 'error');
  });
});

describe('rendering', () => {
  test('GIVEN long formatted text WHEN wrapped without colour THEN no line is wider than asked, markers included', () => {
    const lines = wrap(['Ông ', { bold: 'Kim Jong-un' }, ' tới ', { bold: 'Khasan' }, ' rồi đi tiếp tới Vladivostok bằng tàu bọc thép. ', { bold: 'x'.repeat(50) }], 30, false);
    for (const line of lines) assert.ok(visibleLength(line) <= 30, `${visibleLength(line)}: ${line}`);
    assert.ok(lines.some((l) => l.includes('**Kim Jong-un**')));
  });

  test('GIVEN a reply WHEN rendered THEN the embed is a box, enabled buttons numbered and disabled ones not', () => {
    const { text, buttons } = renderConsoleReply({
      embeds: [{ author: 'câu hỏi', title: ['Tiêu đề'], description: ['Nội dung'], fields: [{ name: ['Nguồn'], value: ['«Bài» · đoạn 1/2'] }], footer: 'chân' }],
      components: [{ buttons: [{ customId: 'a', label: 'Xem thêm', style: 'primary' }, { customId: 'b', label: 'Tắt', style: 'secondary', disabled: true }, { customId: 'c', label: 'Hữu ích', style: 'success' }] }],
      ephemeral: true,
      mentionUserIds: [],
    }, 'vi', { color: false, width: 40 });
    const lines = text.split('\n');
    assert.equal(lines[0], '(Chỉ bạn nhìn thấy)');
    assert.match(lines[1]!, /^┌ » câu hỏi ─+┐$/u);
    assert.match(lines.at(-2)!, /^└─+┘$/u);
    for (const line of lines.slice(1, -1)) assert.equal(visibleLength(line), 40, line);
    assert.equal(lines.at(-1), ' [1] Xem thêm   [ ] Tắt   [2] Hữu ích');
    assert.deepEqual(buttons.map((b) => [b.number, b.button.customId]), [[1, 'a'], [2, 'c']]);
  });
});

describe('a session', () => {
  test('GIVEN /ask then 1, 2 and 3 WHEN typed THEN the answer is boxed with bold terms, "More" shows result 2 in place, the full passage and a vote follow', async () => {
    const before = votes.length;
    const out = await session(['/ask Kim Jong-un đến Nga bằng gì?', '1', '2', '3']);
    assert.match(out, /┌ » Kim Jong-un đến Nga bằng gì\? ─/u);
    assert.match(out, /\*\*[^*]+\*\*/u, 'bold terms');
    assert.match(out, /Kết quả 1\/\d/u);
    assert.match(out, /\[1\] Xem thêm \(2\/\d\) {3}\[2\] Toàn văn đoạn {3}\[3\] Hữu ích {3}\[4\] Không hữu ích/u);
    assert.match(out, /Kết quả 2\/\d/u);
    assert.match(out, /\(Chỉ bạn nhìn thấy\)/u);
    assert.match(out, /Cảm ơn bạn đã góp ý/u);
    assert.equal(votes.length, before + 1);
  });

  test('GIVEN English WHEN /search pages and /sources opens an article THEN both update in place', async () => {
    const out = await session(['/search Kim Jong-un', '4', '/sources', '1'], 'en');
    assert.match(out, /Page 1 of \d+/u);
    assert.match(out, /Page 2 of \d+/u);
    assert.match(out, /The dossier holds \d+ articles/u);
    assert.match(out, /Sections/u);
  });

  test('GIVEN a problem, an unknown button and an unknown command WHEN typed THEN each gets a clear message and the session goes on', async () => {
    const out = await session(['/ask 金正恩访问俄罗斯', '7', '/frobnicate', '/lang en', '/help']);
    assert.match(out, /chỉ hiểu câu hỏi bằng tiếng Việt/u);
    assert.match(out, /Không có nút số 7/u);
    assert.match(out, /unknown command \/frobnicate/u);
    assert.match(out, /Commands/u);
  });

  test('GIVEN /quit WHEN more lines follow THEN they are not run', async () => {
    const out = await session(['/quit', '/help']);
    assert.equal(out, '');
  });
});

describe('the entry point', () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hoso-console-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  function run(args: readonly string[], input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/src/index.js'), ...args], {
        cwd: PROJECT_ROOT,
        env: { PATH: process.env['PATH'] ?? '', DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DATA_DIR: dataDir, ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      child.stdin.end(input);
    });
  }

  test('GIVEN --console and piped questions WHEN run THEN answers print and it exits 0 at the end of input', { timeout: 30_000 }, async () => {
    const { code, stdout, stderr } = await run(['--console'], '/ask Kim Jong-un đến Nga bằng gì?\n1\n', {});
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Kết quả 1\/\d/u);
    assert.match(stdout, /Kết quả 2\/\d/u);
  });

  test('GIVEN no token and no terminal WHEN started without --console THEN it exits 2 saying what to do', { timeout: 30_000 }, async () => {
    const { code, stdout, stderr } = await run([], '', {});
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /set DISCORD_TOKEN/u);
    assert.match(stderr, /--console/u);
  });

  test('GIVEN a malformed configuration WHEN started THEN it exits 1 naming each bad variable, without echoing the token', { timeout: 30_000 }, async () => {
    const token = 'Bot MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.entry-test-token_0123456789';
    const { code, stderr } = await run([], '', { DISCORD_TOKEN: token, LOG_LEVEL: 'loud' });
    assert.equal(code, 1);
    assert.match(stderr, /DISCORD_TOKEN must be the token alone/u);
    assert.match(stderr, /LOG_LEVEL must be one of/u);
    assert.ok(!stderr.includes('MTE5ODc2NTQzMjEwOTg3NjU0'));
  });
});
