import { PdfDict, type PdfObject, PdfRef, PdfStream } from '../pdf/pdf-objects.js';
import type { PdfReader } from '../pdf/pdf-reader.js';
import { type ChangeScope, changeScope } from './change-scope.js';
import { signedRevisionRefersTo } from './dangling-reference.js';
import type { ChangeReport } from './validation-report.js';

const CATALOG_KEYS_ALLOWED = new Set(['DSS', 'AcroForm', 'Extensions', 'Version']);

/**
 * Classifies every object written after the signed revision. Allowed: signatures and their
 * fields and appearances, form filling, DSS and document time-stamps. Anything else (page
 * content, other annotations, arbitrary objects) is flagged. Only the objects the later xref
 * sections name are read (see change-scope.ts), so the cost follows the size of the update.
 */
export function analyzeChanges(finalReader: PdfReader, signedEnd: number): ChangeReport[] {
  if (!finalReader.sections.some((s) => s.offset >= signedEnd)) return [];
  const old = finalReader.before(signedEnd);
  const scope = changeScope(finalReader, signedEnd);
  const out: ChangeReport[] = [];
  for (const num of scope.changed) {
    const report = classify(finalReader, old, num, scope);
    if (report) out.push(report);
  }
  return out;
}

function classify(cur: PdfReader, old: PdfReader, num: number, scope: ChangeScope): ChangeReport | undefined {
  const value = cur.object(num);
  const before = old.entry(num) ? old.object(num) : undefined;
  const d = value instanceof PdfDict ? value : value instanceof PdfStream ? value.dict : undefined;
  const type = d?.name('Type');
  const r = (kind: ChangeReport['kind'], allowed: boolean, detail: string): ChangeReport => ({
    object: num,
    kind,
    allowed,
    detail,
  });
  if (type === 'XRef' || type === 'ObjStm') return undefined;
  if (before !== undefined && sameSerialization(before, value)) return undefined;
  // Writers such as pyHanko leave superseded DSS arrays and VRI entries unreferenced: a new
  // object nothing written later points to is skipped, unless the signed revision itself
  // pointed at that (then undefined) number.
  if (before === undefined && !scope.referenced.has(num)) {
    const e = cur.entry(num);
    if (!signedRevisionRefersTo(old, scope.signedEnd, num, e?.kind === 'offset' ? e.gen : 0))
      return undefined;
    return r('other', false, 'defines an object the signed revision referred to but lacked');
  }
  if (type === 'Sig') return r('signature', before === undefined, 'signature dictionary');
  if (type === 'DocTimeStamp') return r('document-timestamp', before === undefined, 'document time-stamp');
  if (num === cur.rootRef.num) return catalogChange(cur, old, num);
  if (type === 'Metadata' || num === refNum(cur.trailer.get('Info')))
    return r('metadata', true, 'document metadata');
  if (d && (d.name('FT') === 'Sig' || cur.dict(d.get('Parent'))?.name('FT') === 'Sig')) {
    const prevV = before instanceof PdfDict ? before.get('V') : undefined;
    return r(
      'signature-field',
      prevV === undefined,
      prevV === undefined ? 'signature field filled' : 'signed field changed',
    );
  }
  if (d?.name('Subtype') === 'Widget' || (d?.has('T') && d.has('FT')) || (d?.has('T') && d.has('V'))) {
    return r(
      'form-filling',
      before !== undefined,
      before !== undefined ? 'form field value' : 'new form field',
    );
  }
  if (num === refNum(cur.catalog().get('AcroForm'))) return r('acroform', true, 'AcroForm dictionary');
  if (type === 'Page') return pageChange(cur, old, num, d!, before);
  if (scope.dss.has(num)) return r('dss', true, 'validation data (DSS)');
  if (scope.appearances.has(num)) return r('appearance', true, 'signature or form field appearance');
  if (Array.isArray(value)) return arrayChange(cur, num, value, before);
  if (before === undefined && !d) return r('other', true, 'unreferenced value');
  if (type === 'Annot' || d?.has('Subtype'))
    return r('annotation', false, `annotation ${d?.name('Subtype') ?? ''} changed`);
  if (value instanceof PdfStream && before !== undefined)
    return r('page-content', false, 'content stream changed');
  return r('other', false, before === undefined ? 'new object' : 'object changed');
}

function catalogChange(cur: PdfReader, old: PdfReader, num: number): ChangeReport {
  const a = old.catalog();
  const b = cur.catalog();
  const keys = new Set([...a.map.keys(), ...b.map.keys()]);
  const bad = [...keys].filter(
    (k) => !CATALOG_KEYS_ALLOWED.has(k) && !sameSerialization(a.get(k) ?? null, b.get(k) ?? null),
  );
  if (bad.length === 0)
    return { object: num, kind: 'catalog', allowed: true, detail: 'catalog: DSS/AcroForm' };
  return {
    object: num,
    kind: 'catalog',
    allowed: false,
    detail: `catalog entries changed: ${bad.join(', ')}`,
  };
}

function pageChange(
  cur: PdfReader,
  old: PdfReader,
  num: number,
  page: PdfDict,
  before: PdfObject | undefined,
): ChangeReport {
  if (!(before instanceof PdfDict))
    return { object: num, kind: 'page-content', allowed: false, detail: 'page added' };
  const keys = new Set([...page.map.keys(), ...before.map.keys()]);
  const bad = [...keys].filter(
    (k) => k !== 'Annots' && !sameSerialization(page.get(k) ?? null, before.get(k) ?? null),
  );
  if (bad.length > 0)
    return {
      object: num,
      kind: 'page-content',
      allowed: false,
      detail: `page entries changed: ${bad.join(', ')}`,
    };
  const oldAnnots = new Set(refs(old.get(before.get('Annots'))));
  const added = refs(cur.get(page.get('Annots'))).filter((n) => !oldAnnots.has(n));
  const removed = [...oldAnnots].filter((n) => !refs(cur.get(page.get('Annots'))).includes(n));
  const nonWidget = added.filter((n) => cur.dict(new PdfRef(n, 0))?.name('Subtype') !== 'Widget');
  if (removed.length > 0 || nonWidget.length > 0) {
    return { object: num, kind: 'annotation', allowed: false, detail: 'annotations added or removed' };
  }
  return { object: num, kind: 'page-annotations', allowed: true, detail: 'signature widgets added' };
}

/** Annots and Fields arrays may only grow, and only by widgets and fields. */
function arrayChange(
  cur: PdfReader,
  num: number,
  value: PdfObject[],
  before: PdfObject | undefined,
): ChangeReport {
  const oldRefs = new Set(refs(before));
  const removed = [...oldRefs].filter((x) => !refs(value).includes(x));
  const added = refs(value).filter((x) => !oldRefs.has(x));
  const ok =
    removed.length === 0 &&
    added.every((x) => {
      const d = cur.dict(new PdfRef(x, 0));
      return d !== undefined && (d.name('Subtype') === 'Widget' || d.has('FT') || d.has('T'));
    });
  return {
    object: num,
    kind: 'page-annotations',
    allowed: ok,
    detail: ok ? 'fields or widgets added' : 'array changed',
  };
}

function refs(v: PdfObject | undefined): number[] {
  return Array.isArray(v) ? v.filter((x): x is PdfRef => x instanceof PdfRef).map((x) => x.num) : [];
}

function refNum(v: PdfObject | undefined): number {
  return v instanceof PdfRef ? v.num : -1;
}

function sameSerialization(a: PdfObject, b: PdfObject): boolean {
  return JSON.stringify(a, replacer) === JSON.stringify(b, replacer);
}

function replacer(_key: string, v: unknown): unknown {
  if (v instanceof Map) return [...v.entries()];
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  return v;
}
