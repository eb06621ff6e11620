import { PdfDict, type PdfObject, PdfRef, PdfStream } from './pdf-objects.js';
import type { PdfReader } from './pdf-reader.js';
import { ByteSink, writeObject } from './pdf-serializer.js';

/**
 * Writes a fresh single-revision PDF holding only the objects reachable from the catalog
 * (with `overrides` applied). Used only before the first signature — by the sanitizer, so
 * removed content does not survive in an earlier revision.
 */
export function rewritePdf(reader: PdfReader, overrides: Map<number, PdfObject>): Buffer {
  const objects = new Map<number, PdfObject>();
  const lookup = (num: number): PdfObject => (overrides.has(num) ? overrides.get(num)! : reader.object(num));
  const stack: PdfObject[] = [reader.trailer.get('Root') ?? null, reader.trailer.get('Info') ?? null];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v instanceof PdfRef) {
      if (objects.has(v.num)) continue;
      const target = lookup(v.num);
      objects.set(v.num, target);
      stack.push(target);
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v instanceof PdfDict) stack.push(...v.map.values());
    else if (v instanceof PdfStream) stack.push(...v.dict.map.values());
  }
  const sink = new ByteSink().text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const offsets = new Map<number, number>();
  for (const num of [...objects.keys()].sort((a, b) => a - b)) {
    offsets.set(num, sink.length);
    sink.text(`${num} 0 obj\n`);
    writeObject(sink, objects.get(num)!);
    sink.text('\nendobj\n');
  }
  const size = Math.max(0, ...offsets.keys()) + 1;
  const xref = sink.length;
  sink.text(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let i = 1; i < size; i += 1) {
    const off = offsets.get(i);
    sink.text(off === undefined ? '0000000000 65535 f \n' : `${String(off).padStart(10, '0')} 00000 n \n`);
  }
  const trailer = PdfDict.of({ Size: size, Root: reader.trailer.get('Root') ?? null });
  for (const k of ['Info', 'ID']) {
    const v = reader.trailer.get(k);
    if (v !== undefined) trailer.set(k, v);
  }
  sink.text('trailer\n');
  writeObject(sink, trailer);
  sink.text(`\nstartxref\n${xref}\n%%EOF\n`);
  return sink.toBytes();
}
