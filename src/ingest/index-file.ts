// Load the dossier and its index, reusing the saved index when it was built from the same
// corpus with the same analyzer, rebuilding (and re-saving) it otherwise.
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildIndex, type PassageIndex } from '../core/passage-index.js';
import { deserializeIndex, readSavedHeader, serializeIndex, staleReason } from '../core/saved-index.js';
import type { Dossier } from '../core/types.js';
import { loadDossier, type LoadProblem } from './load.js';

export interface LoadedIndex {
  readonly index: PassageIndex;
  readonly problems: readonly LoadProblem[];
  /** How the index was obtained: reused from disk, or rebuilt and why. */
  readonly source:
    | { readonly reused: true }
    /** `saveError`: the rebuilt index serves from memory but could not be written (next start rebuilds again). */
    | { readonly reused: false; readonly reason: string; readonly saveError?: string };
}

export type IndexOutcome = { readonly ok: true; readonly value: LoadedIndex } | { readonly ok: false; readonly problems: readonly LoadProblem[] };

export function openIndex(corpusDir: string, indexFile: string | undefined): IndexOutcome {
  const { dossier, problems } = loadDossier(corpusDir);
  if (!dossier || dossier.passages.length === 0) {
    const empty = dossier ? [{ file: corpusDir, problem: 'no article loaded: the index would be empty' }] : [];
    return { ok: false, problems: [...problems, ...empty] };
  }
  if (!indexFile) return { ok: true, value: { index: buildIndex(dossier), problems, source: { reused: false, reason: 'no index file configured' } } };
  const saved = readSaved(indexFile);
  const reason = saved === undefined ? 'no saved index' : staleReason(readSavedHeader(saved), dossier);
  if (saved !== undefined && reason === undefined) {
    try {
      return { ok: true, value: { index: deserializeIndex(saved, dossier), problems, source: { reused: true } } };
    } catch (error) {
      return rebuilt(dossier, indexFile, problems, `saved index unreadable: ${(error as Error).message}`);
    }
  }
  return rebuilt(dossier, indexFile, problems, reason ?? 'stale');
}

function rebuilt(dossier: Dossier, indexFile: string, problems: readonly LoadProblem[], reason: string): IndexOutcome {
  const index = buildIndex(dossier);
  try {
    saveIndex(index, indexFile);
  } catch (error) {
    // A read-only or full data folder must not keep the bot from serving what it just built.
    const saveError = `cannot write ${indexFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    return { ok: true, value: { index, problems, source: { reused: false, reason, saveError } } };
  }
  return { ok: true, value: { index, problems, source: { reused: false, reason } } };
}

function readSaved(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Write atomically (temp file + rename) so a crash never leaves half an index. */
export function saveIndex(index: PassageIndex, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, serializeIndex(index));
  renameSync(temp, file);
  removeLegacyIndex(dirname(file), file);
}

/** Earlier versions saved the index as `index.json`: once `index.bin` is written, it only takes space. */
const LEGACY_INDEX_NAME = 'index.json';

function removeLegacyIndex(dir: string, current: string): void {
  const legacy = join(dir, LEGACY_INDEX_NAME);
  if (legacy === current) return;
  try {
    const head = Buffer.alloc(4096);
    const fd = openSync(legacy, 'r');
    const length = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    // Only an index of ours: a file we did not write is left alone.
    if (readSavedHeader(head.subarray(0, length))) rmSync(legacy, { force: true });
  } catch {
    // No legacy file, or unreadable: nothing to clean.
  }
}
