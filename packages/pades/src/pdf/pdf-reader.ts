import { PadesError } from '../errors.js';
import { parseIndirectAt, startsWith } from './indirect-object-parser.js';
import { PdfLexer } from './pdf-lexer.js';
import { PdfDict, type PdfObject, PdfRef, PdfStream } from './pdf-objects.js';
import { decodeStream } from './stream-filters.js';
import { findStartXref, readXrefChain, type XrefEntry, type XrefSection } from './xref-reader.js';

/** Options bounding what a reader accepts, so hostile input fails fast. */
export interface ReadOptions {
  /** Largest file accepted, in bytes (default 1 GiB). */
  maxBytes?: number;
}

/**
 * Lazy, read-only view of a PDF: only the xref chain is read up front; objects are parsed
 * on demand. This is what keeps signing a 3,000-page file cheap.
 */
export class PdfReader {
  readonly sections: XrefSection[];
  readonly trailer: PdfDict;
  private readonly entries = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfObject>();
  private readonly peeks = new Map<string, PdfDict>();
  private readonly objStreams = new Map<number, { data: Uint8Array; offsets: number[]; nums: number[] }>();

  constructor(
    readonly bytes: Uint8Array,
    options: ReadOptions = {},
    sections?: XrefSection[],
  ) {
    checkHeader(bytes, options.maxBytes ?? 1024 ** 3);
    this.sections = sections ?? readXrefChain(bytes, findStartXref(bytes));
    for (const s of this.sections)
      for (const [k, e] of s.entries) if (!this.entries.has(k)) this.entries.set(k, e);
    this.trailer = this.sections[0]!.trailer;
    if (this.trailer.has('Encrypt')) {
      throw new PadesError(
        'ENCRYPTED',
        'The PDF is encrypted; remove the encryption before signing or validating.',
      );
    }
    if (!(this.trailer.get('Root') instanceof PdfRef)) {
      throw new PadesError('MALFORMED_PDF', 'The PDF is damaged: its trailer names no document catalog.');
    }
  }

  /** The PDF as it was when the file ended at byte `end` (xref sections before it). */
  before(end: number): PdfReader {
    const older = this.sections.filter((s) => s.offset < end);
    if (older.length === 0 || older.length === this.sections.length) return older.length === 0 ? this : this;
    return new PdfReader(this.bytes, {}, older);
  }

  /** Object numbers for new objects start here (trailer /Size, never below any used number). */
  get size(): number {
    const declared = this.trailer.get('Size');
    let max = typeof declared === 'number' ? declared : 0;
    for (const k of this.entries.keys()) if (k + 1 > max) max = k + 1;
    return max;
  }

  get rootRef(): PdfRef {
    return this.trailer.get('Root') as PdfRef;
  }

  catalog(): PdfDict {
    const c = this.get(this.rootRef);
    if (!(c instanceof PdfDict))
      throw new PadesError('MALFORMED_PDF', 'The PDF is damaged: no document catalog.');
    return c;
  }

  /** Follows a reference (or returns the direct value as it is). */
  get(v: PdfObject | undefined): PdfObject | undefined {
    return v instanceof PdfRef ? this.object(v.num) : v;
  }

  dict(v: PdfObject | undefined): PdfDict | undefined {
    const r = this.get(v);
    if (r instanceof PdfDict) return r;
    return r instanceof PdfStream ? r.dict : undefined;
  }

  /**
   * The entries `keys` of a dictionary object, read without building its other values: a
   * page-tree walk needs only /Type, /Kids and /Count of the pages it passes, not their
   * resources. An object already parsed, in an object stream or unreadable this way is
   * read whole (and then fails as `object` does).
   */
  peek(v: PdfObject | undefined, keys: readonly string[]): PdfDict | undefined {
    if (!(v instanceof PdfRef)) return this.dict(v);
    const e = this.entries.get(v.num);
    if (this.cache.has(v.num) || e?.kind !== 'offset') return this.dict(v);
    const key = `${v.num}|${keys.join('|')}`;
    const known = this.peeks.get(key);
    if (known) return known;
    const found = peekDict(this.bytes, e.offset, v.num, keys);
    if (!found) return this.dict(v);
    this.peeks.set(key, found);
    return found;
  }

  /** The object with this number, or null when it is free or missing (as the spec says). */
  object(num: number): PdfObject {
    if (this.cache.has(num)) return this.cache.get(num)!;
    const e = this.entries.get(num);
    let value: PdfObject = null;
    if (e?.kind === 'offset') {
      this.cache.set(num, null);
      const obj = parseIndirectAt(this.bytes, e.offset, (l) => this.lengthOf(l));
      if (obj.num !== num) {
        throw new PadesError('MALFORMED_PDF', `The PDF's cross-reference table is broken (object ${num}).`);
      }
      value = obj.value;
    } else if (e?.kind === 'compressed') value = this.fromObjStream(e.stream, e.index, num);
    this.cache.set(num, value);
    return value;
  }

  /** Byte offset of an uncompressed object, used by validation to map objects to revisions. */
  entry(num: number): XrefEntry | undefined {
    return this.entries.get(num);
  }

  objectNumbers(): IterableIterator<number> {
    return this.entries.keys();
  }

  private lengthOf(v: PdfObject | undefined): number | undefined {
    const r = this.get(v);
    return typeof r === 'number' ? r : undefined;
  }

  private fromObjStream(streamNum: number, index: number, num: number): PdfObject {
    let os = this.objStreams.get(streamNum);
    if (!os) {
      os = this.loadObjStream(streamNum);
      this.objStreams.set(streamNum, os);
    }
    let at = os.nums[index] === num ? index : os.nums.indexOf(num);
    if (at < 0) at = index;
    const offset = os.offsets[at];
    if (offset === undefined) {
      throw new PadesError(
        'MALFORMED_PDF',
        `The PDF is damaged: object ${num} is missing from its object stream.`,
      );
    }
    return new PdfLexer(os.data, offset).object();
  }

  private loadObjStream(streamNum: number): { data: Uint8Array; offsets: number[]; nums: number[] } {
    const s = this.object(streamNum);
    if (!(s instanceof PdfStream)) {
      throw new PadesError('MALFORMED_PDF', `The PDF is damaged: object stream ${streamNum} is missing.`);
    }
    const data = decodeStream(s);
    const count = s.dict.get('N');
    const first = s.dict.get('First');
    if (typeof count !== 'number' || typeof first !== 'number' || count < 0 || count > 1_000_000) {
      throw new PadesError(
        'MALFORMED_PDF',
        `The PDF is damaged: object stream ${streamNum} has a bad header.`,
      );
    }
    const lx = new PdfLexer(data, 0);
    const offsets: number[] = [];
    const nums: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const objNum = lx.int();
      const off = lx.int();
      if (objNum < 0 || off < 0) break;
      nums.push(objNum);
      offsets.push(first + off);
    }
    return { data, offsets, nums };
  }
}

function checkHeader(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.length > maxBytes) {
    throw new PadesError('UNSUPPORTED', `The PDF is larger than the accepted ${maxBytes} bytes.`);
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  if (head.indexOf('%PDF-') < 0) throw new PadesError('NOT_PDF', 'The file is not a PDF (no %PDF- header).');
}

/** Top-level `keys` of the dictionary object `num` at `offset`, or undefined when it is not one. */
function peekDict(
  bytes: Uint8Array,
  offset: number,
  num: number,
  keys: readonly string[],
): PdfDict | undefined {
  try {
    const lx = new PdfLexer(bytes, offset);
    if (lx.int() !== num || lx.int() < 0 || lx.word() !== 'obj') return undefined;
    lx.skipWs();
    if (bytes[lx.pos] !== 0x3c || bytes[lx.pos + 1] !== 0x3c) return undefined;
    lx.pos += 2;
    const out = new PdfDict();
    for (;;) {
      lx.skipWs();
      const c = bytes[lx.pos];
      if (c === undefined) return undefined;
      if (c === 0x3e && bytes[lx.pos + 1] === 0x3e) break;
      if (c !== 0x2f) {
        lx.skipObject(); // the generation and R of a skipped reference
        continue;
      }
      const key = lx.key();
      if (keys.includes(key)) out.set(key, lx.object());
      else lx.skipObject();
    }
    lx.pos += 2;
    lx.skipWs();
    return startsWith(bytes, lx.pos, 'stream') ? undefined : out;
  } catch {
    return undefined;
  }
}
