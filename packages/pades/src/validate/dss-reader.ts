import { createHash } from 'node:crypto';
import { type PdfDict, type PdfObject, PdfRef, PdfStream } from '../pdf/pdf-objects.js';
import { PdfReader } from '../pdf/pdf-reader.js';
import { objectToBytes } from '../pdf/pdf-serializer.js';
import { decodeStream } from '../pdf/stream-filters.js';

/** Validation material found in a Document Security Store. */
export interface DssContent {
  present: boolean;
  certificates: Uint8Array[];
  ocspResponses: Uint8Array[];
  crls: Uint8Array[];
  /** VRI keys (uppercase SHA-1 of /Contents) present. */
  vriKeys: Set<string>;
  /** VRI keys whose entry names at least one OCSP response or CRL. */
  vriWithRevocation: Set<string>;
  /**
   * Offset of the xref section of the revision that last created or changed the DSS (its
   * arrays, its VRI or the DSS dictionary itself), or -1. A DSS extended for a later signature
   * is dated by that later revision, not by the one that first defined it.
   */
  addedAt: number;
  /** Offsets of the xref sections of every revision that created or changed the DSS, oldest first. */
  updates: number[];
}

const KINDS = ['Certs', 'OCSPs', 'CRLs'] as const;

/** Reads the DSS of the latest revision; arrays may be direct or indirect. */
export function readDss(reader: PdfReader): DssContent {
  const catRef = reader.catalog().get('DSS');
  const dss = reader.dict(catRef);
  const empty: DssContent = {
    present: false,
    certificates: [],
    ocspResponses: [],
    crls: [],
    vriKeys: new Set(),
    vriWithRevocation: new Set(),
    addedAt: -1,
    updates: [],
  };
  if (!dss) return empty;
  const list = (key: string): Uint8Array[] => {
    const arr = reader.get(dss.get(key));
    if (!Array.isArray(arr)) return [];
    return arr
      .map((x) => reader.get(x))
      .filter((s): s is PdfStream => s instanceof PdfStream)
      .map((s) => decodeStream(s));
  };
  const vri = reader.dict(dss.get('VRI'));
  const vriWithRevocation = new Set<string>();
  for (const [key, value] of vri?.map ?? []) {
    const entry = reader.dict(value);
    const has = (k: string) => {
      const arr = reader.get(entry?.get(k));
      return Array.isArray(arr) && arr.length > 0;
    };
    if (has('OCSP') || has('CRL')) vriWithRevocation.add(key.toUpperCase());
  }
  const updates = dssUpdates(reader, catRef, dss);
  return {
    present: true,
    certificates: list('Certs'),
    ocspResponses: list('OCSPs'),
    crls: list('CRLs'),
    vriKeys: new Set(vri ? [...vri.map.keys()].map((k) => k.toUpperCase()) : []),
    vriWithRevocation,
    addedAt: updates[updates.length - 1] ?? -1,
    updates,
  };
}

/**
 * The revisions in which the DSS changed: only xref sections that (re)define the catalog or
 * one of the objects the DSS is made of are looked at, and of those only the ones whose DSS
 * differs from the revision before count (a later signature rewriting the catalog around an
 * unchanged DSS is not an update).
 */
function dssUpdates(reader: PdfReader, catRef: unknown, dss: PdfDict): number[] {
  const relevant = new Set<number>([reader.rootRef.num]);
  if (catRef instanceof PdfRef) relevant.add(catRef.num);
  for (const ref of refsOf(reader, dss)) relevant.add(ref.num);
  const sections = reader.sections;
  const updates: number[] = [];
  let previous = '';
  for (let i = sections.length - 1; i >= 0; i -= 1) {
    const section = sections[i]!;
    if (![...relevant].some((num) => section.entries.has(num))) continue;
    const at = i === 0 ? reader : new PdfReader(reader.bytes, {}, sections.slice(i));
    const print = fingerprint(at);
    if (print !== '' && print !== previous) updates.push(section.offset);
    previous = print;
  }
  return updates.sort((a, b) => a - b);
}

/** Every indirect object the DSS consists of: arrays, streams, VRI and its entries. */
function refsOf(reader: PdfReader, dss: PdfDict): PdfRef[] {
  const refs: PdfRef[] = [];
  const add = (v: unknown) => {
    if (v instanceof PdfRef) refs.push(v);
  };
  for (const kind of KINDS) {
    add(dss.get(kind));
    const arr = reader.get(dss.get(kind));
    if (Array.isArray(arr)) arr.forEach(add);
  }
  add(dss.get('VRI'));
  const vri = reader.dict(dss.get('VRI'));
  for (const value of vri?.map.values() ?? []) add(value);
  return refs;
}

/** What the DSS of one revision holds: stream references (with where each is stored) and VRI keys. */
function fingerprint(reader: PdfReader): string {
  let dss: PdfDict | undefined;
  try {
    dss = reader.dict(reader.catalog().get('DSS'));
  } catch {
    return '';
  }
  if (!dss) return '';
  const where = (v: unknown): string => {
    if (!(v instanceof PdfRef))
      return createHash('sha1')
        .update(objectToBytes(v as PdfObject))
        .digest('hex');
    const e = reader.entry(v.num);
    const at = e?.kind === 'offset' ? e.offset : e?.kind === 'compressed' ? `${e.stream}.${e.index}` : 'free';
    return `${v.num}.${v.gen}@${at}`;
  };
  const parts: string[] = [];
  for (const kind of KINDS) {
    const arr = reader.get(dss.get(kind));
    parts.push(`${kind}:${Array.isArray(arr) ? arr.map(where).join(',') : ''}`);
  }
  const vri = reader.dict(dss.get('VRI'));
  const entries = [...(vri?.map ?? [])].map(([k, v]) => `${k}=${where(v)}`).sort();
  parts.push(`VRI:${entries.join(',')}`);
  return parts.join('|');
}
