// npm run eval [FILE] [--misses] [--params JSON]
// Scores the search core on a question set (FORMAT: ../shared/eval/FORMAT.md): hit@1, hit@3 and
// MRR per language on the excerpt, abstention precision/recall on off-topic questions; and, in the
// same run, plain MiniSearch (default options) on the same passages.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { fold } from '../src/core/analyzer.js';
import { answer, DEFAULT_PARAMS, type RankingParams } from '../src/core/answer.js';
import type { PassageIndex } from '../src/core/passage-index.js';
import { openIndex } from '../src/ingest/index-file.js';
import { DEFAULT_CORPUS_DIR, isMainModule, PROJECT_ROOT } from '../src/paths.js';

export interface EvalItem {
  readonly id: string;
  readonly q: string;
  readonly lang: 'vi' | 'vi-nodiac' | 'en';
  readonly kind: string;
  readonly answers: readonly string[];
  readonly article: readonly string[];
  readonly note?: string;
}

/** What a system returns for one question: excerpts best first, or [] when it abstains. */
export type System = (question: string) => readonly string[];

export interface Scores {
  readonly byLang: Record<string, { n: number; hit1: number; hit3: number; mrr: number }>;
  readonly abstention: { precision: number; recall: number; abstained: number; offtopic: number };
  readonly misses: { item: EvalItem; got: string | undefined }[];
}

export function readItems(file: string): EvalItem[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((line, i) => {
    try {
      return JSON.parse(line) as EvalItem;
    } catch {
      throw new Error(`${file}:${i + 1}: not a JSON object`);
    }
  });
}

/** FORMAT.md: compared after NFC + lower case, and failing that after folding diacritics. */
export function isHit(excerpt: string, answers: readonly string[]): boolean {
  const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ');
  const text = norm(excerpt);
  return answers.some((a) => text.includes(norm(a)) || fold(text).includes(fold(norm(a))));
}

export function score(items: readonly EvalItem[], system: System): Scores {
  const byLang: Scores['byLang'] = {};
  const misses: Scores['misses'] = [];
  let abstained = 0;
  let abstainedOfftopic = 0;
  let offtopic = 0;
  for (const item of items) {
    const excerpts = system(item.q);
    const isOfftopic = item.answers.length === 0;
    if (excerpts.length === 0) abstained += 1;
    if (isOfftopic) {
      offtopic += 1;
      if (excerpts.length === 0) abstainedOfftopic += 1;
      else misses.push({ item, got: excerpts[0] });
      continue;
    }
    const rank = excerpts.findIndex((e) => isHit(e, item.answers));
    const s = (byLang[item.lang] ??= { n: 0, hit1: 0, hit3: 0, mrr: 0 });
    s.n += 1;
    if (rank === 0) s.hit1 += 1;
    if (rank >= 0 && rank < 3) s.hit3 += 1;
    if (rank >= 0) s.mrr += 1 / (rank + 1);
    if (rank !== 0) misses.push({ item, got: excerpts[0] });
  }
  for (const s of Object.values(byLang)) {
    s.hit1 /= s.n;
    s.hit3 /= s.n;
    s.mrr /= s.n;
  }
  const precision = abstained === 0 ? 1 : abstainedOfftopic / abstained;
  const recall = offtopic === 0 ? 1 : abstainedOfftopic / offtopic;
  return { byLang, abstention: { precision, recall, abstained, offtopic }, misses };
}

export function hosoSystem(index: PassageIndex, params: RankingParams = DEFAULT_PARAMS): System {
  return (question) => {
    const reply = answer(index, question, { params });
    return reply.ok && reply.value.kind === 'found' ? reply.value.results.map((r) => r.excerpt) : [];
  };
}

/** Plain MiniSearch, default options, one document per passage; its excerpt is the whole passage. */
export function plainMiniSearchSystem(index: PassageIndex): System {
  const passages = index.dossier.passages;
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  mini.addAll(passages.map((p, id) => ({ id, text: p.text })));
  return (question) => mini.search(question).slice(0, 5).map((r) => passages[r.id as number]!.text);
}

function formatScores(name: string, s: Scores): string[] {
  const lines = [`${name}`];
  for (const lang of ['vi', 'vi-nodiac', 'en']) {
    const v = s.byLang[lang];
    if (v) lines.push(`  ${lang.padEnd(10)} n=${String(v.n).padStart(3)}  hit@1 ${v.hit1.toFixed(3)}  hit@3 ${v.hit3.toFixed(3)}  MRR ${v.mrr.toFixed(3)}`);
  }
  const a = s.abstention;
  lines.push(`  abstention precision ${a.precision.toFixed(3)}  recall ${a.recall.toFixed(3)}  (abstained ${a.abstained}, off-topic ${a.offtopic})`);
  return lines;
}

function main(argv: readonly string[]): void {
  const file = resolve(argv.find((a) => !a.startsWith('--') && !a.startsWith('{')) ?? resolve(PROJECT_ROOT, 'eval/questions.jsonl'));
  const paramsArg = argv[argv.indexOf('--params') + 1];
  const params = argv.includes('--params') && paramsArg ? { ...DEFAULT_PARAMS, ...(JSON.parse(paramsArg) as Partial<RankingParams>) } : DEFAULT_PARAMS;
  const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
  if (!opened.ok) {
    for (const p of opened.problems) console.error(`${p.file}: ${p.problem}`);
    process.exit(1);
  }
  if (opened.value.problems.length > 0) {
    for (const p of opened.value.problems) console.error(`${p.file}: ${p.problem}`);
    console.error('eval: the corpus has problems; fix them first (scores would not mean anything)');
    process.exit(1);
  }
  const items = readItems(file);
  const ours = score(items, hosoSystem(opened.value.index, params));
  const plain = score(items, plainMiniSearchSystem(opened.value.index));
  console.log(`eval: ${file} (${items.length} questions)`);
  for (const line of [...formatScores('hoso', ours), ...formatScores('plain MiniSearch (defaults; excerpt = whole passage)', plain)]) console.log(line);
  if (argv.includes('--misses')) {
    for (const { item, got } of ours.misses) console.log(`MISS ${item.id} [${item.lang}/${item.kind}] ${item.q}\n   want ${JSON.stringify(item.answers)}\n   got  ${got ?? '(abstained)'}`);
  }
}

if (isMainModule(import.meta.url)) main(process.argv.slice(2));
