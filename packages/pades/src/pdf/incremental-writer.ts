import { n, type PdfDict, type PdfObject, PdfRaw, PdfRef } from './pdf-objects.js';
import type { PdfReader } from './pdf-reader.js';
import { ByteSink, writeObject } from './pdf-serializer.js';

/** What an incremental update produced: the whole new file and where each object landed. */
export interface IncrementResult {
  bytes: Buffer;
  /** Absolute byte offset of every object written in this update. */
  offsets: Map<number, number>;
  /** Offset of the new cross-reference section. */
  xrefOffset: number;
}

/**
 * Appends a revision to a PDF: new and replaced objects plus a cross-reference section
 * pointing back with /Prev. The original bytes are never touched, which is what keeps
 * earlier signatures valid. The xref form follows the previous section's form.
 */
export class IncrementalUpdate {
  private nextNum: number;
  private readonly objects = new Map<number, { gen: number; value: PdfObject }>();

  constructor(readonly reader: PdfReader) {
    this.nextNum = reader.size;
  }

  /** Reserves a fresh object number above every number in use (objects streams included). */
  allocate(): PdfRef {
    const ref = new PdfRef(this.nextNum, 0);
    this.nextNum += 1;
    return ref;
  }

  /** Adds a new object and returns its reference. */
  add(value: PdfObject): PdfRef {
    const ref = this.allocate();
    this.set(ref, value);
    return ref;
  }

  /** Writes (or replaces) the object behind `ref` in this revision. */
  set(ref: PdfRef, value: PdfObject): void {
    this.objects.set(ref.num, { gen: ref.gen, value });
  }

  has(ref: PdfRef): boolean {
    return this.objects.has(ref.num);
  }

  /** Returns the value queued for `ref`, else the current one from the file. */
  current(ref: PdfRef): PdfObject | undefined {
    return this.objects.get(ref.num)?.value ?? this.reader.get(ref);
  }

  get isEmpty(): boolean {
    return this.objects.size === 0;
  }

  write(): IncrementResult {
    const original = this.reader.bytes;
    const base = original.length;
    const sink = new ByteSink();
    const last = original[base - 1];
    if (last !== 10 && last !== 13) sink.text('\n');
    const offsets = new Map<number, number>();
    const gens = new Map<number, number>();
    for (const [num, { gen, value }] of [...this.objects].sort((a, b) => a[0] - b[0])) {
      offsets.set(num, base + sink.length);
      gens.set(num, gen);
      sink.text(`${num} ${gen} obj\n`);
      writeObject(sink, value);
      sink.text('\nendobj\n');
    }
    const xrefOffset = base + sink.length;
    if (this.reader.sections[0]!.kind === 'stream') this.writeXrefStream(sink, offsets, gens, xrefOffset);
    else this.writeXrefTable(sink, offsets, gens);
    sink.text(`startxref\n${xrefOffset}\n%%EOF\n`);
    return { bytes: sink.toBytes(original), offsets, xrefOffset };
  }

  private trailerBase(size: number): PdfDict {
    const prev = this.reader.trailer;
    const t = prev.clone();
    for (const k of [...t.map.keys()]) if (!['Root', 'Info', 'ID'].includes(k)) t.delete(k);
    return t.set('Size', size).set('Prev', this.reader.sections[0]!.offset);
  }

  private writeXrefTable(sink: ByteSink, offsets: Map<number, number>, gens: Map<number, number>): void {
    sink.text('xref\n');
    for (const run of runs([...offsets.keys()])) {
      sink.text(`${run[0]} ${run.length}\n`);
      for (const num of run) {
        const off = String(offsets.get(num)).padStart(10, '0');
        sink.text(`${off} ${String(gens.get(num)).padStart(5, '0')} n \n`);
      }
    }
    sink.text('trailer\n');
    writeObject(sink, this.trailerBase(this.nextNum));
    sink.text('\n');
  }

  private writeXrefStream(
    sink: ByteSink,
    offsets: Map<number, number>,
    gens: Map<number, number>,
    xrefOffset: number,
  ): void {
    const self = this.allocate();
    offsets.set(self.num, xrefOffset);
    gens.set(self.num, 0);
    const nums = [...offsets.keys()].sort((a, b) => a - b);
    const wide = xrefOffset > 0xffffffff;
    const ow = wide ? 8 : 4;
    const data = Buffer.alloc(nums.length * (3 + ow));
    nums.forEach((num, i) => {
      const p = i * (3 + ow);
      data[p] = 1;
      if (wide) data.writeBigUInt64BE(BigInt(offsets.get(num)!), p + 1);
      else data.writeUInt32BE(offsets.get(num)!, p + 1);
      data.writeUInt16BE(gens.get(num)! & 0xffff, p + 1 + ow);
    });
    const dict = this.trailerBase(this.nextNum)
      .set('Type', n('XRef'))
      .set('W', [1, ow, 2])
      .set(
        'Index',
        runs(nums).flatMap((r) => [r[0]!, r.length]),
      )
      .set('Length', data.length);
    sink.text(`${self.num} 0 obj\n`);
    writeObject(sink, dict);
    sink.text('\nstream\n').bytes(data).text('\nendstream\nendobj\n');
  }
}

/** Groups sorted numbers into runs of consecutive values (xref subsections). */
function runs(nums: number[]): number[][] {
  const sorted = [...nums].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of sorted) {
    const cur = out[out.length - 1];
    if (cur && cur[cur.length - 1] === x - 1) cur.push(x);
    else out.push([x]);
  }
  return out;
}

/** A placeholder written verbatim, patched after the file layout is known. */
export function raw(text: string): PdfRaw {
  return new PdfRaw(text);
}
