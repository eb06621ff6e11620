import { PadesError } from '../errors.js';
import { DELIM, HEX, MAX_DEPTH, WS } from './pdf-byte-classes.js';
import { PdfDict, PdfName, type PdfObject, PdfRef, PdfString } from './pdf-objects.js';
import { skipObjectAt } from './pdf-skip.js';

export { isWhite } from './pdf-byte-classes.js';

/**
 * A cursor over PDF bytes that parses direct objects. Streams are handled by the object
 * reader, which knows how to resolve an indirect /Length.
 */
export class PdfLexer {
  constructor(
    readonly buf: Uint8Array,
    public pos = 0,
  ) {}

  fail(what: string): never {
    throw new PadesError('MALFORMED_PDF', `The PDF is damaged: ${what} at byte ${this.pos}.`);
  }

  /** Skips whitespace and comments. */
  skipWs(): void {
    const b = this.buf;
    for (;;) {
      while (this.pos < b.length && WS[b[this.pos]!] === 1) this.pos += 1;
      if (b[this.pos] !== 0x25) return;
      while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos += 1;
    }
  }

  /** Reads a bare keyword or number token (no delimiters). */
  word(): string {
    this.skipWs();
    const b = this.buf;
    const start = this.pos;
    while (this.pos < b.length && WS[b[this.pos]!] === 0 && DELIM[b[this.pos]!] === 0) this.pos += 1;
    return latin1(b, start, this.pos);
  }

  /** Reads an unsigned integer or returns -1 without moving when none is there. */
  int(): number {
    this.skipWs();
    const b = this.buf;
    let p = this.pos;
    let v = 0;
    while (p < b.length && b[p]! >= 48 && b[p]! <= 57) v = v * 10 + (b[p++]! - 48);
    if (p === this.pos || (p < b.length && WS[b[p]!] === 0 && DELIM[b[p]!] === 0)) return -1;
    this.pos = p;
    return v;
  }

  /** Parses one direct object (an `n g R` reference counts as one). */
  object(depth = 0): PdfObject {
    if (depth > MAX_DEPTH) this.fail('objects nested too deeply');
    this.skipWs();
    const c = this.buf[this.pos];
    if (c === undefined) this.fail('unexpected end of data');
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) return this.buf[this.pos + 1] === 0x3c ? this.dict(depth) : this.hexString();
    if (c === 0x5b) return this.array(depth);
    if (c >= 0x30 && c <= 0x39) {
      // An unsigned integer (most numbers, and every reference) without building a string.
      const b = this.buf;
      let p = this.pos;
      let v = 0;
      while (p < b.length && b[p]! >= 0x30 && b[p]! <= 0x39) v = v * 10 + (b[p++]! - 0x30);
      if ((p >= b.length || WS[b[p]!] === 1 || DELIM[b[p]!] === 1) && p - this.pos < 16) {
        this.pos = p;
        return this.maybeRef(v);
      }
    }
    const w = this.word();
    if (w === '') this.fail(`unexpected character '${String.fromCharCode(c)}'`);
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    const num = Number(w);
    if (Number.isNaN(num)) this.fail(`unexpected token '${w.slice(0, 20)}'`);
    if (Number.isInteger(num) && num >= 0 && /^\d+$/.test(w)) return this.maybeRef(num);
    return num;
  }

  /**
   * Skips one direct object without building it (a reference `n g R` is three words: callers
   * skipping dictionary values treat a word that is not a key as part of the value before).
   */
  skipObject(depth = 0): void {
    skipObjectAt(this, depth);
  }

  private maybeRef(num: number): PdfObject {
    const save = this.pos;
    const gen = this.int();
    if (gen >= 0) {
      this.skipWs();
      const b = this.buf;
      if (
        b[this.pos] === 0x52 &&
        (this.pos + 1 >= b.length || WS[b[this.pos + 1]!] || DELIM[b[this.pos + 1]!])
      ) {
        this.pos += 1;
        return new PdfRef(num, gen);
      }
    }
    this.pos = save;
    return num;
  }

  name(): PdfName {
    return PdfName.of(this.key());
  }

  /** A name's decoded text (no interning: dictionary keys are only ever compared as strings). */
  key(): string {
    const b = this.buf;
    let p = this.pos + 1;
    const start = p;
    let hasEscape = false;
    while (p < b.length && WS[b[p]!] === 0 && DELIM[b[p]!] === 0) {
      if (b[p] === 0x23) hasEscape = true;
      p += 1;
    }
    this.pos = p;
    let raw = latin1(b, start, p);
    if (hasEscape)
      raw = raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return raw;
  }

  private array(depth: number): PdfObject[] {
    this.pos += 1;
    const out: PdfObject[] = [];
    for (;;) {
      this.skipWs();
      if (this.pos >= this.buf.length) this.fail('unterminated array');
      if (this.buf[this.pos] === 0x5d) {
        this.pos += 1;
        return out;
      }
      out.push(this.object(depth + 1));
    }
  }

  private dict(depth: number): PdfDict {
    this.pos += 2;
    const map = new Map<string, PdfObject>();
    for (;;) {
      this.skipWs();
      const c = this.buf[this.pos];
      if (c === undefined) this.fail('unterminated dictionary');
      if (c === 0x3e && this.buf[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return new PdfDict(map);
      }
      if (c !== 0x2f) this.fail('dictionary key is not a name');
      map.set(this.key(), this.object(depth + 1));
    }
  }

  private hexString(): PdfString {
    const b = this.buf;
    const end = b.indexOf(0x3e, this.pos);
    if (end < 0) this.fail('unterminated hex string');
    // Digits decoded in place; anything else (whitespace) is skipped; an odd last digit is x0.
    const out = Buffer.allocUnsafe((end - this.pos) >> 1);
    let n = 0;
    let high = -1;
    for (let p = this.pos + 1; p < end; p += 1) {
      const v = HEX[b[p]!]!;
      if (v === 255) continue;
      if (high < 0) high = v;
      else {
        out[n++] = (high << 4) | v;
        high = -1;
      }
    }
    if (high >= 0) out[n++] = high << 4;
    this.pos = end + 1;
    return new PdfString(out.subarray(0, n), true);
  }

  private literalString(): PdfString {
    const b = this.buf;
    const out: number[] = [];
    let p = this.pos + 1;
    let nest = 1;
    for (;;) {
      if (p >= b.length) this.fail('unterminated string');
      const c = b[p++]!;
      if (c === 0x5c) p = readEscape(b, p, out);
      else if (c === 0x28) {
        nest += 1;
        out.push(c);
      } else if (c === 0x29) {
        nest -= 1;
        if (nest === 0) break;
        out.push(c);
      } else out.push(c);
    }
    this.pos = p;
    return new PdfString(Uint8Array.from(out));
  }
}

const ESCAPES: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12, 40: 40, 41: 41, 92: 92 };

function readEscape(b: Uint8Array, p: number, out: number[]): number {
  const c = b[p];
  if (c === undefined) return p;
  const mapped = ESCAPES[c];
  if (mapped !== undefined) {
    out.push(mapped);
    return p + 1;
  }
  if (c >= 48 && c <= 55) {
    let v = 0;
    let i = 0;
    while (i < 3 && b[p]! >= 48 && b[p]! <= 55) {
      v = v * 8 + (b[p++]! - 48);
      i += 1;
    }
    out.push(v & 0xff);
    return p;
  }
  if (c === 13) return b[p + 1] === 10 ? p + 2 : p + 1;
  if (c === 10) return p + 1;
  out.push(c);
  return p + 1;
}

/** Decodes a byte range as Latin-1 without allocating a Buffer. */
export function latin1(b: Uint8Array, start: number, end: number): string {
  if (end - start < 13) {
    // Short strings concatenate flat (V8 makes cons strings from 13 characters on).
    let s = '';
    for (let i = start; i < end; i += 1) s += String.fromCharCode(b[i]!);
    return s;
  }
  if (end - start < 64) return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
  return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1');
}
