// A file of named typed arrays: one JSON header line (which ends with the table of sections),
// zero padding, then the body, every section at an 8-byte aligned offset. Loading wraps the
// file's own bytes in typed-array views: no parsing, no copy (unless the buffer itself is
// misaligned). The body carries a CRC-32, so a damaged or cut-short file is refused, not read.
import zlib from 'node:zlib';

// zlib.crc32 arrived in Node 20.15; a named import would fail at start-up with a cryptic link error.
function crc32(data: Uint8Array): number {
  if (typeof zlib.crc32 !== 'function') throw new Error(`hoso needs Node.js 20.15 or newer (this is ${process.version})`);
  return zlib.crc32(data);
}

export type Section = Uint8Array | Uint16Array | Uint32Array;

type Kind = 'u8' | 'u16' | 'u32';
/** Name, element type, byte offset in the body, length in elements. */
type SectionEntry = readonly [string, Kind, number, number];

interface BodyTable {
  readonly bytes: number;
  readonly crc32: number;
  readonly sections: readonly SectionEntry[];
}

/** The header is looked for in this many leading bytes at most. */
const MAX_HEADER_BYTES = 1 << 16;
const ALIGN = 8;
const NEWLINE = 0x0a;

export function writeSectionedFile(header: object, sections: ReadonlyMap<string, Section>): Buffer {
  const entries: SectionEntry[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const [name, array] of sections) {
    entries.push([name, kindOf(array), offset, array.length]);
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    const padding = alignUp(bytes.length) - bytes.length;
    parts.push(bytes, new Uint8Array(padding));
    offset += bytes.length + padding;
  }
  const body = Buffer.concat(parts, offset);
  const table: BodyTable = { bytes: body.length, crc32: crc32(body), sections: entries };
  const line = Buffer.from(`${JSON.stringify({ ...header, body: table })}\n`);
  return Buffer.concat([line, new Uint8Array(alignUp(line.length) - line.length), body]);
}

/** The parsed header line, or undefined when the file does not start with a JSON object line. */
export function readHeader(file: Uint8Array): Record<string, unknown> | undefined {
  const end = file.subarray(0, MAX_HEADER_BYTES).indexOf(NEWLINE);
  if (end < 0) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(file.buffer, file.byteOffset, end).toString('utf8'));
    return typeof header === 'object' && header !== null && !Array.isArray(header) ? (header as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The sections named in the header, as views on `file`; throws (saying why) if the body does not check out. */
export function readSections(file: Uint8Array, header: Readonly<Record<string, unknown>>): Map<string, Section> {
  const table = header.body as BodyTable | undefined;
  if (!table || !Number.isInteger(table.bytes) || !Array.isArray(table.sections)) throw new Error('no section table in the header');
  const bodyStart = alignUp(file.subarray(0, MAX_HEADER_BYTES).indexOf(NEWLINE) + 1);
  if (file.length < bodyStart + table.bytes) throw new Error(`cut short: ${file.length} bytes, the header announces ${bodyStart + table.bytes}`);
  if (file.length > bodyStart + table.bytes) throw new Error(`${file.length - bodyStart - table.bytes} bytes past the announced end`);
  const body = aligned(file.subarray(bodyStart));
  if (crc32(body) !== table.crc32) throw new Error('checksum mismatch: the file is damaged');
  const sections = new Map<string, Section>();
  for (const entry of table.sections) sections.set(entry[0], view(body, entry));
  return sections;
}

function view(body: Uint8Array, [name, kind, offset, length]: SectionEntry): Section {
  const size = kind === 'u8' ? 1 : kind === 'u16' ? 2 : kind === 'u32' ? 4 : 0;
  if (size === 0 || offset % ALIGN !== 0 || !Number.isInteger(length) || length < 0 || offset + length * size > body.length) {
    throw new Error(`section ${name} does not fit the body`);
  }
  const start = body.byteOffset + offset;
  if (size === 1) return new Uint8Array(body.buffer, start, length);
  return size === 2 ? new Uint16Array(body.buffer, start, length) : new Uint32Array(body.buffer, start, length);
}

/** `bytes` itself when it starts on an 8-byte boundary of its buffer, else an aligned copy. */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % ALIGN === 0 ? bytes : new Uint8Array(bytes);
}

function kindOf(array: Section): Kind {
  if (array instanceof Uint8Array) return 'u8';
  return array instanceof Uint16Array ? 'u16' : 'u32';
}

function alignUp(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
