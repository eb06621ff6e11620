import { PdfDict, PdfName, type PdfObject, PdfRaw, PdfRef, PdfStream, PdfString } from './pdf-objects.js';

/**
 * Collects output as strings and byte chunks and knows its running length, so writers can
 * record object offsets without concatenating until the very end.
 */
export class ByteSink {
  private readonly parts: Uint8Array[] = [];
  private pending = '';
  length = 0;

  text(s: string): this {
    this.pending += s;
    this.length += s.length;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.flushText();
    this.parts.push(b);
    this.length += b.length;
    return this;
  }

  private flushText(): void {
    if (this.pending) this.parts.push(Buffer.from(this.pending, 'latin1'));
    this.pending = '';
  }

  /** All parts as one buffer, optionally preceded by `prefix` (the original file). */
  toBytes(prefix?: Uint8Array): Buffer {
    this.flushText();
    return Buffer.concat(prefix ? [prefix, ...this.parts] : this.parts);
  }
}

/** Writes one object in PDF syntax. Strings must be Latin-1 (text) when they reach here. */
export function writeObject(sink: ByteSink, v: PdfObject): void {
  if (v === null) sink.text('null');
  else if (typeof v === 'boolean') sink.text(v ? 'true' : 'false');
  else if (typeof v === 'number') sink.text(formatNumber(v));
  else if (v instanceof PdfName) sink.text(`/${escapeName(v.value)}`);
  else if (v instanceof PdfRef) sink.text(`${v.num} ${v.gen} R`);
  else if (v instanceof PdfString) sink.text(formatString(v));
  else if (v instanceof PdfRaw) sink.text(v.text);
  else if (Array.isArray(v)) writeArray(sink, v);
  else if (v instanceof PdfDict) writeDict(sink, v);
  else if (v instanceof PdfStream) writeStream(sink, v);
}

function writeArray(sink: ByteSink, v: PdfObject[]): void {
  sink.text('[');
  v.forEach((x, i) => {
    if (i > 0) sink.text(' ');
    writeObject(sink, x);
  });
  sink.text(']');
}

function writeDict(sink: ByteSink, d: PdfDict): void {
  sink.text('<<');
  for (const [k, val] of d.map) {
    sink.text(`/${escapeName(k)} `);
    writeObject(sink, val);
    sink.text('\n');
  }
  sink.text('>>');
}

function writeStream(sink: ByteSink, s: PdfStream): void {
  const dict = s.dict.clone().set('Length', s.data.length);
  writeDict(sink, dict);
  sink.text('\nstream\n');
  sink.bytes(s.data);
  sink.text('\nendstream');
}

export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const s = v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

function escapeName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i += 1) {
    const c = name.charCodeAt(i);
    const plain = c > 0x20 && c < 0x7f && !'()<>[]{}/%#'.includes(name[i]!);
    out += plain ? name[i] : `#${c.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function formatString(s: PdfString): string {
  const b = s.bytes;
  let printable = !s.hex;
  for (let i = 0; printable && i < b.length; i += 1) printable = b[i]! >= 0x20 && b[i]! < 0x7f;
  if (!printable) return `<${Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex')}>`;
  return `(${Buffer.from(b)
    .toString('latin1')
    .replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** Serializes a lone object to bytes (used for hashing and tests). */
export function objectToBytes(v: PdfObject): Buffer {
  const sink = new ByteSink();
  writeObject(sink, v);
  return sink.toBytes();
}
