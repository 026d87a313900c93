import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { CRASH_GUILD, CRASH_USERS } from './crash-writer.js';
import { assertScoresMatchAnswers, tempDir } from './helpers.js';

const WRITER = fileURLToPath(new URL('./crash-writer.js', import.meta.url));
// Many short runs rather than one long one: each kill is a fresh chance to land between two writes.
const ROUNDS = 10;
const linesBeforeKill = (round: number): number => 60 + ((round * 37) % 120);

interface Killed {
  readonly committed: readonly string[];
  readonly signal: NodeJS.Signals | null;
}

/**
 * Starts a writer and SIGKILLs it once it has reported `killAfterLines` commits; resolves with every
 * complete line it printed. `children` collects it so the test can kill it if it times out.
 */
function runAndKill(file: string, prefix: string, killAfterLines: number, children: ChildProcess[]): Promise<Killed> {
  const env = { ...process.env };
  delete env['NODE_TEST_CONTEXT']; // the child is a plain script, not a test file
  const child = spawn(process.execPath, [WRITER, file, prefix], { stdio: ['ignore', 'pipe', 'pipe'], env });
  children.push(child);
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const parts = text.split('\n');
      partial = parts.pop() ?? ''; // a line cut by the kill was not fully reported: ignore it
      lines.push(...parts);
      if (lines.length >= killAfterLines && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    // 'close': the process has exited and its stdout is drained.
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ committed: lines, signal });
      else reject(new Error(`writer ${prefix} exited by itself (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

function killSurvivors(children: readonly ChildProcess[]): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

test('GIVEN two writer processes recording answers WHEN both are killed with SIGKILL mid-way, ten times over THEN every reported commit survives and scores equal the answers', { timeout: 60_000 }, async (t) => {
  const file = path.join(tempDir(t), 'hoso.db');
  const children: ChildProcess[] = [];
  t.after(() => killSurvivors(children));
  const reported: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const runs = await Promise.all(
      ['a', 'b'].map((writer) => runAndKill(file, `r${round}${writer}`, linesBeforeKill(round), children)),
    );
    for (const run of runs) {
      assert.equal(run.signal, 'SIGKILL');
      assert.ok(run.committed.length >= linesBeforeKill(round));
      reported.push(...run.committed);
    }
  }

  const store = openStore(file);
  t.after(() => store.close());
  for (const line of reported) {
    const [questionId = '', userId = '', correct] = line.split(' ');
    const saved = store.quiz.getAnswer(questionId, userId);
    assert.ok(saved, `reported as committed but missing: ${line}`);
    assert.equal(saved.correct, correct === '1', line);
  }
  assertScoresMatchAnswers(file, CRASH_GUILD);
  const board = store.scores.leaderboard(CRASH_GUILD);
  assert.deepEqual(board.map((m) => m.userId).sort(), [...CRASH_USERS].sort());
});
