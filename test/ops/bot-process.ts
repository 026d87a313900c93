// Helpers for tests that run the real bot as a child process (`node dist/src/index.js`) against
// the Discord stand-in: environment, JSON log lines, waiting for a line, exit. No tests here.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { VARIABLES } from '../../src/config.js';
import type { DiscordStandin } from '../discord/standin.js';

export const ENTRY = fileURLToPath(new URL('../../src/index.js', import.meta.url));
export const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0.GxYzAb.process-test-token_0123456789abcdef';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

export const LEVEL = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

export interface BotProcess {
  readonly child: ChildProcess;
  /** Parsed JSON lines from stdout, in order. */
  readonly lines: LogLine[];
  /** Everything written to stderr. */
  stderr(): string;
  /** stdout lines that were not JSON (there should be none). */
  readonly stray: string[];
  waitForLine(predicate: (line: LogLine) => boolean, timeoutMs?: number, what?: string): Promise<LogLine>;
  /** Resolves when the process has exited and its output is drained. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** A fresh temp folder, removed when the test ends. */
export function tempDir(t: TestContext, prefix = 'hoso-ops-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Every configuration variable set (empty = unset) so a developer's .env cannot leak in, pointed
 * at the stand-in when one is given; `extra` wins.
 */
export function botEnv(standin: DiscordStandin | undefined, dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['NODE_TEST_CONTEXT']; // the child is the bot, not a test file
  for (const name of VARIABLES) env[name] = '';
  Object.assign(env, {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...(standin ? { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: standin.world.applicationId, DISCORD_API_URL: standin.apiUrl } : {}),
    ...extra,
  });
  return env;
}

/** Starts the bot; killed (SIGKILL) when the test ends if it is still running. */
export function startBot(t: TestContext, env: NodeJS.ProcessEnv, args: readonly string[] = [], stdin: 'ignore' | 'pipe' = 'ignore'): BotProcess {
  const child = spawn(process.execPath, [ENTRY, ...args], { env, stdio: [stdin, 'pipe', 'pipe'] });
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const lines: LogLine[] = [];
  const stray: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts.filter(Boolean)) {
      try {
        lines.push(JSON.parse(part) as LogLine);
      } catch {
        stray.push(part);
      }
    }
    for (const wake of [...waiters]) wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ code, signal, at: performance.now() });
      for (const wake of [...waiters]) wake();
    });
  });
  return {
    child,
    lines,
    stray,
    stderr: () => stderr,
    exited,
    waitForLine(predicate, timeoutMs = 10_000, what = 'a log line') {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find(predicate);
          if (found) {
            done();
            resolve(found);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            done();
            reject(new Error(`the bot exited (${child.exitCode ?? child.signalCode}) before ${what}; stderr: ${stderr}\nlog: ${lines.map((l) => l.msg).join(' | ')}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; log: ${lines.map((l) => l.msg).join(' | ')}; stderr: ${stderr}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
