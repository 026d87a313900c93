// Read a corpus folder from disk: every article file, the alias groups and the glossary.
// Reports every problem (file name + what is wrong) instead of exiting, so that a build can fail
// on any of them while a running bot keeps its last good index.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from './yaml.js';
import type { AliasGroup, Article, Dossier, GlossaryEntry, Passage, ReplyLocale } from '../core/types.js';
import { parseArticle } from './parse.js';

export interface LoadProblem {
  readonly file: string;
  readonly problem: string;
}

export interface LoadResult {
  /** The dossier made of every file that loaded; undefined only if the folder itself cannot be read. */
  readonly dossier?: Dossier;
  readonly problems: readonly LoadProblem[];
}

export const ALIASES_FILE = 'aliases.yaml';
export const GLOSSARY_FILE = 'glossary.yaml';
export const SYNONYMS_FILE = 'synonyms.yaml';
export const EXAMPLES_FILE = 'examples.yaml';
export const METONYMS_FILE = 'metonyms.yaml';
export const OFFICES_FILE = 'offices.yaml';
const ARTICLE_EXTENSION = '.md';
const NOT_ARTICLES = new Set(['readme.md']);

export function loadDossier(dir: string): LoadResult {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    return { problems: [{ file: dir, problem: `cannot read the corpus folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }] };
  }
  const problems: LoadProblem[] = [];
  const hash = createHash('sha256');
  const read = (name: string): string | undefined => {
    const text = readUtf8(join(dir, name), name, problems);
    if (text !== undefined) hash.update(`${name}\0${text}\0`);
    return text;
  };
  const { articles, passages } = readArticles(names.filter(isArticleFile), read, problems);
  const aliases = names.includes(ALIASES_FILE) ? readGroups(ALIASES_FILE, read(ALIASES_FILE), problems) : [];
  const synonyms = names.includes(SYNONYMS_FILE) ? readGroups(SYNONYMS_FILE, read(SYNONYMS_FILE), problems) : [];
  const metonyms = names.includes(METONYMS_FILE) ? readMetonyms(read(METONYMS_FILE), aliases, problems) : [];
  const offices = names.includes(OFFICES_FILE) ? readOffices(read(OFFICES_FILE), aliases, problems) : [];
  const glossary = names.includes(GLOSSARY_FILE) ? readGlossary(read(GLOSSARY_FILE), problems) : [];
  const examples = names.includes(EXAMPLES_FILE) ? readExamples(read(EXAMPLES_FILE), problems) : undefined;
  const dossier: Dossier = { articles, passages, aliases, glossary, synonyms, metonyms, offices, ...(examples ? { examples } : {}), version: hash.digest('hex').slice(0, 12) };
  return { dossier, problems };
}

function isArticleFile(name: string): boolean {
  return name.toLowerCase().endsWith(ARTICLE_EXTENSION) && !NOT_ARTICLES.has(name.toLowerCase());
}

function readArticles(files: readonly string[], read: (name: string) => string | undefined, problems: LoadProblem[]) {
  const articles: Article[] = [];
  const passages: Passage[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const text = read(file);
    if (text === undefined) continue;
    const outcome = parseArticle(file, text);
    if (!outcome.ok) {
      for (const problem of outcome.problems) problems.push({ file, problem });
      continue;
    }
    const { article } = outcome.value;
    const first = seen.get(article.id);
    if (first) {
      problems.push({ file, problem: `duplicate id "${article.id}" (already used by ${first})` });
      continue;
    }
    seen.set(article.id, file);
    articles.push(article);
    passages.push(...outcome.value.passages);
  }
  return { articles, passages };
}

function readUtf8(path: string, file: string, problems: LoadProblem[]): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    problems.push({ file, problem: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return undefined;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '').normalize('NFC');
  } catch {
    problems.push({ file, problem: 'not UTF-8: save the file as UTF-8 text' });
    return undefined;
  }
}

function readYamlList(text: string | undefined, file: string, problems: LoadProblem[]): unknown {
  if (text === undefined) return undefined;
  try {
    return parseYaml(text);
  } catch (error) {
    problems.push({ file, problem: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/**
 * aliases.yaml / synonyms.yaml: a list of groups, each a list of forms of one name or meaning.
 * `shared`: a form may stand in several groups (an office held by several people).
 */
function readGroups(file: string, text: string | undefined, problems: LoadProblem[], accept?: (forms: string[], number: number) => boolean, shared = false): AliasGroup[] {
  const value = readYamlList(text, file, problems);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ file, problem: 'must be a list of groups, e.g. "- [Moscow, Moskva, Mát-xcơ-va]"' });
    return [];
  }
  const groups: AliasGroup[] = [];
  // A form in two groups would silently mean only the first: name it.
  const groupOf = new Map<string, number>();
  value.forEach((group: unknown, i) => {
    if (!Array.isArray(group) || group.length < 2 || group.some((g) => typeof g !== 'string' || g.trim() === '')) {
      problems.push({ file, problem: `group ${i + 1} must list at least two non-empty forms` });
      return;
    }
    const forms = group.map((g: string) => g.normalize('NFC').trim());
    for (const form of forms) {
      const key = form.toLowerCase();
      const first = groupOf.get(key);
      if (!shared && first !== undefined && first !== i) problems.push({ file, problem: `"${form}" is in group ${first + 1} and group ${i + 1}: keep it in one` });
      else groupOf.set(key, i);
    }
    if (!accept || accept(forms, i + 1)) groups.push(forms);
  });
  return groups;
}

/** metonyms.yaml: groups like synonyms.yaml, each form a name of aliases.yaml (else it could never match). */
function readMetonyms(text: string | undefined, aliases: readonly AliasGroup[], problems: LoadProblem[]): AliasGroup[] {
  const names = new Set(aliases.flat().map((form) => form.toLowerCase()));
  // Numbered as in the file: a malformed group before this one is still counted.
  return readGroups(METONYMS_FILE, text, problems, (group, number) => {
    const unknown = group.filter((form) => !names.has(form.toLowerCase()));
    for (const form of unknown) problems.push({ file: METONYMS_FILE, problem: `group ${number}: "${form}" is not a name in ${ALIASES_FILE}; add it there first` });
    return unknown.length === 0;
  });
}

/**
 * offices.yaml: groups of a person (a name of aliases.yaml) and the offices the articles call them
 * by. An office may be listed for several people ("Tổng thống Mỹ"): the article says which one.
 */
function readOffices(text: string | undefined, aliases: readonly AliasGroup[], problems: LoadProblem[]): AliasGroup[] {
  const names = new Set(aliases.flat().map((form) => form.toLowerCase()));
  return readGroups(OFFICES_FILE, text, problems, ([person], number) => {
    if (names.has(person!.toLowerCase())) return true;
    problems.push({ file: OFFICES_FILE, problem: `group ${number}: "${person}" is not a name in ${ALIASES_FILE}; a group starts with the person, named as there` });
    return false;
  }, true);
}

/** glossary.yaml: a map from an English term to one Vietnamese rendering or a list of them. */
function readGlossary(text: string | undefined, problems: LoadProblem[]): GlossaryEntry[] {
  const value = readYamlList(text, GLOSSARY_FILE, problems);
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ file: GLOSSARY_FILE, problem: 'must map English terms to Vietnamese ones, e.g. "armoured train: [tàu bọc thép]"' });
    return [];
  }
  const entries: GlossaryEntry[] = [];
  for (const [en, vi] of Object.entries(value as Record<string, unknown>)) {
    const list = typeof vi === 'string' ? [vi] : vi;
    if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string' || v.trim() === '')) {
      problems.push({ file: GLOSSARY_FILE, problem: `entry "${en}" must give one or more Vietnamese terms` });
      continue;
    }
    entries.push({ en: en.normalize('NFC').trim(), vi: list.map((v: string) => v.normalize('NFC').trim()) });
  }
  return entries;
}

/** examples.yaml: `vi:` and `en:` lists of example questions. */
function readExamples(text: string | undefined, problems: LoadProblem[]): Record<ReplyLocale, string[]> | undefined {
  const value = readYamlList(text, EXAMPLES_FILE, problems);
  if (value === undefined || value === null) return undefined;
  const shape = 'must map "vi" and "en" to lists of questions';
  if (typeof value !== 'object' || Array.isArray(value)) return void problems.push({ file: EXAMPLES_FILE, problem: shape }), undefined;
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => k !== 'vi' && k !== 'en');
  if (unknown.length > 0) problems.push({ file: EXAMPLES_FILE, problem: `unknown key(s) ${unknown.join(', ')}: ${shape}` });
  const list = (key: ReplyLocale): string[] => {
    const v = record[key] ?? [];
    if (Array.isArray(v) && v.every((q) => typeof q === 'string' && q.trim() !== '')) return v.map((q: string) => q.normalize('NFC').trim());
    problems.push({ file: EXAMPLES_FILE, problem: `"${key}" ${shape.slice(5)}` });
    return [];
  };
  return { vi: list('vi'), en: list('en') };
}
