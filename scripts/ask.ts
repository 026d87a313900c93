// npm run ask -- "câu hỏi"            the best cited excerpt and two runner-ups, readable
// npm run ask -- --json "câu hỏi"     one JSON object
// npm run ask -- --jsonl < questions  one JSON object per input line; never stops on a bad line
// A contract other tools rely on: keep the JSON shape stable.
import { createInterface } from 'node:readline';
import { answer, DEFAULT_PARAMS, rankPassages } from '../src/core/answer.js';
import { analyzeQuery, checkQuestion } from '../src/core/query.js';
import { formatCitation } from '../src/core/citation.js';
import type { PassageIndex } from '../src/core/passage-index.js';
import { problemMessage } from '../src/core/problems.js';
import type { Answer, Checked, QueryProblem, Result } from '../src/core/types.js';
import { openIndex } from '../src/ingest/index-file.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_DATA_DIR, indexFileIn, isMainModule } from '../src/paths.js';

const USAGE = `usage: npm run ask -- [--json] "câu hỏi"
       npm run ask -- --jsonl < questions.txt
       npm run ask -- --explain "câu hỏi"    (how the question was read and the candidates scored)
Ask the dossier a question (Vietnamese, with or without diacritics, or English).`;

export const EXIT_USAGE = 2;

export interface JsonReply {
  readonly query: string;
  readonly answered: boolean;
  readonly results: readonly JsonResult[];
  readonly error?: { readonly code: QueryProblem; readonly message: string };
  readonly suggestions?: readonly string[];
}

interface JsonResult {
  readonly articleId: string;
  readonly passageId: string;
  readonly paragraph: number;
  readonly title: string;
  readonly date: string;
  readonly excerpt: string;
  readonly passage: string;
  readonly score: number;
  readonly citation: string;
}

export function toJson(question: string, reply: Checked<Answer>): JsonReply {
  if (!reply.ok) return { query: question, answered: false, results: [], error: { code: reply.problem, message: problemMessage(reply.problem, 'en') } };
  const a = reply.value;
  if (a.kind === 'none') return { query: a.query, answered: false, results: [], suggestions: a.suggestions };
  return { query: a.query, answered: true, results: a.results.map(jsonResult) };
}

function jsonResult(r: Result): JsonResult {
  return {
    articleId: r.articleId, passageId: r.passageId, paragraph: r.paragraph, title: r.title, date: r.date,
    excerpt: r.excerpt, passage: r.passage, score: r.score, citation: formatCitation(r.citation, 'vi'),
  };
}

function readable(reply: Checked<Answer>): string {
  if (!reply.ok) return problemMessage(reply.problem, 'vi');
  const a = reply.value;
  if (a.kind === 'none') return `Hồ sơ chưa có thông tin này. Hồ sơ hiện có các bài:\n${a.suggestions.map((s) => `  - ${s}`).join('\n')}`;
  return a.results.slice(0, 3).map((r, i) => {
    const label = i === 0 ? 'Trả lời' : `Kết quả khác ${i}`;
    return `${label}:\n  ${bold(r)}\n  — ${formatCitation(r.citation, 'vi')}`;
  }).join('\n\n');
}

/** Matched terms in **bold**, as the bot shows them. */
function bold(r: Result): string {
  let out = '';
  let at = 0;
  for (const [start, end] of r.highlights) {
    out += `${r.excerpt.slice(at, start)}**${r.excerpt.slice(start, end)}**`;
    at = end;
  }
  return out + r.excerpt.slice(at);
}

/** For moderators tuning the glossary and aliases: what the question became and how candidates scored. */
function explain(index: PassageIndex, question: string): string {
  const checked = checkQuestion(question);
  if (!checked.ok) return problemMessage(checked.problem, 'en');
  const query = analyzeQuery(index, checked.value);
  const slots = query.slots.map((s) => `${s.alternatives.map((a) => a.join(' ')).join(' | ')} (${s.weight.toFixed(2)})`);
  const lines = [
    `language ${query.language}, expects ${query.expected}${query.unit ? `, unit ${query.unit.join('/')}` : ''}`,
    `slots: ${slots.join('; ')}`,
    `pairs: ${query.pairs.join(' ')}  (compounds: ${[...query.compounds].join(' ')})`,
    `unknown: ${query.unknown.join(' ') || '-'}`,
  ];
  for (const r of rankPassages(index, query, DEFAULT_PARAMS).slice(0, 5)) {
    const { sentences, passage } = r.analysis;
    const text = passage.text.slice(sentences[r.window.first]?.start ?? 0, sentences[r.window.last]?.end);
    lines.push(`${r.score.toFixed(3)} coverage ${r.window.coverage.toFixed(2)} phrases ${r.window.phrases} ${passage.id}: ${text.slice(0, 160)}`);
  }
  return lines.join('\n');
}

function openOrExit(): PassageIndex {
  const opened = openIndex(DEFAULT_CORPUS_DIR, indexFileIn(process.env['DATA_DIR'] ?? DEFAULT_DATA_DIR));
  if (!opened.ok) {
    for (const p of opened.problems) console.error(`hoso: ${p.file}: ${p.problem}`);
    process.exit(1);
  }
  for (const p of opened.value.problems) console.error(`hoso: warning: ${p.file}: ${p.problem}`);
  return opened.value.index;
}

async function runJsonl(index: PassageIndex): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    let reply: JsonReply;
    try {
      reply = toJson(line, answer(index, line));
    } catch (error) {
      reply = { query: line, answered: false, results: [], error: { code: 'no-searchable-terms', message: `internal error: ${(error as Error).message}` } };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('--'));
  const words = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter((f) => !['--json', '--jsonl', '--help', '--explain'].includes(f));
  if (flags.includes('--help')) return console.log(USAGE), 0;
  if (unknown.length > 0) return console.error(`hoso: unknown option ${unknown.join(', ')}\n${USAGE}`), EXIT_USAGE;
  if (flags.includes('--jsonl')) {
    if (words.length > 0) return console.error(`hoso: --jsonl reads questions from standard input, not from arguments\n${USAGE}`), EXIT_USAGE;
    await runJsonl(openOrExit());
    return 0;
  }
  const question = words.join(' ');
  if (question.trim() === '') return console.error(`hoso: no question given\n${USAGE}`), EXIT_USAGE;
  const index = openOrExit();
  if (flags.includes('--explain')) return console.log(explain(index, question)), 0;
  const reply = answer(index, question);
  if (flags.includes('--json')) console.log(JSON.stringify(toJson(question, reply)));
  else if (reply.ok) console.log(readable(reply));
  else console.error(`hoso: ${readable(reply)}`);
  return reply.ok ? 0 : EXIT_USAGE;
}

if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
    console.error(`hoso: ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
