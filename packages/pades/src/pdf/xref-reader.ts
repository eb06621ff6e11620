import { PadesError } from '../errors.js';
import { parseIndirectAt, startsWith } from './indirect-object-parser.js';
import { PdfLexer } from './pdf-lexer.js';
import { PdfDict, type PdfObject, PdfStream } from './pdf-objects.js';
import { decodeStream } from './stream-filters.js';

export type XrefEntry =
  | { kind: 'offset'; offset: number; gen: number }
  | { kind: 'compressed'; stream: number; index: number }
  | { kind: 'free' };

/** One cross-reference section: a classic table (maybe hybrid) or an xref stream. */
export interface XrefSection {
  offset: number;
  kind: 'table' | 'stream';
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
}

const MAX_SECTIONS = 100_000;

/** Finds the last `startxref` value; a missing one means the file is cut short. */
export function findStartXref(buf: Uint8Array): number {
  const tail = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  const at = tail.lastIndexOf('startxref', Math.max(0, buf.length));
  if (at < 0 || at < buf.length - 4096) {
    throw new PadesError('MALFORMED_PDF', 'The PDF is truncated or damaged: no startxref near its end.');
  }
  const lx = new PdfLexer(buf, at + 9);
  const offset = lx.int();
  if (offset < 0) throw new PadesError('MALFORMED_PDF', 'The PDF is damaged: startxref has no offset.');
  return offset;
}

/** Reads every section from the newest back through /Prev, refusing loops. */
export function readXrefChain(buf: Uint8Array, start: number): XrefSection[] {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let offset: number | undefined = start;
  while (offset !== undefined) {
    if (seen.has(offset) || sections.length >= MAX_SECTIONS) {
      throw new PadesError('MALFORMED_PDF', 'The PDF is damaged: its cross-reference sections form a loop.');
    }
    seen.add(offset);
    const section = readSection(buf, offset);
    sections.push(section);
    const prev = section.trailer.get('Prev');
    offset = typeof prev === 'number' ? prev : undefined;
  }
  return sections;
}

/** Reads the section at `offset`, merging a hybrid file's /XRefStm entries. */
export function readSection(buf: Uint8Array, offset: number): XrefSection {
  const lx = new PdfLexer(buf, offset);
  lx.skipWs();
  if (startsWith(buf, lx.pos, 'xref')) {
    const section = readTable(buf, lx.pos + 4, offset);
    const stm = section.trailer.get('XRefStm');
    if (typeof stm === 'number') {
      for (const [num, e] of readStreamSection(buf, stm).entries) {
        const own = section.entries.get(num);
        if (!own || own.kind === 'free') section.entries.set(num, e);
      }
    }
    return section;
  }
  return readStreamSection(buf, offset);
}

function readTable(buf: Uint8Array, pos: number, offset: number): XrefSection {
  const lx = new PdfLexer(buf, pos);
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    const first = lx.int();
    if (first < 0) break;
    const count = lx.int();
    if (count < 0) lx.fail('bad cross-reference subsection header');
    for (let i = 0; i < count; i += 1) {
      const off = lx.int();
      const gen = lx.int();
      const type = lx.word();
      if (off < 0 || gen < 0 || (type !== 'n' && type !== 'f')) lx.fail('bad cross-reference entry');
      if (!entries.has(first + i)) {
        entries.set(first + i, type === 'n' ? { kind: 'offset', offset: off, gen } : { kind: 'free' });
      }
    }
  }
  if (lx.word() !== 'trailer') lx.fail('cross-reference table without trailer');
  const trailer = lx.object();
  if (!(trailer instanceof PdfDict)) return lx.fail('trailer is not a dictionary');
  return { offset, kind: 'table', entries, trailer };
}

function readStreamSection(buf: Uint8Array, offset: number): XrefSection {
  const obj = parseIndirectAt(buf, offset);
  const stream = obj.value;
  if (!(stream instanceof PdfStream) || stream.dict.name('Type') !== 'XRef') {
    throw new PadesError(
      'MALFORMED_PDF',
      `The PDF is damaged: no cross-reference section at byte ${offset}.`,
    );
  }
  const d = stream.dict;
  const w = ints(d.get('W'));
  const size = d.get('Size');
  if (w.length !== 3 || typeof size !== 'number' || w.some((x) => x < 0 || x > 8)) {
    throw new PadesError('MALFORMED_PDF', 'The PDF is damaged: bad cross-reference stream header.');
  }
  const index = d.has('Index') ? ints(d.get('Index')) : [0, size];
  return { offset, kind: 'stream', entries: decodeEntries(decodeStream(stream), w, index), trailer: d };
}

function decodeEntries(data: Uint8Array, w: number[], index: number[]): Map<number, XrefEntry> {
  const [w0, w1, w2] = w as [number, number, number];
  const rowLen = w0 + w1 + w2;
  const entries = new Map<number, XrefEntry>();
  let p = 0;
  for (let i = 0; i + 1 < index.length; i += 2) {
    const first = index[i]!;
    const count = index[i + 1]!;
    for (let k = 0; k < count && p + rowLen <= data.length; k += 1, p += rowLen) {
      const type = w0 === 0 ? 1 : field(data, p, w0);
      const f2 = field(data, p + w0, w1);
      const f3 = field(data, p + w0 + w1, w2);
      const num = first + k;
      if (entries.has(num)) continue;
      if (type === 1) entries.set(num, { kind: 'offset', offset: f2, gen: f3 });
      else if (type === 2) entries.set(num, { kind: 'compressed', stream: f2, index: f3 });
      else if (type === 0) entries.set(num, { kind: 'free' });
    }
  }
  return entries;
}

function field(data: Uint8Array, p: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i += 1) v = v * 256 + data[p + i]!;
  return v;
}

function ints(v: PdfObject | undefined): number[] {
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === 'number' && Number.isInteger(x) ? x : -1));
}
