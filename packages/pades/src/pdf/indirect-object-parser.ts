import { PadesError } from '../errors.js';
import { latin1, PdfLexer } from './pdf-lexer.js';
import { PdfDict, type PdfObject, PdfStream } from './pdf-objects.js';

/** One parsed `num gen obj … endobj`, with where it sat in the file. */
export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfObject;
  /** Byte just after the object's value (or after `endstream`). */
  end: number;
}

/** Resolves an indirect /Length; returns undefined when it cannot be known. */
export type LengthResolver = (value: PdfObject | undefined) => number | undefined;

const ENDSTREAM = Buffer.from('endstream');

/**
 * Parses the indirect object starting at `offset`. A stream whose /Length is wrong or
 * unknown is recovered by looking for `endstream`, as every mainstream reader does.
 */
export function parseIndirectAt(buf: Uint8Array, offset: number, length?: LengthResolver): IndirectObject {
  if (!Number.isInteger(offset) || offset < 0 || offset >= buf.length) {
    throw new PadesError(
      'MALFORMED_PDF',
      `The PDF's cross-reference table points outside the file (${offset}).`,
    );
  }
  const lx = new PdfLexer(buf, offset);
  const num = lx.int();
  const gen = lx.int();
  if (num < 0 || gen < 0 || lx.word() !== 'obj') {
    throw new PadesError(
      'MALFORMED_PDF',
      `The PDF's cross-reference table is broken: no object at byte ${offset}.`,
    );
  }
  const value = lx.object();
  const after = lx.pos;
  lx.skipWs();
  if (value instanceof PdfDict && startsWith(buf, lx.pos, 'stream')) {
    return { num, gen, ...readStream(buf, lx.pos + 6, value, length) };
  }
  return { num, gen, value, end: after };
}

function readStream(
  buf: Uint8Array,
  afterKeyword: number,
  dict: PdfDict,
  length?: LengthResolver,
): { value: PdfStream; end: number } {
  let start = afterKeyword;
  if (buf[start] === 13) start += 1;
  if (buf[start] === 10) start += 1;
  const raw = dict.get('Length');
  const declared = typeof raw === 'number' ? raw : length?.(raw);
  if (declared !== undefined && declared >= 0 && start + declared <= buf.length) {
    const lx = new PdfLexer(buf, start + declared);
    lx.skipWs();
    if (startsWith(buf, lx.pos, 'endstream')) {
      return { value: new PdfStream(dict, buf.subarray(start, start + declared)), end: lx.pos + 9 };
    }
  }
  const idx = Buffer.from(buf.buffer, buf.byteOffset, buf.length).indexOf(ENDSTREAM, start);
  if (idx < 0) throw new PadesError('MALFORMED_PDF', 'The PDF is truncated inside a stream.');
  let end = idx;
  if (buf[end - 1] === 10) end -= 1;
  if (buf[end - 1] === 13) end -= 1;
  return { value: new PdfStream(dict, buf.subarray(start, Math.max(start, end))), end: idx + 9 };
}

/** True when the ASCII keyword sits at `pos`. */
export function startsWith(buf: Uint8Array, pos: number, word: string): boolean {
  if (pos + word.length > buf.length) return false;
  return latin1(buf, pos, pos + word.length) === word;
}
