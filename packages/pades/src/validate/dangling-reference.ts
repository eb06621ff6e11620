import { PdfStream } from '../pdf/pdf-objects.js';
import type { PdfReader } from '../pdf/pdf-reader.js';
import { decodeStream } from '../pdf/stream-filters.js';

/**
 * True when the signed revision refers to object `num` ("num gen R") although it did not
 * define it. A later revision that defines such an object changes what the signed document
 * shows without touching any signed object (a prepared-placeholder variant of the shadow
 * attacks), so the change classification flags it. Only run for the rare new objects that
 * nothing written later refers to, so the byte search does not cost every validation.
 */
export function signedRevisionRefersTo(old: PdfReader, signedEnd: number, num: number, gen: number): boolean {
  const needle = Buffer.from(`${num} ${gen} R`, 'latin1');
  if (contains(old.bytes.subarray(0, signedEnd), needle)) return true;
  const streams = new Set<number>();
  for (const s of old.sections)
    for (const e of s.entries.values()) if (e.kind === 'compressed') streams.add(e.stream);
  for (const streamNum of streams) {
    try {
      const s = old.object(streamNum);
      if (s instanceof PdfStream && contains(decodeStream(s), needle)) return true;
    } catch {
      // An unreadable object stream defines nothing that could refer to the object.
    }
  }
  return false;
}

function contains(hay: Uint8Array, needle: Buffer): boolean {
  const buf = Buffer.from(hay.buffer, hay.byteOffset, hay.length);
  for (let at = buf.indexOf(needle); at >= 0; at = buf.indexOf(needle, at + 1)) {
    const before = at === 0 ? 0x20 : buf[at - 1]!;
    const after = at + needle.length < buf.length ? buf[at + needle.length]! : 0x20;
    if (!isNumberChar(before) && isDelimiter(after)) return true;
  }
  return false;
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b;
}

/** PDF white-space and delimiter characters (ISO 32000-1 §7.2.2). */
function isDelimiter(c: number): boolean {
  return [
    0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25,
  ].includes(c);
}
