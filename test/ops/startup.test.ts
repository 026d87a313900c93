/**
 * A bad dossier at start, with the real bot process against the stand-in: a broken article is
 * reported with its name and reason and the rest still load and answer; a corrupt or stale saved
 * index is rebuilt; a corpus with nothing usable stops the bot loudly before it connects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openIndex } from '../../src/ingest/index-file.js';
import { DEFAULT_CORPUS_DIR, indexFileIn } from '../../src/paths.js';
import { DiscordStandin, slashCommand } from '../discord/standin.js';
import { botEnv, LEVEL, startBot, tempDir } from './bot-process.js';

const CALLBACK = 'POST /interactions/:id/:token/callback';
const articleFiles = () => fs.readdirSync(DEFAULT_CORPUS_DIR).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort();

function copyCorpus(dir: string): string {
  const corpus = path.join(dir, 'corpus');
  fs.cpSync(DEFAULT_CORPUS_DIR, corpus, { recursive: true, dereference: true });
  return corpus;
}

test('GIVEN one article not UTF-8 and one without front matter WHEN the bot starts THEN each is reported by name and reason, the others load, and it answers', { timeout: 30_000 }, async (t) => {
  const dir = tempDir(t);
  const corpus = copyCorpus(dir);
  const [victim] = articleFiles();
  fs.writeFileSync(path.join(corpus, victim!), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0xc3, 0x28]));
  fs.writeFileSync(path.join(corpus, 'zz-no-front-matter.md'), 'Chỉ có chữ, không có phần đầu.\n');
  const standin = await DiscordStandin.start();
  t.after(() => standin.close());
  const bot = startBot(t, botEnv(standin, path.join(dir, 'data'), { CORPUS_DIR: corpus }));
  await bot.waitForLine((l) => l.msg === 'ready', 15_000, 'ready');

  const problems = bot.lines.filter((l) => l.msg === 'corpus problem');
  assert.ok(problems.every((l) => l.level === LEVEL.warn));
  const byFile = new Map(problems.map((l) => [String(l['file']), String(l['problem'])]));
  assert.match(byFile.get(victim!) ?? '', /not UTF-8/u, `the bad encoding is named: ${JSON.stringify([...byFile])}`);
  assert.ok((byFile.get('zz-no-front-matter.md') ?? '').length > 0, 'the file without front matter is named with a reason');
  const ready = bot.lines.find((l) => l.msg === 'index ready')!;
  assert.equal(ready['articles'], articleFiles().length - 1, 'every other article loaded');
  assert.equal(ready['problems'], problems.length);
  assert.match(bot.stderr(), /corpus problem\(s\).*serving the \d+ article\(s\) that loaded/u, 'said on stderr too');

  const sent = standin.dispatchInteraction(slashCommand({ name: 'ask', locale: 'vi', options: { question: 'Ông Putin tới Bình Nhưỡng khi nào?' } }));
  const callback = await sent.waitForResponse((r) => r.route === CALLBACK, 5_000);
  assert.equal((callback.body as { type: number }).type, 4, 'it answers from what loaded');
  bot.child.kill('SIGTERM');
  assert.equal((await bot.exited).code, 0);
});

for (const [label, spoil] of [
  ['garbage', (file: string) => fs.writeFileSync(file, 'this is not an index\n\u0000\u0001')],
  // A good header over half a body, as a crash in the middle of writing it would leave it (were it not written atomically).
  ['cut in half', (file: string) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))],
] as const) {
  test(`GIVEN a saved index that is ${label} WHEN the bot starts THEN it warns, rebuilds and re-saves the index, and answers`, { timeout: 30_000 }, async (t) => {
    const dataDir = path.join(tempDir(t), 'data');
    const indexFile = indexFileIn(dataDir);
    assert.ok(openIndex(DEFAULT_CORPUS_DIR, indexFile).ok, 'a good index saved first');
    spoil(indexFile);
    const standin = await DiscordStandin.start();
    t.after(() => standin.close());
    const bot = startBot(t, botEnv(standin, dataDir));
    await bot.waitForLine((l) => l.msg === 'ready', 15_000, 'ready');
    const ready = bot.lines.find((l) => l.msg === 'index ready')!;
    assert.equal(ready['reused'], false);
    assert.ok(bot.lines.some((l) => l.msg === 'saved index was corrupt; rebuilt it' && l.level === LEVEL.warn), 'one warning says so');
    assert.match(fs.readFileSync(indexFile, 'utf8').split('\n')[0]!, /"format":"hoso-index"/u, 'a good index was saved over it');
    const sent = standin.dispatchInteraction(slashCommand({ name: 'help' }));
    await sent.waitForResponse((r) => r.route === CALLBACK && r.status < 300, 5_000);
    bot.child.kill('SIGTERM');
    assert.equal((await bot.exited).code, 0);
  });
}

test('GIVEN an index saved for an older corpus WHEN an article changed and the bot starts THEN it is rebuilt, saying why, and reused the time after', { timeout: 30_000 }, async (t) => {
  const dir = tempDir(t);
  const corpus = copyCorpus(dir);
  const dataDir = path.join(dir, 'data');
  const standin = await DiscordStandin.start();
  t.after(() => standin.close());
  const run = async () => {
    const bot = startBot(t, botEnv(standin, dataDir, { CORPUS_DIR: corpus }));
    await bot.waitForLine((l) => l.msg === 'ready', 15_000, 'ready');
    bot.child.kill('SIGTERM');
    assert.equal((await bot.exited).code, 0);
    return bot.lines.find((l) => l.msg === 'index ready')!;
  };
  assert.equal((await run())['reused'], false, 'first start builds');
  assert.equal((await run())['reused'], true, 'second start reuses');
  const file = path.join(corpus, articleFiles()[0]!);
  fs.appendFileSync(file, '\nMột đoạn mới được thêm vào bài.\n');
  const third = await run();
  assert.equal(third['reused'], false);
  assert.match(String(third['reason']), /dossier/u, 'the reason names the changed dossier');
  assert.equal((await run())['reused'], true);
});

test('GIVEN a corpus where no article loads WHEN the bot starts THEN it says so loudly (fatal log line, stderr) and exits 1 without connecting', { timeout: 30_000 }, async (t) => {
  const dir = tempDir(t);
  const corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'broken.md'), '---\nid: [unclosed\n---\nText.\n');
  const standin = await DiscordStandin.start();
  t.after(() => standin.close());
  const bot = startBot(t, botEnv(standin, path.join(dir, 'data'), { CORPUS_DIR: corpus }));
  const exit = await bot.exited;
  assert.equal(exit.code, 1);
  assert.ok(bot.lines.some((l) => l.level === LEVEL.fatal && /no index/u.test(l.msg)), 'a fatal log line');
  assert.ok(bot.lines.some((l) => l.msg === 'corpus problem' && l['file'] === 'broken.md'), 'the broken file is named');
  assert.match(bot.stderr(), /hoso: no index: the corpus in .* gave no passages/u);
  assert.equal(standin.connections.length, 0, 'never connected to the gateway');
  assert.ok(!bot.lines.some((l) => l.msg === 'ready'));
});
