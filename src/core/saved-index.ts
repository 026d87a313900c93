// The saved index: a sectioned file (sectioned-file.ts) whose header says which dossier and
// analyzer it was built for, and whose sections are the compact index's arrays, so loading is
// wrapping the file's bytes, not parsing them. Format 1 was MiniSearch's JSON, one part a line:
// such a file is reported stale (and rebuilt by the caller), never read.
import { ANALYZER_VERSION } from './analyzer.js';
import { CompactIndex, type Counts, type FieldPostings } from './compact-index.js';
import { fitsLexicon, indexParts, SEARCH_FIELDS, type LexiconWords, type PassageIndex } from './passage-index.js';
import { readHeader, readSections, writeSectionedFile, type Section } from './sectioned-file.js';
import { SyllableFrequencies } from './syllable-frequencies.js';
import { TermDictionary } from './term-dictionary.js';
import type { Dossier } from './types.js';

/** Bump when the saved layout changes: files of another format are rebuilt. */
export const INDEX_FORMAT_VERSION = 3;

export interface SavedIndexHeader {
  readonly format: 'hoso-index';
  /** Absent in format 1 (JSON), which did not record it. */
  readonly formatVersion?: number;
  readonly analyzerVersion: number;
  readonly dossierVersion: string;
  readonly passages: number;
  /** Per field, the mean field length (a double: JSON keeps it to the bit). */
  readonly averageLengths?: Readonly<Record<string, number>>;
}

export function serializeIndex(index: PassageIndex): Buffer {
  const header: SavedIndexHeader = {
    format: 'hoso-index',
    formatVersion: INDEX_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    dossierVersion: index.dossier.version,
    passages: index.dossier.passages.length,
    averageLengths: Object.fromEntries(SEARCH_FIELDS.map((name) => [name, postingsOf(index.search, name).averageLength])),
  };
  const sections = new Map<string, Section>();
  for (const name of SEARCH_FIELDS) {
    const field = postingsOf(index.search, name);
    sections.set(`${name}.termBytes`, field.terms.bytes).set(`${name}.termEnds`, field.terms.ends).set(`${name}.starts`, field.starts);
    sections.set(`${name}.docs`, field.docs).set(`${name}.frequencies`, field.frequencies).set(`${name}.lengths`, field.lengths);
  }
  const vocabulary = index.exactVocabulary as TermDictionary;
  sections.set('exact.termBytes', vocabulary.bytes).set('exact.termEnds', vocabulary.ends);
  sections.set('folded.syllableOrder', (index.documentFrequency as SyllableFrequencies).order);
  // Splitting the lexicon's phrases into syllables was most of a load: kept as JSON, parsed in a few ms.
  sections.set('lexicon.json', new TextEncoder().encode(JSON.stringify(index.lexicon)));
  return writeSectionedFile(header, sections);
}

/** The header of a saved index (of any format version), or undefined if it is not one. */
export function readSavedHeader(saved: Uint8Array): SavedIndexHeader | undefined {
  const header = readHeader(saved);
  return header?.format === 'hoso-index' ? (header as unknown as SavedIndexHeader) : undefined;
}

/** Why a saved index cannot be reused, or undefined if it fits this dossier and analyzer. */
export function staleReason(header: SavedIndexHeader | undefined, dossier: Dossier): string | undefined {
  if (!header) return 'not a hoso index';
  const format = header.formatVersion ?? 1;
  if (format !== INDEX_FORMAT_VERSION) return `index format ${format}, expected ${INDEX_FORMAT_VERSION}`;
  if (header.analyzerVersion !== ANALYZER_VERSION) return `analyzer version ${header.analyzerVersion}, expected ${ANALYZER_VERSION}`;
  if (header.dossierVersion !== dossier.version) return `built for dossier ${header.dossierVersion}, corpus is now ${dossier.version}`;
  if (header.passages !== dossier.passages.length) return 'passage count differs';
  return undefined;
}

/** Load a saved index for `dossier`; throws if it is stale or malformed (callers rebuild). */
export function deserializeIndex(saved: Uint8Array, dossier: Dossier): PassageIndex {
  const header = readSavedHeader(saved);
  const reason = staleReason(header, dossier);
  if (reason) throw new Error(`hoso: saved index is stale: ${reason}`);
  let sections: Map<string, Section>;
  try {
    sections = readSections(saved, header as unknown as Record<string, unknown>);
  } catch (error) {
    throw new Error(`hoso: saved index is unreadable: ${(error as Error).message}`);
  }
  const read = new SectionReader(sections, dossier.passages.length);
  const fields = SEARCH_FIELDS.map((name) => read.field(name, header!.averageLengths?.[name]));
  const search = new CompactIndex(SEARCH_FIELDS, fields, dossier.passages.length);
  const documentFrequency = new SyllableFrequencies(fields[0]!, read.u32('folded.syllableOrder'));
  const exactVocabulary = read.dictionary('exact');
  return { ...indexParts(dossier, read.lexicon(dossier)), search, documentFrequency, exactVocabulary };
}

function postingsOf(search: CompactIndex, name: string): FieldPostings {
  const field = search.field(name);
  if (!field) throw new Error(`hoso: the index has no field ${name}`);
  return field;
}

/** Sections by name and type, checked for the shapes the index relies on (sizes that agree). */
class SectionReader {
  constructor(private readonly sections: ReadonlyMap<string, Section>, private readonly passages: number) {}

  field(name: string, averageLength: number | undefined): FieldPostings {
    const terms = this.dictionary(name);
    const starts = this.u32(`${name}.starts`);
    const docs = this.u32(`${name}.docs`);
    const frequencies = this.counts(`${name}.frequencies`);
    const lengths = this.counts(`${name}.lengths`);
    if (starts.length !== terms.size + 1 || starts[terms.size] !== docs.length || frequencies.length !== docs.length) this.fail(`${name} postings`);
    if (lengths.length !== this.passages || typeof averageLength !== 'number') this.fail(`${name} field lengths`);
    return { terms, starts, docs, frequencies, lengths, averageLength };
  }

  dictionary(name: string): TermDictionary {
    const bytes = this.section(`${name}.termBytes`);
    const ends = this.u32(`${name}.termEnds`);
    if (!(bytes instanceof Uint8Array) || (ends.length > 0 ? ends[ends.length - 1] : 0) !== bytes.length) this.fail(`${name} terms`);
    return new TermDictionary(bytes, ends);
  }

  /** The lexicon's phrases as syllables, checked to be this dossier's (the dossier hash already says so). */
  lexicon(dossier: Dossier): LexiconWords {
    const bytes = this.section('lexicon.json');
    let words: LexiconWords;
    try {
      words = JSON.parse(new TextDecoder().decode(bytes)) as LexiconWords;
    } catch {
      this.fail('lexicon.json');
    }
    if (!words || !Array.isArray(words.aliases) || !Array.isArray(words.glossary) || !Array.isArray(words.synonyms) || !fitsLexicon(words, dossier)) this.fail('lexicon.json');
    return words;
  }

  u32(name: string): Uint32Array {
    const section = this.section(name);
    if (!(section instanceof Uint32Array)) this.fail(name);
    return section;
  }

  private counts(name: string): Counts {
    return this.section(name);
  }

  private section(name: string): Section {
    const section = this.sections.get(name);
    if (!section) this.fail(`${name} (missing)`);
    return section;
  }

  private fail(what: string): never {
    throw new Error(`hoso: saved index is unreadable: bad section ${what}`);
  }
}
