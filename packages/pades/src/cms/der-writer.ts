/**
 * A minimal DER writer. Building CMS, certificates, CRLs and OCSP/TSA answers by hand is what
 * makes a signature cost little more than the key operation (pkijs costs ~5.5 ms per CMS).
 * Every function returns a complete TLV; nothing is mutated after it is returned.
 */

/** Encodes a DER length header for `len` into `out` at `pos`; returns the new position. */
function putHeader(out: Uint8Array, pos: number, tag: number, len: number): number {
  out[pos++] = tag;
  if (len < 0x80) {
    out[pos++] = len;
    return pos;
  }
  let bytes = 0;
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes++;
  out[pos++] = 0x80 | bytes;
  for (let i = bytes - 1; i >= 0; i--) out[pos++] = Math.floor(len / 256 ** i) & 0xff;
  return pos;
}

function headerSize(len: number): number {
  if (len < 0x80) return 2;
  let bytes = 0;
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes++;
  return 2 + bytes;
}

/** One TLV whose content is the concatenation of `parts`. */
export function tlv(tag: number, ...parts: readonly Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(headerSize(len) + len);
  let pos = putHeader(out, 0, tag, len);
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** Concatenates encodings (for callers that pre-assemble content). */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

export const seq = (...parts: readonly Uint8Array[]): Uint8Array => tlv(0x30, ...parts);
/** SET with the given order (use setOf when DER ordering matters). */
export const set = (...parts: readonly Uint8Array[]): Uint8Array => tlv(0x31, ...parts);
/** Explicit context tag [n] (constructed). */
export const explicit = (n: number, ...parts: readonly Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...parts);
/** Implicit primitive context tag [n]. */
export const implicit = (n: number, content: Uint8Array): Uint8Array => tlv(0x80 | n, content);

/** Lexicographic byte comparison, as DER requires for SET OF. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** DER SET OF: elements sorted by their encodings; `tag` allows IMPLICIT [n] sets. */
export function setOf(elements: readonly Uint8Array[], tag = 0x31): Uint8Array {
  return tlv(tag, ...[...elements].sort(compareBytes));
}

const oidCache = new Map<string, Uint8Array>();

/** OBJECT IDENTIFIER from dotted text; cached because the same few OIDs are written constantly. */
export function oid(dotted: string): Uint8Array {
  const cached = oidCache.get(dotted);
  if (cached) return cached;
  const arcs = dotted.split('.').map((s) => BigInt(s));
  const bytes: number[] = [];
  const first = (arcs[0] as bigint) * 40n + (arcs[1] as bigint);
  for (const arc of [first, ...arcs.slice(2)]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    bytes.push(...chunk);
  }
  const out = tlv(0x06, Uint8Array.from(bytes));
  oidCache.set(dotted, out);
  return out;
}

/** INTEGER from a number/bigint, or from unsigned big-endian magnitude bytes (serials). */
export function int(value: number | bigint | Uint8Array): Uint8Array {
  if (value instanceof Uint8Array) {
    let i = 0;
    while (i < value.length - 1 && value[i] === 0) i++;
    const mag = value.subarray(i);
    const pad = ((mag[0] ?? 0) & 0x80) !== 0 || mag.length === 0;
    return tlv(0x02, pad ? concat(Uint8Array.of(0), mag) : mag);
  }
  let v = BigInt(value);
  if (v < 0n) throw new RangeError('negative INTEGER not supported');
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if (((bytes[0] as number) & 0x80) !== 0) bytes.unshift(0);
  return tlv(0x02, Uint8Array.from(bytes));
}

export const enumerated = (n: number): Uint8Array => tlv(0x0a, Uint8Array.of(n));
export const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);
export const bitString = (b: Uint8Array, unusedBits = 0): Uint8Array =>
  tlv(0x03, Uint8Array.of(unusedBits), b);
export const bool = (v: boolean): Uint8Array => Uint8Array.of(0x01, 0x01, v ? 0xff : 0x00);
export const nul = (): Uint8Array => Uint8Array.of(0x05, 0x00);
export const utf8 = (s: string): Uint8Array => tlv(0x0c, Buffer.from(s, 'utf8'));
export const printable = (s: string): Uint8Array => tlv(0x13, Buffer.from(s, 'latin1'));
export const ia5 = (s: string): Uint8Array => tlv(0x16, Buffer.from(s, 'latin1'));

const pad2 = (n: number): string => String(n).padStart(2, '0');

function stamp(d: Date): string {
  return (
    pad2(d.getUTCMonth() + 1) +
    pad2(d.getUTCDate()) +
    pad2(d.getUTCHours()) +
    pad2(d.getUTCMinutes()) +
    pad2(d.getUTCSeconds())
  );
}

/** GeneralizedTime; `withMillis` adds a DER fraction (no trailing zeros) for TSTInfo. */
export function generalizedTime(d: Date, withMillis = false): Uint8Array {
  let text = String(d.getUTCFullYear()).padStart(4, '0') + stamp(d);
  const ms = d.getUTCMilliseconds();
  if (withMillis && ms !== 0) text += '.' + String(ms).padStart(3, '0').replace(/0+$/, '');
  return tlv(0x18, Buffer.from(text + 'Z', 'latin1'));
}

/** RFC 5280 Time: UTCTime through 2049, GeneralizedTime from 2050. */
export function time(d: Date): Uint8Array {
  const year = d.getUTCFullYear();
  if (year >= 2050 || year < 1950) return generalizedTime(d);
  return tlv(0x17, Buffer.from(pad2(year % 100) + stamp(d) + 'Z', 'latin1'));
}
