// Benchmark: our /ask path (buildIndex, serializeIndex, deserializeIndex, answer) against
// MiniSearch defaults and FlexSearch, on the shipped dossier and synthetic dossiers.
//
//   npm run bench                          shipped + 1,000 / 10,000 / 100,000 passages
//   npm run bench -- --sizes 1000,10000    only these synthetic sizes (the shipped dossier always runs)
//   npm run bench -- --quick               fewer queries
//   npm run bench -- --profile 10000,100000  also profile /ask at these sizes (node --cpu-prof) and
//                                          print the top self-time functions of the timed queries
//   --retry-heap-mb 16384                  if ours runs out of memory at Node's default heap limit,
//                                          run ours again with this --max-old-space-size (reported apart)
//   --out FILE                             results file (default bench/results.json)
//
// Every engine runs in its own child process (`--child JOB`), so that its memory figures are
// its own and a crash or out-of-memory at one size is recorded instead of ending the run. For
// ours, one child builds and saves the index; a second one starts fresh, loads the saved file,
// and answers the questions (what the bot does at start-up).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { fold } from '../src/core/analyzer.js';
import { answer } from '../src/core/answer.js';
import { buildIndex } from '../src/core/passage-index.js';
import { deserializeIndex, serializeIndex } from '../src/core/saved-index.js';
import type { Dossier } from '../src/core/types.js';
import { loadDossier } from '../src/ingest/load.js';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from '../src/paths.js';
import { buildFlexSearch, buildMiniSearch, FLEXSEARCH_LIMIT, FLEXSEARCH_NAME, MINISEARCH_NAME, type PeerEngine } from './peers.js';
import { passageQueries, synthesizeDossier, SYNTH_SEED, type VocabularyStats } from './synth.js';

const SELF = fileURLToPath(import.meta.url);
const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const CHILD_TIMEOUT_MS = 15 * 60_000;
const MB = 1024 * 1024;

type Size = 'shipped' | number;
type Job = 'ours-build' | 'ours-load' | 'minisearch' | 'flexsearch';
const JOBS: readonly Job[] = ['ours-build', 'ours-load', 'minisearch', 'flexsearch'];

interface Memory {
  readonly heapUsedMB: number;
  readonly rssMB: number;
}

interface Latency {
  readonly queries: number;
  readonly p50ms: number;
  readonly p99ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
  /** Queries that returned something (ours: answered, not abstained). */
  readonly withHits: number;
}

interface DossierInfo {
  /** Dossier version (for synthetic ones: a hash of the generated text and the real corpus version). */
  readonly version: string;
  readonly passages: number;
  readonly articles: number;
  readonly characters: number;
  readonly generateMs: number;
  readonly vocabulary?: VocabularyStats;
  /** Memory with the dossier loaded and nothing else (after gc). */
  readonly baseline: Memory;
}

interface ChildResult {
  readonly job: Job;
  readonly dossier: DossierInfo;
  readonly buildMs?: number;
  readonly serializeMs?: number;
  readonly serializedBytes?: number;
  readonly readFileMs?: number;
  readonly deserializeMs?: number;
  /** readFileMs + deserializeMs: loading the saved index from disk. */
  readonly loadMs?: number;
  /** After build (peers) or after load (ours-load), after gc, dossier included. */
  readonly memory?: Memory;
  readonly latency?: Latency;
  readonly answers?: { readonly found: number; readonly none: number; readonly problems: number };
  /** Timed-pass window on the monotonic clock, in microseconds (to cut a --cpu-prof profile). */
  readonly timedWindowUs?: readonly [number, number];
}

interface JobOutcome {
  readonly ok: boolean;
  readonly wallMs: number;
  readonly result?: ChildResult;
  readonly error?: string;
}

// ---- child -------------------------------------------------------------------------------------

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc');
  collect();
  collect();
}

function memory(): Memory {
  gc();
  const m = process.memoryUsage();
  return { heapUsedMB: round(m.heapUsed / MB, 1), rssMB: round(m.rss / MB, 1) };
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function realDossier(): Dossier {
  const { dossier, problems } = loadDossier(DEFAULT_CORPUS_DIR);
  if (!dossier) throw new Error(`cannot load the corpus: ${problems.map((p) => `${p.file}: ${p.problem}`).join('; ')}`);
  return dossier;
}

function makeDossier(size: Size): { dossier: Dossier; generateMs: number; vocabulary?: VocabularyStats } {
  const t0 = performance.now();
  const real = realDossier();
  if (size === 'shipped') return { dossier: real, generateMs: performance.now() - t0 };
  const { dossier, vocabulary } = synthesizeDossier(real, size);
  return { dossier, generateMs: performance.now() - t0, vocabulary };
}

function evalQuestions(): string[] {
  const lines = readFileSync(join(PROJECT_ROOT, 'eval', 'questions.jsonl'), 'utf8').split('\n');
  return lines.filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { q: string }).q);
}

/** The timed query set: eval questions plus 3-6-word runs of the dossier's text, each as written and folded. */
function querySet(dossier: Dossier, quick: boolean): string[] {
  const questions = evalQuestions();
  const asked = quick ? questions.slice(0, 30) : questions;
  const drawn = passageQueries(dossier, quick ? 30 : 200);
  return [...asked, ...drawn].flatMap((q) => [q, fold(q)]);
}

/**
 * Warm-up, run once before timing: 100 other text runs (30 with --quick), both forms; for ours
 * also the eval questions, so that every code path (English questions, glossary, typo repair) is
 * compiled as in a bot that has been up for a while. The per-passage analysis cache (2,048
 * passages) is then warm for the eval questions' candidates: at 1,000 passages and below that is
 * every passage, as in a running bot; at 10,000 and more most timed queries still analyse some
 * candidates afresh.
 */
function warmupSet(dossier: Dossier, quick: boolean, forOurs: boolean): string[] {
  const runs = passageQueries(dossier, quick ? 30 : 100, SYNTH_SEED ^ 0x7777);
  const questions = forOurs ? evalQuestions().slice(0, quick ? 30 : undefined) : [];
  return [...runs, ...questions].flatMap((q) => [q, fold(q)]);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function timeQueries(queries: readonly string[], run: (q: string) => boolean): { latency: Latency; window: [number, number] } {
  const times: number[] = [];
  let withHits = 0;
  const start = nowUs();
  for (const q of queries) {
    const t0 = performance.now();
    const hit = run(q);
    times.push(performance.now() - t0);
    if (hit) withHits += 1;
  }
  const end = nowUs();
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(times.length, 1);
  return {
    latency: {
      queries: times.length, p50ms: round(percentile(sorted, 50), 3), p99ms: round(percentile(sorted, 99), 3),
      meanMs: round(mean, 3), maxMs: round(sorted[sorted.length - 1] ?? NaN, 3), withHits,
    },
    window: [start, end],
  };
}

function progress(message: string): void {
  process.stderr.write(`   [${process.argv[3]} ${process.argv[5]}] ${message}\n`);
}

function runChild(job: Job, size: Size, quick: boolean, indexFile: string, resultFile: string): void {
  const made = makeDossier(size);
  progress(`dossier ready in ${(made.generateMs / 1000).toFixed(1)} s`);
  const { dossier } = made;
  const info: DossierInfo = {
    version: dossier.version,
    passages: dossier.passages.length,
    articles: dossier.articles.length,
    characters: dossier.passages.reduce((n, p) => n + p.text.length, 0),
    generateMs: round(made.generateMs, 1),
    ...(made.vocabulary ? { vocabulary: made.vocabulary } : {}),
    baseline: memory(),
  };
  const queries = querySet(dossier, quick);
  const warmup = warmupSet(dossier, quick, job === 'ours-load');
  let result: ChildResult;
  if (job === 'ours-build') {
    let t0 = performance.now();
    const index = buildIndex(dossier);
    const buildMs = performance.now() - t0;
    progress(`built in ${(buildMs / 1000).toFixed(1)} s`);
    t0 = performance.now();
    const saved = serializeIndex(index);
    const serializeMs = performance.now() - t0;
    writeFileSync(indexFile, saved);
    result = { job, dossier: info, buildMs: round(buildMs, 1), serializeMs: round(serializeMs, 1), serializedBytes: Buffer.byteLength(saved) };
  } else if (job === 'ours-load') {
    let t0 = performance.now();
    let saved: Buffer | undefined = readFileSync(indexFile);
    const readFileMs = performance.now() - t0;
    t0 = performance.now();
    const index = deserializeIndex(saved, dossier);
    const deserializeMs = performance.now() - t0;
    progress(`loaded in ${((readFileMs + deserializeMs) / 1000).toFixed(1)} s`);
    saved = undefined;
    const mem = memory();
    const counts = { found: 0, none: 0, problems: 0 };
    const ask = (q: string): boolean => {
      const a = answer(index, q);
      if (!a.ok) {
        counts.problems += 1;
        return false;
      }
      if (a.value.kind === 'found') counts.found += 1;
      else counts.none += 1;
      return a.value.kind === 'found';
    };
    for (const q of warmup) ask(q);
    counts.found = counts.none = counts.problems = 0;
    const { latency, window } = timeQueries(queries, ask);
    result = {
      job, dossier: info, readFileMs: round(readFileMs, 1), deserializeMs: round(deserializeMs, 1), loadMs: round(readFileMs + deserializeMs, 1),
      memory: mem, latency, answers: counts, timedWindowUs: window,
    };
  } else {
    const t0 = performance.now();
    const engine: PeerEngine = job === 'minisearch' ? buildMiniSearch(dossier.passages) : buildFlexSearch(dossier.passages);
    const buildMs = performance.now() - t0;
    const mem = memory();
    for (const q of warmup) engine.search(q);
    const { latency, window } = timeQueries(queries, (q) => engine.search(q) > 0);
    result = { job, dossier: info, buildMs: round(buildMs, 1), memory: mem, latency, timedWindowUs: window };
  }
  writeFileSync(resultFile, JSON.stringify(result));
}

// ---- parent ------------------------------------------------------------------------------------

interface Args {
  readonly sizes: readonly number[];
  readonly quick: boolean;
  readonly out: string;
  readonly profile: readonly Size[];
  /** When ours runs out of memory at the default heap limit, run it again with this one (MB) for the figures. */
  readonly retryHeapMb?: number;
}

function parseArgs(argv: readonly string[]): Args {
  let sizes = DEFAULT_SIZES;
  let quick = false;
  let out = join(PROJECT_ROOT, 'bench', 'results.json');
  const profile: Size[] = [];
  let retryHeapMb: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--quick') quick = true;
    else if (arg === '--sizes') sizes = value().split(',').filter((s) => s.trim() !== '').map(parseSize);
    else if (arg.startsWith('--sizes=')) sizes = arg.slice(8).split(',').filter((s) => s.trim() !== '').map(parseSize);
    else if (arg === '--out') out = value();
    else if (arg === '--retry-heap-mb') retryHeapMb = parseSize(value());
    else if (arg === '--profile') {
      for (const v of value().split(',')) profile.push(v === 'shipped' ? 'shipped' : parseSize(v));
    } else throw new Error(`unknown argument ${arg}`);
  }
  return { sizes, quick, out, profile, ...(retryHeapMb !== undefined ? { retryHeapMb } : {}) };
}

function parseSize(text: string): number {
  const n = Number(text.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a passage count: ${text}`);
  return n;
}

/**
 * Copy what the children read (dist/, corpus/, eval/, package.json; node_modules linked) to a
 * private folder, so that colleagues rebuilding dist/ or editing the corpus during a long run
 * cannot change the code or the data half-way. Returns the children's entry point.
 */
function snapshot(dir: string): string {
  const snap = join(dir, 'snap');
  for (const part of ['dist', 'corpus', 'eval', 'package.json']) cpSync(join(PROJECT_ROOT, part), join(snap, part), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(snap, 'node_modules'), 'dir');
  return join(snap, relative(PROJECT_ROOT, SELF));
}

function spawnJob(job: Job, size: Size, args: Args, dir: string, entry: string, nodeFlags: readonly string[] = []): JobOutcome {
  const resultFile = join(dir, `${job}-${size}.json`);
  const indexFile = join(dir, `index-${size}.txt`);
  const childArgs = [...nodeFlags, '--expose-gc', entry, '--child', job, '--size', String(size), '--index', indexFile, '--result', resultFile];
  if (args.quick) childArgs.push('--quick');
  const t0 = performance.now();
  const run = spawnSync(process.execPath, childArgs, { stdio: ['ignore', 'inherit', 'inherit'], timeout: CHILD_TIMEOUT_MS });
  const wallMs = round(performance.now() - t0, 0);
  if (run.error || run.status !== 0) {
    const why = run.error?.message.includes('ETIMEDOUT')
      ? `timed out after ${CHILD_TIMEOUT_MS / 60_000} min`
      : run.signal ? `killed by ${run.signal}${run.signal === 'SIGABRT' ? ' (likely out of memory)' : ''}` : `exit code ${run.status}${run.status === 134 ? ' (likely out of memory)' : ''}`;
    return { ok: false, wallMs, error: why };
  }
  return { ok: true, wallMs, result: JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult };
}

interface Target {
  readonly what: string;
  readonly limit: number;
  readonly unit: string;
  readonly value: number | undefined;
  readonly pass: boolean;
}

function targetsFor(size: Size, jobs: Partial<Record<Job, JobOutcome>>): Target[] {
  const load = jobs['ours-load']?.result;
  const t = (what: string, limit: number, unit: string, value: number | undefined): Target => ({
    what, limit, unit, value, pass: value !== undefined && value <= limit,
  });
  if (size === 'shipped') return [t('/ask p99', 2, 'ms', load?.latency?.p99ms), t('load of the saved index (read + deserialize)', 50, 'ms', load?.loadMs)];
  if (size === 10_000) return [t('/ask p99', 10, 'ms', load?.latency?.p99ms)];
  if (size === 100_000) {
    return [
      t('/ask p99', 50, 'ms', load?.latency?.p99ms),
      t('load of the saved index (read + deserialize)', 1000, 'ms', load?.loadMs),
      t('RSS after load', 500, 'MB', load?.memory?.rssMB),
    ];
  }
  return [];
}

const fmt = (n: number | undefined, unit = '', digits = 1): string => (n === undefined || Number.isNaN(n) ? '-' : `${n.toFixed(digits)}${unit}`);

function shortError(error: string | undefined): string {
  if (error?.includes('memory')) return 'out of memory';
  if (error?.includes('timed out')) return 'timed out';
  if (error?.includes('no saved index')) return 'no index';
  return 'FAILED';
}

function table(size: Size, jobs: Partial<Record<Job, JobOutcome>>, targets: readonly Target[]): string {
  const build = jobs['ours-build'];
  const load = jobs['ours-load'];
  const mini = jobs.minisearch;
  const flex = jobs.flexsearch;
  const info = (build ?? load ?? mini ?? flex)?.result?.dossier;
  const lines: string[] = [];
  const label = size === 'shipped' ? 'shipped dossier (corpus/)' : `synthetic dossier, ${size.toLocaleString('en-US')} passages`;
  lines.push(`== ${label} ==`);
  if (info) {
    const vocab = info.vocabulary ? `, vocabulary ${info.vocabulary.total.toLocaleString('en-US')} syllables` : '';
    lines.push(`   ${info.passages.toLocaleString('en-US')} passages, ${info.articles.toLocaleString('en-US')} articles, ${(info.characters / 1e6).toFixed(2)} M chars${vocab}; ` +
      `dossier alone: heap ${fmt(info.baseline.heapUsedMB, ' MB')}, RSS ${fmt(info.baseline.rssMB, ' MB')}`);
  }
  const cols = ['', 'ours (/ask)', MINISEARCH_NAME, `${FLEXSEARCH_NAME}`];
  const widths = [34, 22, 22, 22];
  const row = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('');
  const err = (o: JobOutcome | undefined) => (o && !o.ok ? shortError(o.error) : undefined);
  lines.push(row(cols));
  const r = (o: JobOutcome | undefined) => o?.result;
  lines.push(row(['build', err(build) ?? fmt(r(build)?.buildMs, ' ms'), err(mini) ?? fmt(r(mini)?.buildMs, ' ms'), err(flex) ?? fmt(r(flex)?.buildMs, ' ms')]));
  lines.push(row(['serialize / saved size', build?.result ? `${fmt(build.result.serializeMs, ' ms', 0)} / ${fmt((build.result.serializedBytes ?? 0) / MB, ' MB')}` : '-', '-', '-']));
  lines.push(row(['load saved (read + deserialize)', err(load) ?? (load?.result ? `${fmt(load.result.readFileMs, '', 0)} + ${fmt(load.result.deserializeMs, ' ms', 0)}` : '-'), '-', '-']));
  lines.push(row(['heap used (after load / build)', fmt(r(load)?.memory?.heapUsedMB, ' MB'), fmt(r(mini)?.memory?.heapUsedMB, ' MB'), fmt(r(flex)?.memory?.heapUsedMB, ' MB')]));
  lines.push(row(['RSS (after load / build)', fmt(r(load)?.memory?.rssMB, ' MB'), fmt(r(mini)?.memory?.rssMB, ' MB'), fmt(r(flex)?.memory?.rssMB, ' MB')]));
  lines.push(row(['query p50', fmt(r(load)?.latency?.p50ms, ' ms', 3), fmt(r(mini)?.latency?.p50ms, ' ms', 3), fmt(r(flex)?.latency?.p50ms, ' ms', 3)]));
  lines.push(row(['query p99', fmt(r(load)?.latency?.p99ms, ' ms', 3), fmt(r(mini)?.latency?.p99ms, ' ms', 3), fmt(r(flex)?.latency?.p99ms, ' ms', 3)]));
  lines.push(row(['query max', fmt(r(load)?.latency?.maxMs, ' ms', 3), fmt(r(mini)?.latency?.maxMs, ' ms', 3), fmt(r(flex)?.latency?.maxMs, ' ms', 3)]));
  const hits = (o: JobOutcome | undefined) => (o?.result?.latency ? `${o.result.latency.withHits}/${o.result.latency.queries}` : '-');
  lines.push(row(['queries answered / with hits', hits(load), hits(mini), hits(flex)]));
  lines.push(row(['child process wall time', `${fmt(((build?.wallMs ?? 0) + (load?.wallMs ?? 0)) / 1000, ' s')}`, fmt((mini?.wallMs ?? NaN) / 1000, ' s'), fmt((flex?.wallMs ?? NaN) / 1000, ' s')]));
  for (const [name, o] of [['ours build', build], ['ours load', load], [MINISEARCH_NAME, mini], [FLEXSEARCH_NAME, flex]] as const) {
    if (o && !o.ok) lines.push(`   ${name} FAILED: ${o.error}`);
  }
  for (const t of targets) {
    lines.push(`   target: ours ${t.what} <= ${t.limit} ${t.unit}: ${fmt(t.value, ` ${t.unit}`, t.unit === 'ms' && t.limit < 100 ? 3 : 1)}  ${t.pass ? 'PASS' : 'MISS'}`);
  }
  return lines.join('\n');
}

function bigHeapLines(run: { heapMb: number; build: JobOutcome; load: JobOutcome }): string {
  const b = run.build.result;
  const l = run.load.result;
  const lines = [`   ours with --max-old-space-size=${run.heapMb} (not the default; for the figures only):`];
  if (!run.build.ok) lines.push(`     build FAILED: ${run.build.error}`);
  else lines.push(`     build ${fmt(b?.buildMs, ' ms')}, serialize ${fmt(b?.serializeMs, ' ms', 0)}, saved ${fmt((b?.serializedBytes ?? 0) / MB, ' MB')}`);
  if (!run.load.ok) lines.push(`     load/ask FAILED: ${run.load.error}`);
  else {
    lines.push(`     load ${fmt(l?.readFileMs, '', 0)} + ${fmt(l?.deserializeMs, ' ms', 0)}, heap ${fmt(l?.memory?.heapUsedMB, ' MB')}, RSS ${fmt(l?.memory?.rssMB, ' MB')}`);
    lines.push(`     /ask p50 ${fmt(l?.latency?.p50ms, ' ms', 3)}, p99 ${fmt(l?.latency?.p99ms, ' ms', 3)}, max ${fmt(l?.latency?.maxMs, ' ms', 3)}, answered ${l?.latency?.withHits}/${l?.latency?.queries}`);
  }
  lines.push(`     child wall time ${fmt((run.build.wallMs + run.load.wallMs) / 1000, ' s')}`);
  return lines.join('\n');
}

interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

interface ProfileEntry {
  readonly fn: string;
  readonly selfMs: number;
  readonly share: number;
}

/** node_modules/minisearch/dist/es/index.js, src/core/answer.js: short but unambiguous. */
function shortUrl(url: string): string {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) return url.slice(modules + 1);
  const dist = url.lastIndexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 6) : url.replace(/^file:\/\//, '');
}

/** Top self-time functions of a .cpuprofile, counting only samples inside `window` when it has any. */
function summariseProfile(file: string, window: readonly [number, number] | undefined, top = 15): { entries: ProfileEntry[]; totalMs: number; windowed: boolean } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const addUp = (useWindow: boolean) => {
    self.clear();
    let t = profile.startTime;
    let total = 0;
    profile.samples.forEach((id, i) => {
      const delta = profile.timeDeltas[i] ?? 0;
      t += delta;
      if (useWindow && window && (t < window[0] || t > window[1])) return;
      const node = byId.get(id);
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
      const key = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + delta);
      total += delta;
    });
    return total;
  };
  let windowed = window !== undefined;
  let total = addUp(windowed);
  if (total === 0) {
    windowed = false;
    total = addUp(false);
  }
  const entries = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([fn, us]) => ({ fn, selfMs: round(us / 1000, 1), share: round((100 * us) / Math.max(total, 1), 1) }));
  return { entries, totalMs: round(total / 1000, 1), windowed };
}

/** The commit, and the files under src/ and corpus/ that differ from it (colleagues' work in progress). */
function gitInfo(): { commit: string; uncommitted: string[] } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src', 'corpus'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    return { commit, uncommitted: status.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim()) };
  } catch {
    return { commit: 'unknown', uncommitted: [] };
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const get = (flag: string): string => {
      const i = argv.indexOf(flag);
      const v = i >= 0 ? argv[i + 1] : undefined;
      if (v === undefined) throw new Error(`child needs ${flag}`);
      return v;
    };
    const sizeArg = get('--size');
    runChild(argv[1] as Job, sizeArg === 'shipped' ? 'shipped' : Number(sizeArg), argv.includes('--quick'), get('--index'), get('--result'));
    return;
  }
  const args = parseArgs(argv);
  const dir = mkdtempSync(join(os.tmpdir(), 'hoso-bench-'));
  const entry = snapshot(dir);
  const code = gitInfo();
  const cpu = os.cpus()[0];
  const started = new Date();
  const machine = {
    cpu: cpu?.model ?? 'unknown', cores: os.cpus().length, totalMemoryGB: round(os.totalmem() / 1024 ** 3, 1),
    platform: `${os.platform()} ${os.release()}`, node: process.version,
  };
  console.log(`hoso bench: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, ${started.toISOString()}${args.quick ? ' (quick)' : ''}`);
  const sizes: Size[] = ['shipped', ...args.sizes];
  const runs: unknown[] = [];
  const allTargets: { size: Size; targets: Target[] }[] = [];
  const profiles: unknown[] = [];
  try {
    for (const size of sizes) {
      console.log(`\n-- running ${size === 'shipped' ? 'shipped dossier' : `${size} passages`} ...`);
      const t0 = performance.now();
      const jobs: Partial<Record<Job, JobOutcome>> = {};
      for (const job of JOBS) {
        if (job === 'ours-load' && !jobs['ours-build']?.ok) {
          jobs[job] = { ok: false, wallMs: 0, error: 'no saved index (build failed)' };
          continue;
        }
        jobs[job] = spawnJob(job, size, args, dir, entry);
      }
      const totalMs = round(performance.now() - t0, 0);
      const targets = targetsFor(size, jobs);
      allTargets.push({ size, targets });
      console.log(table(size, jobs, targets));
      console.log(`   (all four child processes: ${(totalMs / 1000).toFixed(1)} s)`);
      const outOfMemory = [jobs['ours-build'], jobs['ours-load']].some((o) => o?.error?.includes('memory'));
      let bigHeap: { heapMb: number; build: JobOutcome; load: JobOutcome } | undefined;
      let heapFlags: string[] = [];
      if (outOfMemory && args.retryHeapMb !== undefined) {
        heapFlags = [`--max-old-space-size=${args.retryHeapMb}`];
        console.log(`\n-- ours ran out of memory at the default heap limit; again with ${heapFlags[0]} ...`);
        const build = spawnJob('ours-build', size, args, dir, entry, heapFlags);
        const load = build.ok ? spawnJob('ours-load', size, args, dir, entry, heapFlags) : { ok: false, wallMs: 0, error: 'no saved index (build failed)' };
        bigHeap = { heapMb: args.retryHeapMb, build, load };
        console.log(bigHeapLines(bigHeap));
      }
      runs.push({ size, totalMs, jobs, targets, ...(bigHeap ? { oursWithBiggerHeap: bigHeap } : {}) });
      const haveIndex = bigHeap ? bigHeap.build.ok : jobs['ours-build']?.ok;
      if (args.profile.includes(size) && haveIndex) {
        const profDir = join(dir, `prof-${size}`);
        console.log(`\n-- profiling /ask at ${size} (node --cpu-prof) ...`);
        const outcome = spawnJob('ours-load', size, args, dir, entry, [...heapFlags, '--cpu-prof', '--cpu-prof-dir', profDir]);
        const file = outcome.ok ? readdirSync(profDir).find((f) => f.endsWith('.cpuprofile')) : undefined;
        if (outcome.ok && file) {
          const summary = summariseProfile(join(profDir, file), outcome.result?.timedWindowUs);
          profiles.push({ size, latency: outcome.result?.latency, ...summary });
          console.log(`   top self-time functions ${summary.windowed ? 'during the timed queries' : 'over the whole child'} (${summary.totalMs} ms sampled):`);
          for (const e of summary.entries) console.log(`   ${e.selfMs.toFixed(1).padStart(9)} ms ${e.share.toFixed(1).padStart(5)}%  ${e.fn}`);
        } else {
          profiles.push({ size, error: outcome.error ?? 'no profile written' });
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const results = {
    generated: started.toISOString(),
    quick: args.quick,
    machine,
    code,
    sizes: sizes,
    method: {
      queries: 'eval/questions.jsonl questions (all; 30 with --quick) + 3-6-word runs of the dossier text (200; 30 with --quick), each as written and with diacritics folded',
      warmup: 'once before timing: 100 other text runs (30 with --quick), both forms; for ours also the eval questions (both forms)',
      ours: 'answer(index, q) on an index loaded with deserializeIndex in a fresh process; memory after load and gc, dossier included',
      miniSearch: "new MiniSearch({ fields: ['text'] }), addAll, search(q) (every match returned)",
      flexSearch: `Index { tokenize: 'strict', folding encoder, resolution 9, context depth 1 bidirectional }, search(q, { limit: ${FLEXSEARCH_LIMIT}, suggest: true })`,
      childTimeoutMin: CHILD_TIMEOUT_MS / 60_000,
      heapLimit: `Node's default (${Math.round(v8.getHeapStatistics().heap_size_limit / MB)} MB here)${args.retryHeapMb !== undefined ? `; ours re-run with --max-old-space-size=${args.retryHeapMb} where it ran out of memory` : ''}`,
    },
    runs,
    targets: allTargets,
    profiles,
  };
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nTargets:');
  for (const { size, targets } of allTargets) {
    for (const t of targets) console.log(`  ${String(size).padEnd(8)} ${t.what} <= ${t.limit} ${t.unit}: ${fmt(t.value, ` ${t.unit}`, 3)}  ${t.pass ? 'PASS' : 'MISS'}`);
  }
  console.log(`\nwrote ${args.out}`);
}

main();
