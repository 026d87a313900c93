// npm run tune: grid search of the ranking parameters on our own question set (never on the
// outside dev set). Objective: mean hit@1 over the three languages plus abstention F1.
import { resolve } from 'node:path';
import { DEFAULT_PARAMS, type RankingParams } from '../src/core/answer.js';
import { openIndex } from '../src/ingest/index-file.js';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from '../src/paths.js';
import { hosoSystem, readItems, score, type Scores } from './eval.js';

const GRID: { readonly [K in keyof RankingParams]?: readonly RankingParams[K][] } = {
  abstainBelow: [0.34, 0.38, 0.42],
  abstainWithoutPhraseBelow: [0.4, 0.45, 0.5, 0.65],
  searchWeight: [0.1, 0.2, 0.35],
  phraseBonus: [0.1, 0.2, 0.35],
  brokenCompoundCredit: [0.5, 0.75, 1],
  kindBonus: [0.08, 0.15],
};

function objective(s: Scores): number {
  const langs = Object.values(s.byLang);
  const hit1 = langs.reduce((sum, l) => sum + l.hit1, 0) / Math.max(langs.length, 1);
  const { precision, recall } = s.abstention;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return hit1 + 0.5 * f1;
}

function* combinations(): Generator<RankingParams> {
  const keys = Object.keys(GRID) as (keyof RankingParams)[];
  const walk = function* (i: number, acc: RankingParams): Generator<RankingParams> {
    if (i === keys.length) return yield acc;
    for (const value of GRID[keys[i]!] as unknown[]) yield* walk(i + 1, { ...acc, [keys[i]!]: value });
  };
  yield* walk(0, DEFAULT_PARAMS);
}

const opened = openIndex(DEFAULT_CORPUS_DIR, undefined);
if (!opened.ok) throw new Error('corpus did not load');
const items = readItems(resolve(PROJECT_ROOT, 'eval/questions.jsonl'));
const results = [...combinations()].map((params) => ({ params, scores: score(items, hosoSystem(opened.value.index, params)) }));
results.sort((a, b) => objective(b.scores) - objective(a.scores));
for (const { params, scores } of results.slice(0, 5)) {
  const changed = Object.fromEntries(Object.keys(GRID).map((k) => [k, params[k as keyof RankingParams]]));
  const langs = Object.entries(scores.byLang).map(([l, v]) => `${l} ${v.hit1.toFixed(3)}`).join(' · ');
  console.log(`${objective(scores).toFixed(3)}  ${JSON.stringify(changed)}\n       hit@1 ${langs} · abstention P ${scores.abstention.precision.toFixed(3)} R ${scores.abstention.recall.toFixed(3)}`);
}
