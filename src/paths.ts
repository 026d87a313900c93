// Where the project's own folders are, wherever the code runs from (src via tsx or dist/src).
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const DEFAULT_CORPUS_DIR = join(PROJECT_ROOT, 'corpus');
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');
/** The saved search index (binary since index format 2). */
export const indexFileIn = (dataDir: string): string => resolve(dataDir, 'index.bin');
/** The SQLite store (votes, pinned summaries, quizzes, scores) under DATA_DIR. */
export const storeFileIn = (dataDir: string): string => resolve(dataDir, 'hoso.db');

/** True when the module at `moduleUrl` is the program node was started with (robust to spaces and symlinks). */
export function isMainModule(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(entry);
  } catch {
    return false;
  }
}
