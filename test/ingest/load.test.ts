// The corpus loader: every broken file is reported with its name and what is wrong, and the good
// files beside it still load. The real corpus must load cleanly and keep the README's rules.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dossier } from '../../src/core/types.js';
import { loadDossier, type LoadProblem, type LoadResult } from '../../src/ingest/load.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const CORPUS = join(PROJECT_ROOT, 'corpus');

interface Fields {
  id?: string;
  title?: string;
  date?: string;
  language?: string;
  [other: string]: string | undefined;
}

const GOOD_BODY = 'Đoạn thứ nhất của bài.\n\n@caption Một chú thích ảnh. Ảnh: AFP |\n\nĐoạn thứ hai của bài.\n';

/** An article file: the given front matter fields (undefined = left out) and a body. */
function article(fields: Fields, body = GOOD_BODY): string {
  const all: Fields = { id: 'bai-tot', title: '"Bài tốt"', date: '"2023-09"', language: 'vi', ...fields };
  const lines = Object.entries(all).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/** A corpus folder in a temp dir, removed when the test ends. */
function corpus(t: TestContext, files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-load-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function load(t: TestContext, files: Record<string, string | Buffer>): LoadResult & { dossier: Dossier } {
  const result = loadDossier(corpus(t, files));
  assert.ok(result.dossier, 'a readable folder always gives a dossier');
  return result as LoadResult & { dossier: Dossier };
}

/** The problems reported for one file. */
const about = (problems: readonly LoadProblem[], file: string): string[] => problems.filter((p) => p.file === file).map((p) => p.problem);

/** One good file beside `bad`: the good one loads, the bad one is reported (by name) and left out. */
function loadBesideGood(t: TestContext, bad: string | Buffer, badName = 'bad.md'): { problems: string[]; result: LoadResult & { dossier: Dossier } } {
  const result = load(t, { 'good.md': article({ id: 'good' }), [badName]: bad });
  assert.deepEqual(result.dossier.articles.map((a) => a.id), ['good'], 'the good file still loads');
  assert.ok(result.dossier.passages.every((p) => p.articleId === 'good'));
  assert.deepEqual(about(result.problems, 'good.md'), [], 'the good file has no problem');
  for (const p of result.problems) assert.equal(typeof p.file, 'string');
  const problems = about(result.problems, badName);
  assert.ok(problems.length > 0, `${badName} is reported by name`);
  return { problems, result };
}

// ---- one good file --------------------------------------------------------------------------------

test('GIVEN one well-formed article WHEN loaded THEN it gives the article, numbered paragraphs and a caption, and no problem', (t) => {
  const { dossier, problems } = load(t, { 'bai.md': article({}) });
  assert.deepEqual(problems, []);
  assert.equal(dossier.articles.length, 1);
  const a = dossier.articles[0]!;
  assert.equal(a.id, 'bai-tot');
  assert.equal(a.title, 'Bài tốt');
  assert.equal(a.date, '2023-09');
  assert.equal(a.datePrecision, 'month');
  assert.equal(a.file, 'bai.md');
  assert.equal(a.paragraphCount, 2);
  assert.deepEqual(dossier.passages.map((p) => [p.id, p.kind, p.paragraph]), [
    ['bai-tot#1', 'paragraph', 1],
    ['bai-tot#anh-1', 'caption', 1],
    ['bai-tot#2', 'paragraph', 2],
  ]);
  assert.equal(dossier.passages[1]!.credit, 'AFP');
  assert.match(dossier.version, /^[0-9a-f]{12}$/);
});

test('GIVEN a file with a BOM and CRLF line endings WHEN loaded THEN it loads like a plain one', (t) => {
  const { dossier, problems } = load(t, { 'bai.md': `\uFEFF${article({}).replace(/\n/g, '\r\n')}` });
  assert.deepEqual(problems, []);
  assert.deepEqual(dossier.passages.map((p) => p.text), ['Đoạn thứ nhất của bài.', 'Một chú thích ảnh. Ảnh: AFP |', 'Đoạn thứ hai của bài.']);
});

test('GIVEN a README.md and a non-markdown file WHEN loaded THEN neither is read as an article', (t) => {
  const { dossier, problems } = load(t, { 'bai.md': article({}), 'README.md': '# not an article\n', 'notes.txt': 'x' });
  assert.deepEqual(problems, []);
  assert.deepEqual(dossier.articles.map((a) => a.file), ['bai.md']);
});

test('GIVEN a folder that does not exist WHEN loaded THEN there is no dossier and one problem naming the folder', () => {
  const missing = join(tmpdir(), `hoso-no-such-folder-${process.pid}-${Date.now()}`);
  const result = loadDossier(missing);
  assert.equal(result.dossier, undefined);
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0]!.file, missing);
  assert.match(result.problems[0]!.problem, /cannot read/);
});

// ---- bad files, one at a time ----------------------------------------------------------------------

test('GIVEN a file with no front matter WHEN loaded THEN it is reported as such and the good file loads', (t) => {
  const { problems } = loadBesideGood(t, 'Chỉ có nội dung, không có phần đầu.\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /no front matter/);
});

for (const field of ['id', 'title', 'date', 'language'] as const) {
  test(`GIVEN an article without the required field "${field}" WHEN loaded THEN the missing field is named`, (t) => {
    const { problems } = loadBesideGood(t, article({ id: 'bad', [field]: undefined }));
    assert.ok(problems.some((p) => p.includes(`missing field "${field}"`)), problems.join('; '));
  });

  test(`GIVEN an article whose field "${field}" is empty WHEN loaded THEN the field is reported missing`, (t) => {
    const { problems } = loadBesideGood(t, article({ id: 'bad', [field]: '""' }));
    assert.ok(problems.some((p) => p.includes(`missing field "${field}"`)), problems.join('; '));
  });
}

for (const id of ['Bad-Id', 'bad_id', 'bad--id', '-bad', 'bad-', 'bài-tốt', 'bad id', 'a'.repeat(61)]) {
  test(`GIVEN an article with the bad id "${id.length > 20 ? `${id.slice(0, 10)}… (${id.length} chars)` : id}" WHEN loaded THEN the id is reported`, (t) => {
    const { problems } = loadBesideGood(t, article({ id: JSON.stringify(id) }));
    assert.ok(problems.some((p) => p.includes('field "id"')), problems.join('; '));
  });
}

for (const date of ['2023-13', '2023-09-32', '2023-00', '12/9/2023', '2023/09/12', '23-09-12', 'tháng 9', '2023-9-1']) {
  test(`GIVEN an article with the bad date "${date}" WHEN loaded THEN the date is reported`, (t) => {
    const { problems } = loadBesideGood(t, article({ id: 'bad', date: JSON.stringify(date) }));
    assert.ok(problems.some((p) => p.includes('field "date"')), problems.join('; '));
  });
}

for (const [date, precision] of [['2019', 'year'], ['2019-04', 'month'], ['2019-04-25', 'day']] as const) {
  test(`GIVEN the date "${date}" WHEN loaded THEN it is accepted with precision "${precision}"`, (t) => {
    const { dossier, problems } = load(t, { 'bai.md': article({ date: JSON.stringify(date) }) });
    assert.deepEqual(problems, []);
    assert.equal(dossier.articles[0]!.date, date);
    assert.equal(dossier.articles[0]!.datePrecision, precision);
  });
}

test('GIVEN a date that does not exist on the calendar ("2023-02-30") WHEN loaded THEN the date is reported', (t) => {
  const { problems } = loadBesideGood(t, article({ id: 'bad', date: '"2023-02-30"' }));
  assert.ok(problems.some((p) => p.includes('field "date"')), problems.join('; '));
});

test('GIVEN a title or date given as a YAML list WHEN loaded THEN the field is reported', (t) => {
  const { problems } = loadBesideGood(t, article({ id: 'bad', title: '[x, y]', date: '[2019]' }));
  assert.ok(problems.some((p) => p.includes('"title"')), problems.join('; '));
  assert.ok(problems.some((p) => p.includes('"date"')), problems.join('; '));
});

test('GIVEN two files with the same id WHEN loaded THEN the problem names both files and the first one loads', (t) => {
  const { dossier, problems } = load(t, {
    'a-first.md': article({ id: 'same', title: '"Thứ nhất"' }),
    'b-second.md': article({ id: 'same', title: '"Thứ hai"' }),
  });
  assert.equal(problems.length, 1);
  const [p] = problems;
  assert.equal(p!.file, 'b-second.md');
  assert.match(p!.problem, /duplicate id "same"/);
  assert.match(p!.problem, /a-first\.md/);
  assert.deepEqual(dossier.articles.map((a) => a.title), ['Thứ nhất']);
  assert.equal(new Set(dossier.passages.map((p) => p.id)).size, dossier.passages.length, 'no passage is there twice');
});

for (const [label, body] of [
  ['nothing', ''],
  ['only blank lines', '\n\n   \n\t\n'],
  ['only a heading and a caption', '## Một tiêu đề\n\n@caption Ảnh: AFP |\n'],
] as const) {
  test(`GIVEN an article whose body is ${label} WHEN loaded THEN it is reported as an empty body`, (t) => {
    const { problems } = loadBesideGood(t, article({ id: 'bad' }, body));
    assert.ok(problems.some((p) => p.includes('empty body')), problems.join('; '));
  });
}

test('GIVEN a file that is not UTF-8 (bytes 0xff 0xfe ...) WHEN loaded THEN it is reported as not UTF-8', (t) => {
  const { problems } = loadBesideGood(t, Buffer.from([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00, 0x2d, 0x00, 0x0a, 0x00]));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /not UTF-8/);
});

test('GIVEN a Latin-1 encoded Vietnamese-looking file WHEN loaded THEN it is reported as not UTF-8', (t) => {
  const latin1 = Buffer.from(article({ id: 'bad', title: '"Caf\u00e9 \u00e0 \u00e9"' }), 'latin1');
  const { problems } = loadBesideGood(t, latin1);
  assert.match(problems.join('; '), /not UTF-8/);
});

test('GIVEN an article with an unknown field WHEN loaded THEN the field is named', (t) => {
  const { problems } = loadBesideGood(t, article({ id: 'bad', author: '"Ai đó"' }));
  assert.ok(problems.some((p) => p.includes('unknown field "author"')), problems.join('; '));
});

test('GIVEN the optional fields (outlet, byline, source, notices...) WHEN loaded THEN they are accepted', (t) => {
  const { dossier, problems } = load(t, {
    'bai.md': article({ outlet: '"VTV"', byline: '"Vũ Hoàng"', source: 'x.txt', source_note: '"n"', date_note: '"d"', notices: '["* Mời quý độc giả"]' }),
  });
  assert.deepEqual(problems, []);
  const a = dossier.articles[0]!;
  assert.equal(a.outlet, 'VTV');
  assert.equal(a.byline, 'Vũ Hoàng');
  assert.deepEqual(a.notices, ['* Mời quý độc giả']);
});

test('GIVEN "notices" that is not a list of strings WHEN loaded THEN it is reported', (t) => {
  const { problems } = loadBesideGood(t, article({ id: 'bad', notices: '"just one string"' }));
  assert.ok(problems.some((p) => p.includes('"notices"')), problems.join('; '));
});

test('GIVEN front matter that is not valid YAML WHEN loaded THEN it is reported as invalid YAML', (t) => {
  const { problems } = loadBesideGood(t, article({ id: 'bad', title: '"unclosed quote' }));
  assert.ok(problems.some((p) => p.includes('not valid YAML')), problems.join('; '));
});

test('GIVEN front matter that is a YAML list, not fields WHEN loaded THEN it is reported', (t) => {
  const { problems } = loadBesideGood(t, '---\n- id\n- title\n---\n\nĐoạn.\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /field: value/);
});

test('GIVEN an empty front matter block ("---" then "---") WHEN loaded THEN every required field is reported missing', (t) => {
  const { problems } = loadBesideGood(t, '---\n---\n\nĐoạn.\n');
  for (const field of ['id', 'title', 'date', 'language']) assert.ok(problems.some((p) => p.includes(`missing field "${field}"`)), problems.join('; '));
});

test('GIVEN several bad files WHEN loaded THEN each is reported under its own name and only the good ones load', (t) => {
  const { dossier, problems } = load(t, {
    '1-good.md': article({ id: 'good-one' }),
    '2-no-front.md': 'Không có phần đầu.\n',
    '3-bad-date.md': article({ id: 'bad-date', date: '"2023-13"' }),
    '4-good.md': article({ id: 'good-two' }),
    '5-latin.md': Buffer.from([0xff, 0xfe, 0x00]),
  });
  assert.deepEqual(dossier.articles.map((a) => a.id), ['good-one', 'good-two']);
  assert.deepEqual([...new Set(problems.map((p) => p.file))].sort(), ['2-no-front.md', '3-bad-date.md', '5-latin.md']);
});

// ---- aliases.yaml and glossary.yaml ----------------------------------------------------------------

const GOOD_ALIASES = '- [Moscow, Moskva, Mát-xcơ-va]\n';
const GOOD_GLOSSARY = 'armoured train: [tàu bọc thép]\nfighter: tiêm kích\n';

test('GIVEN good aliases.yaml and glossary.yaml WHEN loaded THEN groups and entries are read (single strings as one rendering)', (t) => {
  const { dossier, problems } = load(t, { 'bai.md': article({}), 'aliases.yaml': GOOD_ALIASES, 'glossary.yaml': GOOD_GLOSSARY });
  assert.deepEqual(problems, []);
  assert.deepEqual(dossier.aliases, [['Moscow', 'Moskva', 'Mát-xcơ-va']]);
  assert.deepEqual(dossier.glossary, [{ en: 'armoured train', vi: ['tàu bọc thép'] }, { en: 'fighter', vi: ['tiêm kích'] }]);
});

for (const [label, text, pattern] of [
  ['a map instead of a list', 'Moscow: Moskva\n', /must be a list of groups/],
  ['a group with one spelling', '- [Moscow]\n- [Nga, Russia]\n', /group 1/],
  ['a group that is a plain string', '- [Nga, Russia]\n- Moskva\n', /group 2/],
  ['a group with an empty spelling', '- [Moscow, ""]\n', /group 1/],
  ['a group with a number', '- [Moscow, 3]\n', /group 1/],
  ['invalid YAML', '- [Moscow, Moskva\n', /not valid YAML/],
  ['one spelling in two groups', '- [Moscow, Moskva]\n- [Nga, Russia]\n- [moskva, Mát-xcơ-va]\n', /"moskva" is in group 1 and group 3/],
] as const) {
  test(`GIVEN aliases.yaml with ${label} WHEN loaded THEN aliases.yaml is reported and the articles still load`, (t) => {
    const { dossier, problems } = load(t, { 'bai.md': article({}), 'aliases.yaml': text, 'glossary.yaml': GOOD_GLOSSARY });
    assert.equal(dossier.articles.length, 1);
    const mine = about(problems, 'aliases.yaml');
    assert.ok(mine.length > 0 && mine.some((p) => pattern.test(p)), mine.join('; '));
    assert.deepEqual(about(problems, 'glossary.yaml'), []);
    assert.ok(problems.every((p) => p.file === 'aliases.yaml'));
  });
}

test('GIVEN aliases.yaml with one bad group among good ones WHEN loaded THEN the good groups are kept', (t) => {
  const { dossier } = load(t, { 'bai.md': article({}), 'aliases.yaml': '- [Nga, Russia]\n- [Moscow]\n- [Bình Nhưỡng, Pyongyang]\n' });
  assert.deepEqual(dossier.aliases, [['Nga', 'Russia'], ['Bình Nhưỡng', 'Pyongyang']]);
});

for (const [label, text, pattern] of [
  ['a list instead of a map', '- [train, tàu]\n', /must map English terms/],
  ['an empty list of renderings', 'train: []\n', /entry "train"/],
  ['a number as rendering', 'tank: 5\n', /entry "tank"/],
  ['an empty rendering', 'tank: [""]\n', /entry "tank"/],
  ['invalid YAML', 'train: [tàu\n', /not valid YAML/],
] as const) {
  test(`GIVEN glossary.yaml with ${label} WHEN loaded THEN glossary.yaml is reported and the articles still load`, (t) => {
    const { dossier, problems } = load(t, { 'bai.md': article({}), 'aliases.yaml': GOOD_ALIASES, 'glossary.yaml': text });
    assert.equal(dossier.articles.length, 1);
    const mine = about(problems, 'glossary.yaml');
    assert.ok(mine.length > 0 && mine.some((p) => pattern.test(p)), mine.join('; '));
    assert.ok(problems.every((p) => p.file === 'glossary.yaml'));
  });
}

// ---- metonyms.yaml --------------------------------------------------------------------------------

test('GIVEN metonyms.yaml naming spellings of aliases.yaml WHEN loaded THEN its groups are read and the version covers it', (t) => {
  const aliases = '- [Nga, Russia]\n- [Moscow, Moskva]\n- [Điện Kremlin, Kremlin]\n';
  const { dossier, problems } = load(t, { 'bai.md': article({}), 'aliases.yaml': aliases, 'metonyms.yaml': '- [Russia, Moskva, Kremlin]\n' });
  assert.deepEqual(problems, []);
  assert.deepEqual(dossier.metonyms, [['Russia', 'Moskva', 'Kremlin']]);
  const without = load(t, { 'bai.md': article({}), 'aliases.yaml': aliases }).dossier;
  assert.notEqual(without.version, dossier.version);
});

test('GIVEN metonyms.yaml with a name that is in no alias group WHEN loaded THEN it is reported by name, that group dropped, the rest kept', (t) => {
  const aliases = '- [Nga, Russia]\n- [Moscow, Moskva]\n- [Triều Tiên, North Korea]\n- [Bình Nhưỡng, Pyongyang]\n';
  const { dossier, problems } = load(t, { 'bai.md': article({}), 'aliases.yaml': aliases, 'metonyms.yaml': '- [Nga, Moscow, Leningrad]\n- [Triều Tiên, Bình Nhưỡng]\n' });
  const mine = about(problems, 'metonyms.yaml');
  assert.equal(mine.length, 1, mine.join('; '));
  assert.match(mine[0]!, /group 1: "Leningrad" is not a name in aliases\.yaml/);
  assert.deepEqual(dossier.metonyms, [['Triều Tiên', 'Bình Nhưỡng']]);
});

test('GIVEN metonyms.yaml with a malformed group before one naming an unknown name WHEN loaded THEN each is reported by its number in the file', (t) => {
  const aliases = '- [Nga, Russia]\n- [Moscow, Moskva]\n';
  const { problems } = load(t, { 'bai.md': article({}), 'aliases.yaml': aliases, 'metonyms.yaml': '- [Nga]\n- [Nga, Moscow, Leningrad]\n' });
  const mine = about(problems, 'metonyms.yaml');
  assert.ok(mine.some((p) => /group 1 must list at least two/.test(p)), mine.join('; '));
  assert.ok(mine.some((p) => /group 2: "Leningrad" is not a name/.test(p)), mine.join('; '));
});

// ---- offices.yaml ---------------------------------------------------------------------------------

test('GIVEN offices.yaml with an office held by two people WHEN loaded THEN both groups are read, no problem, and the version covers it', (t) => {
  const aliases = '- [Donald Trump, Trump]\n- [Joe Biden, Biden]\n';
  const offices = '- [Donald Trump, Tổng thống Mỹ]\n- [Biden, Tổng thống Mỹ, Tổng thống Hoa Kỳ]\n';
  const { dossier, problems } = load(t, { 'bai.md': article({}), 'aliases.yaml': aliases, 'offices.yaml': offices });
  assert.deepEqual(problems, []);
  assert.deepEqual(dossier.offices, [['Donald Trump', 'Tổng thống Mỹ'], ['Biden', 'Tổng thống Mỹ', 'Tổng thống Hoa Kỳ']]);
  const without = load(t, { 'bai.md': article({}), 'aliases.yaml': aliases }).dossier;
  assert.notEqual(without.version, dossier.version);
});

test('GIVEN offices.yaml whose group starts with no name of aliases.yaml, or names one office only WHEN loaded THEN each is reported by its number, those groups dropped, the rest kept', (t) => {
  const aliases = '- [Vladimir Putin, Putin]\n';
  const offices = '- [Tổng thống Nga, Putin]\n- [Putin]\n- [Putin, nhà lãnh đạo Nga]\n';
  const { dossier, problems } = load(t, { 'bai.md': article({}), 'aliases.yaml': aliases, 'offices.yaml': offices });
  const mine = about(problems, 'offices.yaml');
  assert.ok(mine.some((p) => /group 1: "Tổng thống Nga" is not a name in aliases\.yaml/.test(p)), mine.join('; '));
  assert.ok(mine.some((p) => /group 2 must list at least two/.test(p)), mine.join('; '));
  assert.equal(mine.length, 2, mine.join('; '));
  assert.deepEqual(dossier.offices, [['Putin', 'nhà lãnh đạo Nga']]);
});

test('GIVEN a glossary change WHEN loaded again THEN the dossier version changes', (t) => {
  const before = load(t, { 'bai.md': article({}), 'glossary.yaml': GOOD_GLOSSARY }).dossier.version;
  const same = load(t, { 'bai.md': article({}), 'glossary.yaml': GOOD_GLOSSARY }).dossier.version;
  const after = load(t, { 'bai.md': article({}), 'glossary.yaml': `${GOOD_GLOSSARY}tank: xe tăng\n` }).dossier.version;
  assert.equal(same, before, 'the same content gives the same version');
  assert.notEqual(after, before);
});

test('GIVEN a subfolder named like an article WHEN loaded THEN it is reported by name, not a crash', (t) => {
  const dir = corpus(t, { 'bai.md': article({}) });
  mkdirSync(join(dir, 'folder.md'));
  const { dossier, problems } = loadDossier(dir);
  assert.equal(dossier?.articles.length, 1);
  assert.ok(about(problems, 'folder.md').length > 0);
});

// ---- the real corpus --------------------------------------------------------------------------------

test('GIVEN the real corpus WHEN loaded THEN there is no problem and there are 5 articles', () => {
  const { dossier, problems } = loadDossier(CORPUS);
  assert.deepEqual(problems, []);
  assert.ok(dossier);
  assert.equal(dossier.articles.length, 5);
  assert.ok(dossier.aliases.length > 0);
  assert.ok(dossier.glossary.length > 0);
});

function realDossier(): Dossier {
  const { dossier } = loadDossier(CORPUS);
  assert.ok(dossier);
  return dossier;
}

test('GIVEN the real corpus WHEN loaded THEN every passage id is unique and is <article-id>#<n> or <article-id>#anh-<k>', () => {
  const dossier = realDossier();
  const ids = dossier.passages.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const p of dossier.passages) {
    const expected = p.kind === 'caption' ? `${p.articleId}#anh-${p.captionNumber}` : `${p.articleId}#${p.paragraph}`;
    assert.equal(p.id, expected);
    assert.match(p.id, /^[a-z0-9-]+#(?:\d+|anh-\d+)$/);
  }
  for (const a of dossier.articles) {
    const paragraphs = dossier.passages.filter((p) => p.articleId === a.id && p.kind === 'paragraph');
    assert.deepEqual(paragraphs.map((p) => p.paragraph), Array.from({ length: a.paragraphCount }, (_, i) => i + 1), `${a.id}: paragraphs 1..N`);
  }
});

test('GIVEN the real corpus WHEN loaded THEN every "@caption" line is a caption passage and never a paragraph', () => {
  const dossier = realDossier();
  for (const a of dossier.articles) {
    const source = readFileSync(join(CORPUS, a.file), 'utf8').normalize('NFC');
    const captionLines = source.split(/\r?\n/).filter((l) => l.trim().startsWith('@caption ')).map((l) => l.trim().slice('@caption '.length).trim());
    const captions = dossier.passages.filter((p) => p.articleId === a.id && p.kind === 'caption');
    assert.deepEqual(captions.map((c) => c.text), captionLines, `${a.id}: every caption line, in order`);
    captions.forEach((c, i) => assert.equal(c.captionNumber, i + 1));
  }
  assert.ok(dossier.passages.some((p) => p.kind === 'caption'), 'the corpus has captions');
  for (const p of dossier.passages) {
    assert.ok(!p.text.startsWith('@caption'), p.id);
    assert.ok(!p.text.startsWith('#'), `${p.id}: headings are not passages`);
    if (p.kind === 'paragraph') assert.ok(!/^Ảnh:/u.test(p.text), `${p.id}: a photo credit is not a paragraph`);
  }
});

test('GIVEN the real corpus WHEN loaded THEN notices and bylines are in article metadata, not in any passage', () => {
  const dossier = realDossier();
  const allNotices = dossier.articles.flatMap((a) => a.notices);
  const bylines = dossier.articles.flatMap((a) => (a.byline ? [a.byline] : []));
  assert.ok(allNotices.some((n) => n.includes('Mời quý độc giả')), 'the VTV notice is kept in metadata');
  assert.ok(allNotices.includes('{keywords}'), 'the template artefact is kept in metadata');
  assert.ok(bylines.includes('Vũ Hoàng (Theo Foreign Policy)'), 'the byline is kept in metadata');
  for (const p of dossier.passages) {
    for (const marker of ['Mời quý độc giả', '{keywords}', 'Vũ Hoàng (Theo Foreign Policy)', '{', '}']) {
      assert.ok(!p.text.includes(marker), `${p.id} contains "${marker}"`);
    }
    for (const notice of allNotices) assert.ok(!p.text.includes(notice), `${p.id} contains a notice`);
    for (const byline of bylines) assert.notEqual(p.text.trim(), byline, `${p.id} is a byline`);
  }
});

test('GIVEN the real corpus WHEN loaded THEN every article has a title, an ISO date and a paragraph count', () => {
  for (const a of realDossier().articles) {
    assert.ok(a.title.length > 0);
    assert.match(a.date, /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
    assert.ok(a.paragraphCount > 0);
    assert.ok(a.file.endsWith('.md'));
  }
});
