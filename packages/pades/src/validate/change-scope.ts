import { listFields } from '../pdf/form-fields.js';
import { PdfDict, type PdfObject, PdfRef, PdfStream } from '../pdf/pdf-objects.js';
import type { PdfReader } from '../pdf/pdf-reader.js';

/** What the change classification needs to know about the revisions after a signature. */
export interface ChangeScope {
  /** End of the signed bytes. */
  signedEnd: number;
  /** Objects (re)defined by the later xref sections, in number order. */
  changed: number[];
  /** Objects some later-written object (or the trailer) refers to. */
  referenced: Set<number>;
  /** Objects reachable from the DSS (validation data). */
  dss: Set<number>;
  /** Objects reachable from the AcroForm resources and the field widgets' appearances. */
  appearances: Set<number>;
}

const MAX_SUPPORT = 1_000_000;

/**
 * Reads only what later revisions wrote (their xref sections name those objects) plus the
 * form tree and the DSS, never the whole object graph: validating a 3,300-page file with a
 * later DSS revision must cost about as little as signing it.
 */
export function changeScope(reader: PdfReader, signedEnd: number): ChangeScope {
  const changed = new Set<number>();
  const referenced = new Set<number>();
  for (const s of reader.sections) {
    if (s.offset < signedEnd) continue;
    for (const [num, e] of s.entries) if (e.kind !== 'free') changed.add(num);
    collectRefs(s.trailer, referenced);
  }
  for (const num of changed) collectRefs(reader.object(num), referenced);
  return {
    signedEnd,
    changed: [...changed].sort((a, b) => a - b),
    referenced,
    dss: reachable(reader, [reader.catalog().get('DSS') ?? null]),
    appearances: reachable(reader, appearanceRoots(reader)),
  };
}

/** References held directly inside a value (not followed). */
function collectRefs(v: PdfObject | undefined, out: Set<number>): void {
  const stack: (PdfObject | undefined)[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (x instanceof PdfRef) out.add(x.num);
    else if (Array.isArray(x)) stack.push(...x);
    else if (x instanceof PdfDict) stack.push(...x.map.values());
    else if (x instanceof PdfStream) stack.push(...x.dict.map.values());
  }
}

/** Form resources and widget appearances: what a signature or form filling may add or rewrite. */
function appearanceRoots(reader: PdfReader): PdfObject[] {
  const roots: PdfObject[] = [reader.dict(reader.catalog().get('AcroForm'))?.get('DR') ?? null];
  for (const field of listFields(reader)) for (const w of field.widgets) roots.push(w.dict.get('AP') ?? null);
  return roots;
}

function reachable(reader: PdfReader, roots: PdfObject[]): Set<number> {
  const out = new Set<number>();
  const stack: PdfObject[] = roots;
  while (stack.length > 0 && out.size < MAX_SUPPORT) {
    const v = stack.pop()!;
    if (v instanceof PdfRef) {
      if (out.has(v.num)) continue;
      out.add(v.num);
      stack.push(reader.object(v.num));
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v instanceof PdfDict) stack.push(...v.map.values());
    else if (v instanceof PdfStream) stack.push(...v.dict.map.values());
  }
  return out;
}
