import { PdfRef, PdfStream } from '../pdf/pdf-objects.js';
import type { PdfReader } from '../pdf/pdf-reader.js';
import { decodeStream } from '../pdf/stream-filters.js';

/** Validation material found in a Document Security Store. */
export interface DssContent {
  present: boolean;
  certificates: Uint8Array[];
  ocspResponses: Uint8Array[];
  crls: Uint8Array[];
  /** VRI keys (uppercase SHA-1 of /Contents) present. */
  vriKeys: Set<string>;
  /** Offset of the xref section that introduced the DSS (its revision), or -1. */
  addedAt: number;
}

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
    addedAt: -1,
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
  return {
    present: true,
    certificates: list('Certs'),
    ocspResponses: list('OCSPs'),
    crls: list('CRLs'),
    vriKeys: new Set(vri ? [...vri.map.keys()].map((k) => k.toUpperCase()) : []),
    addedAt: firstSectionWith(reader, catRef instanceof PdfRef ? catRef.num : reader.rootRef.num),
  };
}

/** Offset of the oldest xref section that (re)defines the object: when it appeared. */
function firstSectionWith(reader: PdfReader, num: number): number {
  const sections = reader.sections;
  for (let i = sections.length - 1; i >= 0; i -= 1) {
    const e = sections[i]!.entries.get(num);
    if (e && e.kind !== 'free') {
      if (num !== reader.rootRef.num) return sections[i]!.offset;
      const cat = reader.before(sections[i]!.offset + 1).catalog();
      if (cat.has('DSS')) return sections[i]!.offset;
    }
  }
  return -1;
}
