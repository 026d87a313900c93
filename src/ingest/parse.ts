// Parse one corpus article (Markdown with YAML front matter) into an Article and its passages.
// Pure: takes the file's name and text, returns data or the list of problems found.
import { parseYaml } from './yaml.js';
import type { Article, DatePrecision, Passage } from '../core/types.js';

export interface ParsedArticle {
  readonly article: Article;
  readonly passages: readonly Passage[];
}

export type ParseOutcome = { readonly ok: true; readonly value: ParsedArticle } | { readonly ok: false; readonly problems: readonly string[] };

const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const REQUIRED_FIELDS = ['id', 'title', 'date', 'language'] as const;
const KNOWN_FIELDS = new Set([...REQUIRED_FIELDS, 'outlet', 'byline', 'source', 'source_note', 'date_note', 'notices']);
const CAPTION_MARK = /^@caption(?:\s+|$)/;
const HEADING_MARK = /^##\s+/;
/** "… Ảnh: Reuters. |" -> Reuters */
const PHOTO_CREDIT = /(?:^|\s)Ảnh:\s*([^|]+?)\.?\s*\|?\s*$/u;

export function parseArticle(file: string, text: string): ParseOutcome {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { ok: false, problems: ['no front matter: the file must start with a "---" line, the fields, and a closing "---" line'] };
  const problems: string[] = [];
  const fields = readFields(match[1] ?? '', problems);
  if (!fields) return { ok: false, problems };
  const meta = readMeta(fields, problems);
  const body = readBody(text.slice(match[0].length), meta?.id ?? 'x', problems);
  if (body.paragraphs === 0) problems.push('empty body: no paragraph of article text after the front matter');
  if (!meta || problems.length > 0) return { ok: false, problems };
  const article: Article = {
    ...meta,
    file,
    paragraphCount: body.paragraphs,
    headings: body.headings,
  };
  return { ok: true, value: { article, passages: body.passages } };
}

function readFields(yamlText: string, problems: string[]): Record<string, unknown> | undefined {
  try {
    const value: unknown = yamlText.trim() === '' ? {} : parseYaml(yamlText);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.push('front matter is not a list of "field: value" lines');
  } catch (error) {
    problems.push(`front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return undefined;
}

type Meta = Omit<Article, 'file' | 'paragraphCount' | 'headings'>;

function readMeta(fields: Record<string, unknown>, problems: string[]): Meta | undefined {
  for (const name of REQUIRED_FIELDS) {
    if (fields[name] === undefined || fields[name] === null || String(fields[name]).trim() === '') problems.push(`missing field "${name}"`);
  }
  for (const [name, value] of Object.entries(fields)) {
    if (!KNOWN_FIELDS.has(name)) problems.push(`unknown field "${name}" (known: ${[...KNOWN_FIELDS].join(', ')})`);
    else if (name !== 'notices' && value !== null && typeof value === 'object') problems.push(`field "${name}" must be a single value, not a list or map`);
  }
  const id = text(fields['id']);
  if (id && !ID_PATTERN.test(id)) problems.push(`field "id" must be lower-case letters, digits and single hyphens (got "${id}")`);
  if (id && id.length > 60) problems.push(`field "id" is longer than 60 characters`);
  const date = text(fields['date']);
  const precision = date ? datePrecision(date) : undefined;
  if (date && !precision) problems.push(`field "date" must be YYYY, YYYY-MM or YYYY-MM-DD (got "${date}")`);
  const notices = fields['notices'] ?? [];
  if (!Array.isArray(notices) || notices.some((n) => typeof n !== 'string')) problems.push('field "notices" must be a list of strings');
  if (problems.length > 0 || !id || !date || !precision) return undefined;
  return {
    id,
    title: text(fields['title']) ?? '',
    date,
    datePrecision: precision,
    language: text(fields['language']) ?? 'vi',
    notices: (notices as string[]).map((n) => n.normalize('NFC')),
    ...optional('outlet', text(fields['outlet'])),
    ...optional('byline', text(fields['byline'])),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).normalize('NFC').trim();
  return s === '' ? undefined : s;
}

export function datePrecision(date: string): DatePrecision | undefined {
  const m = DATE_PATTERN.exec(date);
  if (!m) return undefined;
  if (m[3] && !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  return m[3] ? 'day' : m[2] ? 'month' : 'year';
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

interface Body {
  readonly passages: Passage[];
  readonly headings: { text: string; beforeParagraph: number }[];
  readonly paragraphs: number;
}

/**
 * One block per non-empty line: "## " headings, "@caption " photo captions, anything else a body
 * paragraph. A line with no letter or digit ("---", "***") or an empty caption is a problem, not a
 * paragraph: it would shift every later paragraph number.
 */
function readBody(bodyText: string, articleId: string, problems: string[]): Body {
  const passages: Passage[] = [];
  const headings: { text: string; beforeParagraph: number }[] = [];
  let paragraph = 0;
  let captions = 0;
  let heading: string | undefined;
  const lines = bodyText.normalize('NFC').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const where = `body line ${i + 1}`;
    if (!/[\p{L}\p{N}]/u.test(line)) {
      problems.push(`${where} has no words ("${line.slice(0, 20)}"): remove it, or keep it in the front matter's "notices"`);
    } else if (CAPTION_MARK.test(line) && line.replace(CAPTION_MARK, '').trim() === '') {
      problems.push(`${where}: "@caption" with no caption text`);
    } else if (HEADING_MARK.test(line)) {
      heading = line.replace(HEADING_MARK, '');
      headings.push({ text: heading, beforeParagraph: paragraph + 1 });
    } else if (CAPTION_MARK.test(line)) {
      captions += 1;
      const caption = line.replace(CAPTION_MARK, '').trim();
      const credit = PHOTO_CREDIT.exec(caption)?.[1];
      passages.push({
        id: `${articleId}#anh-${captions}`, articleId, kind: 'caption', paragraph, captionNumber: captions, text: caption,
        ...(heading ? { heading } : {}), ...(credit ? { credit } : {}),
      });
    } else {
      paragraph += 1;
      passages.push({ id: `${articleId}#${paragraph}`, articleId, kind: 'paragraph', paragraph, captionNumber: 0, text: line, ...(heading ? { heading } : {}) });
    }
  }
  return { passages, headings, paragraphs: paragraph };
}
