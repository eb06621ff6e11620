import { PadesError } from '../errors.js';

/**
 * A minimal, allocation-light TLV reader. Verification parses CMS, certificates and responses
 * on the hot path, where asn1js/pkijs object trees are too slow. Accepts BER indefinite lengths
 * because CMS blobs made by other software sometimes use them.
 */
export interface Tlv {
  readonly tag: number;
  /** Offset of the tag byte. */
  readonly start: number;
  /** Offset of the first content byte. */
  readonly contentStart: number;
  /** Offset just past the content (excluding an end-of-contents marker). */
  readonly contentEnd: number;
  /** Offset just past the whole element. */
  readonly end: number;
}

function fail(message: string): never {
  throw new PadesError('MALFORMED_DER', `malformed ASN.1: ${message}`);
}

/** Reads the element starting at `pos`, which must end before `limit`. */
export function readTlv(buf: Uint8Array, pos: number, limit = buf.length, depth = 0): Tlv {
  const start = pos;
  if (pos + 2 > limit) fail('truncated header');
  const tag = buf[pos++] as number;
  if ((tag & 0x1f) === 0x1f) fail('high tag numbers are not supported');
  const first = buf[pos++] as number;
  if (first === 0x80) return readIndefinite(buf, start, tag, pos, limit, depth);
  let len = first;
  if (first > 0x80) {
    const n = first & 0x7f;
    if (n > 4 || pos + n > limit) fail('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[pos++] as number);
  }
  const end = pos + len;
  if (end > limit) fail('length exceeds its container');
  return { tag, start, contentStart: pos, contentEnd: end, end };
}

const MAX_INDEFINITE_DEPTH = 32;

function readIndefinite(
  buf: Uint8Array,
  start: number,
  tag: number,
  pos: number,
  limit: number,
  depth: number,
): Tlv {
  if ((tag & 0x20) === 0) fail('indefinite length on a primitive');
  if (depth >= MAX_INDEFINITE_DEPTH) fail('indefinite lengths nested too deeply');
  let p = pos;
  for (;;) {
    if (p + 2 > limit) fail('unterminated indefinite length');
    if (buf[p] === 0 && buf[p + 1] === 0) return { tag, start, contentStart: pos, contentEnd: p, end: p + 2 };
    p = readTlv(buf, p, limit, depth + 1).end;
  }
}

/** The elements inside a constructed element. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let p = parent.contentStart; p < parent.contentEnd; ) {
    const t = readTlv(buf, p, parent.contentEnd);
    out.push(t);
    p = t.end;
  }
  return out;
}

/** Reads the root element, which must span the whole buffer (trailing zero padding allowed). */
export function readRoot(buf: Uint8Array): Tlv {
  const t = readTlv(buf, 0);
  for (let i = t.end; i < buf.length; i++) if (buf[i] !== 0) fail('trailing data');
  return t;
}

/** Child `i`, checked to exist and optionally to have `tag`. */
export function child(_buf: Uint8Array, kids: readonly Tlv[], i: number, tag?: number): Tlv {
  const t = kids[i];
  if (!t) fail(`missing element ${i}`);
  if (tag !== undefined && t.tag !== tag)
    fail(`element ${i}: tag 0x${t.tag.toString(16)}, wanted 0x${tag.toString(16)}`);
  return t;
}

export const contentOf = (buf: Uint8Array, t: Tlv): Uint8Array => buf.subarray(t.contentStart, t.contentEnd);
export const bytesOf = (buf: Uint8Array, t: Tlv): Uint8Array => buf.subarray(t.start, t.end);

/** OCTET STRING value; joins BER constructed chunks. */
export function octetValue(buf: Uint8Array, t: Tlv): Uint8Array {
  if ((t.tag & 0x20) === 0) return contentOf(buf, t);
  return Buffer.concat(children(buf, t).map((c) => octetValue(buf, c)));
}

/** BIT STRING payload without the unused-bits byte. */
export function bitStringValue(buf: Uint8Array, t: Tlv): Uint8Array {
  return buf.subarray(t.contentStart + 1, t.contentEnd);
}

const oidTextCache = new Map<string, string>();

/** Dotted OBJECT IDENTIFIER text. */
export function oidOf(buf: Uint8Array, t: Tlv): string {
  if (t.tag !== 0x06) fail('expected an OBJECT IDENTIFIER');
  const key = Buffer.from(
    buf.buffer,
    buf.byteOffset + t.contentStart,
    t.contentEnd - t.contentStart,
  ).toString('latin1');
  const hit = oidTextCache.get(key);
  if (hit) return hit;
  const arcs: bigint[] = [];
  let v = 0n;
  for (let i = t.contentStart; i < t.contentEnd; i++) {
    const b = buf[i] as number;
    v = (v << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(v);
      v = 0n;
    }
  }
  const head = arcs[0] ?? 0n;
  const a = head < 80n ? head / 40n : 2n;
  const text = [a, head - a * 40n, ...arcs.slice(1)].join('.');
  if (oidTextCache.size < 4096) oidTextCache.set(key, text);
  return text;
}

/** Small non-negative INTEGER/ENUMERATED as a number. */
export function smallInt(buf: Uint8Array, t: Tlv): number {
  let v = 0;
  for (let i = t.contentStart; i < t.contentEnd; i++) v = v * 256 + (buf[i] as number);
  return v;
}

/** INTEGER magnitude as lowercase hex without leading zero bytes (serial numbers). */
export function hexInt(buf: Uint8Array, t: Tlv): string {
  let i = t.contentStart;
  while (i < t.contentEnd - 1 && buf[i] === 0) i++;
  return Buffer.from(buf.subarray(i, t.contentEnd)).toString('hex');
}

/** UTCTime or GeneralizedTime (with optional fraction) as a Date. */
export function timeOf(buf: Uint8Array, t: Tlv): Date {
  const s = Buffer.from(contentOf(buf, t)).toString('latin1');
  const m =
    t.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?Z$/.exec(s);
  if (!m) fail(`unsupported time "${s}"`);
  let year = Number(m[1]);
  if (t.tag === 0x17) year += year < 50 ? 2000 : 1900;
  const ms = t.tag === 0x18 && m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return new Date(
    Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms),
  );
}
