/**
 * Discord latency benchmark, through the stand-in (test/discord/standin.ts) on 127.0.0.1.
 *
 * 1. Dispatch -> callback: the stand-in and the bot (real discord.js client) in this process;
 *    N /ask interactions, one at a time, questions from eval/questions.jsonl; the time from the
 *    stand-in sending INTERACTION_CREATE to it receiving the callback request (so it includes the
 *    loopback both ways: an upper bound of the bot's own time). Target: p99 <= 20 ms.
 * 2. Start-up: `node dist/src/index.js` spawned against the stand-in, from spawn to the "ready"
 *    log line (client ready, index loaded, handlers attached), with no saved index (cold) and with
 *    the saved one (warm). Target: <= 1.5 s.
 *
 *   npx tsc -p . && node dist/bench/discord-latency.js [--n 500] [--json]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createAppContext } from '../src/app/context.js';
import { loggingFeedbackSink } from '../src/app/feedback.js';
import { answer } from '../src/core/answer.js';
import { commands, summarize } from '../src/discord/commands/index.js';
import { startDiscord } from '../src/discord/client.js';
import { openIndex } from '../src/ingest/index-file.js';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from '../src/paths.js';
import { DiscordStandin, slashCommand } from '../test/discord/standin.js';

const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.bench-token-not-a-real-one_0123456789';
const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--n') + 1]) > 0 && args.includes('--n') ? Number(args[args.indexOf('--n') + 1]) : 500;
const WARMUP = 25;
const STARTS = 3;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

function questions(): string[] {
  const lines = readFileSync(join(PROJECT_ROOT, 'eval/questions.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((l) => (JSON.parse(l) as { q: string }).q).filter((q) => q.length <= 500);
}

async function measureDispatch(standin: DiscordStandin): Promise<{ times: number[]; kinds: Record<string, number> }> {
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  if (!opened.ok) throw new Error('the corpus does not open');
  const log = pino({ level: 'warn' });
  const ctx = createAppContext({ index: opened.value.index, feedback: loggingFeedbackSink(log), commands: summarize(commands) });
  answer(opened.value.index, 'Kim Jong-un');
  const shell = await startDiscord({ token: TOKEN, apiUrl: standin.apiUrl, ctx, commands, log });
  const pool = questions();
  const times: number[] = [];
  const kinds: Record<string, number> = {};
  try {
    for (let i = 0; i < WARMUP + N; i++) {
      const question = pool[i % pool.length]!;
      const locale = i % 3 === 0 ? 'en-US' : 'vi';
      const sent = standin.dispatchInteraction(slashCommand({ name: 'ask', locale, options: { question } }));
      const callback = await sent.callback();
      if (callback.status >= 300) throw new Error(`callback ${callback.status} for ${question}`);
      if (i < WARMUP) continue;
      times.push(callback.receivedAt - sent.dispatchedAt);
      const body = callback.body as { data?: { embeds?: { title?: string; fields?: unknown[] }[]; flags?: number } };
      const kind = body.data?.embeds?.[0]?.fields ? 'answer' : (body.data?.flags ?? 0) & 64 ? 'problem' : 'not found';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
  } finally {
    await shell.stop();
  }
  return { times: times.sort((a, b) => a - b), kinds };
}

interface StartRun {
  readonly spawnToReadyMs: number;
  readonly selfReportedMs: number;
  readonly indexReused: boolean;
}

function startOnce(standin: DiscordStandin, dataDir: string): Promise<StartRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/src/index.js')], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: standin.world.applicationId,
        DISCORD_API_URL: standin.apiUrl,
        DISCORD_GUILD_ID: '',
        LOG_LEVEL: 'info',
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    let reused = false;
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ready line within 15 s; stderr: ${stderr}`));
    }, 15_000);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.includes(TOKEN)) reject(new Error('the token appeared in the log'));
        const entry = JSON.parse(line) as { msg?: string; reused?: boolean; startupMs?: number };
        if (entry.msg === 'index ready') reused = entry.reused === true;
        if (entry.msg === 'ready') {
          const spawnToReadyMs = performance.now() - started;
          clearTimeout(timer);
          child.once('exit', () => resolve({ spawnToReadyMs, selfReportedMs: entry.startupMs ?? NaN, indexReused: reused }));
          child.kill('SIGTERM');
        }
      }
    });
    child.on('error', reject);
  });
}

async function main(): Promise<void> {
  const standin = await DiscordStandin.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'hoso-bench-'));
  try {
    const { times, kinds } = await measureDispatch(standin);
    const starts: StartRun[] = [];
    for (let i = 0; i < STARTS; i++) starts.push(await startOnce(standin, dataDir)); // the first builds and saves the index
    const result = {
      interactions: times.length,
      outcomes: kinds,
      dispatchToCallbackMs: {
        p50: percentile(times, 50),
        p90: percentile(times, 90),
        p99: percentile(times, 99),
        max: times[times.length - 1],
        mean: Math.round((times.reduce((s, t) => s + t, 0) / times.length) * 100) / 100,
      },
      startup: starts.map((s) => ({ spawnToReadyMs: Math.round(s.spawnToReadyMs), selfReportedMs: s.selfReportedMs, indexReused: s.indexReused })),
    };
    if (args.includes('--json')) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    const d = result.dispatchToCallbackMs;
    console.log(`discord latency (stand-in on 127.0.0.1, real discord.js client, ${result.interactions} /ask interactions after ${WARMUP} warm-up)`);
    console.log(`  outcomes: ${Object.entries(kinds).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  dispatch -> callback: p50 ${d.p50} ms, p90 ${d.p90} ms, p99 ${d.p99} ms, max ${d.max} ms, mean ${d.mean} ms   (target p99 <= 20 ms: ${d.p99 <= 20 ? 'met' : 'NOT met'})`);
    for (const [i, s] of result.startup.entries()) {
      console.log(`  start ${i + 1}: spawn -> ready ${s.spawnToReadyMs} ms (process-reported ${s.selfReportedMs} ms, index ${s.indexReused ? 'reused' : 'built'})   (target <= 1500 ms: ${s.spawnToReadyMs <= 1500 ? 'met' : 'NOT met'})`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await standin.close();
  }
}

await main();
