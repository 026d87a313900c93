// npm run feedback-report                 the worst-rated /ask answers (question and passage), readable
// npm run feedback-report -- --json       the same as one JSON object
// npm run feedback-report -- --limit 20   how many to list (default 10)
// Reads the store read-only (DATA_DIR/hoso.db); the passages' text comes from the corpus.
import { existsSync } from 'node:fs';
import { citationFor, formatCitation } from '../src/core/citation.js';
import type { Article, Passage } from '../src/core/types.js';
import { describeProblems, readConfig } from '../src/config.js';
import { loadDossier } from '../src/ingest/load.js';
import { DEFAULT_CORPUS_DIR, isMainModule, storeFileIn } from '../src/paths.js';
import { openStore, StoreError, type RatedPassage } from '../src/store/index.js';

const USAGE = `usage: npm run feedback-report [-- --json] [--limit N]
The /ask answers members rated "Not helpful" most, worst first: the question, the passage, the votes.`;
export const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1_000;
const EXCERPT_LENGTH = 220;

export interface ReportOptions {
  readonly database: string;
  readonly corpusDir: string;
  readonly json: boolean;
  readonly limit: number;
}

export interface ReportedAnswer extends RatedPassage {
  /** Absent when the passage is no longer in the dossier. */
  readonly title?: string;
  readonly citation?: string;
  readonly passage?: string;
}

export interface ReportOutcome {
  readonly code: number;
  readonly output: string;
}

/** The report for `options`, as text (or JSON) and an exit code; never throws for a missing or bad database. */
export function feedbackReport(options: ReportOptions): ReportOutcome {
  if (!existsSync(options.database)) {
    if (options.json) return { code: 0, output: JSON.stringify({ database: options.database, exists: false, answers: [] }) };
    return {
      code: 0,
      output: `hoso: no feedback yet: there is no database at ${options.database}. The bot creates it when it starts; ` +
        'votes are recorded when members press Helpful / Not helpful under an /ask answer.',
    };
  }
  let rated: RatedPassage[];
  try {
    const store = openStore(options.database, { readonly: true });
    try {
      rated = store.feedback.worstRated(options.limit);
    } finally {
      store.close();
    }
  } catch (err) {
    if (err instanceof StoreError) return { code: 1, output: err.message };
    throw err;
  }
  const answers = withPassages(rated, options.corpusDir);
  if (options.json) return { code: 0, output: JSON.stringify({ database: options.database, exists: true, answers }) };
  return { code: 0, output: readable(options.database, answers) };
}

/** Each rated answer with its passage's title, citation and text, when the corpus still holds it. */
function withPassages(rated: readonly RatedPassage[], corpusDir: string): ReportedAnswer[] {
  if (rated.length === 0) return [];
  const { dossier } = loadDossier(corpusDir);
  const articles = new Map<string, Article>((dossier?.articles ?? []).map((a) => [a.id, a]));
  const passages = new Map<string, Passage>((dossier?.passages ?? []).map((p) => [p.id, p]));
  return rated.map((r) => {
    const passage = passages.get(r.passageId);
    const article = passage ? articles.get(passage.articleId) : undefined;
    if (!passage || !article) return r;
    return { ...r, title: article.title, citation: formatCitation(citationFor(article, passage), 'vi'), passage: passage.text };
  });
}

export function readable(database: string, answers: readonly ReportedAnswer[]): string {
  if (answers.length === 0) {
    return `hoso feedback report (${database})\nNo answer has been rated "Not helpful" yet: nothing to report.`;
  }
  const lines = [`hoso feedback report (${database})`, `Worst-rated answers, worst first (${answers.length} with at least one "Not helpful"):`];
  answers.forEach((a, i) => {
    const net = a.net > 0 ? `+${a.net}` : String(a.net);
    lines.push('');
    lines.push(`${String(i + 1).padStart(3)}. net ${net} (${a.up} helpful, ${a.down} not helpful) · last vote ${new Date(a.lastVotedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    lines.push(`     question: ${a.question}`);
    if (a.citation !== undefined && a.passage !== undefined) {
      lines.push(`     passage:  ${a.passageId} — ${a.citation}`);
      lines.push(`               “${excerpt(a.passage)}”`);
    } else {
      lines.push(`     passage:  ${a.passageId} (no longer in the dossier)`);
    }
  });
  return lines.join('\n');
}

function excerpt(text: string): string {
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH).replace(/\s+\S*$/u, '')} …`;
}

type Parsed = { readonly ok: true; readonly json: boolean; readonly limit: number } | { readonly ok: false; readonly message?: string };

export function parseArgs(argv: readonly string[]): Parsed {
  let json = false;
  let limit = DEFAULT_LIMIT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--limit') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) return { ok: false, message: `--limit takes a whole number from 1 to ${MAX_LIMIT}` };
      limit = n;
    } else if (arg === '--help' || arg === '-h') return { ok: false };
    else return { ok: false, message: `unknown argument ${JSON.stringify(arg)}` };
  }
  return { ok: true, json, limit };
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (!args.ok) {
    process.stderr.write(`${args.message !== undefined ? `hoso: ${args.message}\n` : ''}${USAGE}\n`);
    return args.message !== undefined ? 2 : 0;
  }
  const loaded = readConfig();
  if (!loaded.ok) {
    process.stderr.write(`${describeProblems(loaded.problems)}\n`);
    return 1;
  }
  const { code, output } = feedbackReport({
    database: storeFileIn(loaded.config.dataDir),
    corpusDir: loaded.config.corpusDir ?? DEFAULT_CORPUS_DIR,
    json: args.json,
    limit: args.limit,
  });
  (code === 0 ? process.stdout : process.stderr).write(`${output}\n`);
  return code;
}

if (isMainModule(import.meta.url)) process.exitCode = main(process.argv.slice(2));
