import { deflateSync } from 'node:zlib';
import { removeOptionalContent } from './content-filter.js';
import { flattenFields } from './form-flattener.js';
import { rewritePdf } from './full-rewriter.js';
import { n, PdfDict, type PdfObject, PdfRef, PdfStream } from './pdf-objects.js';
import { PdfReader } from './pdf-reader.js';
import { decodeStream } from './stream-filters.js';

/** What the sanitizer removes; everything defaults to on except flattening. */
export interface SanitizeOptions {
  javascript?: boolean;
  xfa?: boolean;
  embeddedFiles?: boolean;
  hiddenLayers?: boolean;
  /** Burn form field appearances into the pages and drop the (non-signature) fields. */
  flattenForms?: boolean;
}

/** A mutable overlay of objects being rewritten over the reader's originals. */
export class ObjectOverlay {
  readonly changed = new Map<number, PdfObject>();
  constructor(readonly reader: PdfReader) {}
  get(ref: PdfRef): PdfObject {
    return this.changed.has(ref.num) ? this.changed.get(ref.num)! : this.reader.object(ref.num);
  }
  dict(v: PdfObject | undefined): PdfDict | undefined {
    const r = v instanceof PdfRef ? this.get(v) : v;
    return r instanceof PdfDict ? r : r instanceof PdfStream ? r.dict : undefined;
  }
  /** Edits a copy of the dictionary behind `ref` and stores it in the overlay. */
  edit(ref: PdfRef, fn: (d: PdfDict) => void): void {
    const cur = this.get(ref);
    if (cur instanceof PdfDict) {
      const copy = cur.clone();
      fn(copy);
      this.changed.set(ref.num, copy);
    } else if (cur instanceof PdfStream) {
      const copy = cur.dict.clone();
      fn(copy);
      this.changed.set(ref.num, new PdfStream(copy, cur.data));
    }
  }
  allocate(value: PdfObject): PdfRef {
    const ref = new PdfRef(Math.max(this.reader.size, ...this.changed.keys()) + 1, 0);
    this.changed.set(ref.num, value);
    return ref;
  }
}

/**
 * Removes content that can make a document show or do something other than what the signer
 * saw (JavaScript, XFA, embedded files, hidden optional-content layers) and optionally
 * flattens forms. It rewrites the file, so it may only run before the first signature.
 */
export function sanitizePdf(pdf: Uint8Array, options: SanitizeOptions = {}): Uint8Array {
  const o = {
    javascript: true,
    xfa: true,
    embeddedFiles: true,
    hiddenLayers: true,
    flattenForms: false,
    ...options,
  };
  const reader = new PdfReader(pdf);
  const ov = new ObjectOverlay(reader);
  const root = reader.rootRef;
  const hidden = o.hiddenLayers ? hiddenGroups(ov) : new Set<number>();
  ov.edit(root, (cat) => cleanCatalog(ov, cat, o, hidden.size > 0));
  for (const pageRef of allPages(ov)) cleanPage(ov, pageRef, o, hidden);
  if (o.flattenForms) flattenFields(ov);
  return rewritePdf(reader, ov.changed);
}

function cleanCatalog(
  ov: ObjectOverlay,
  cat: PdfDict,
  o: Required<SanitizeOptions>,
  hasHidden: boolean,
): void {
  if (o.javascript) {
    cat.delete('AA');
    const open = ov.dict(cat.get('OpenAction'));
    if (open && open.name('S') !== 'GoTo') cat.delete('OpenAction');
  }
  const names = ov.dict(cat.get('Names'));
  if (names) {
    const copy = names.clone();
    if (o.javascript) copy.delete('JavaScript');
    if (o.embeddedFiles) copy.delete('EmbeddedFiles');
    cat.set('Names', copy);
  }
  const acroRef = cat.get('AcroForm');
  const acro = ov.dict(acroRef);
  if (acro && o.xfa && acro.has('XFA')) {
    const copy = acro.clone();
    copy.delete('XFA');
    if (acroRef instanceof PdfRef) ov.changed.set(acroRef.num, copy);
    else cat.set('AcroForm', copy);
  }
  // Without XFA a viewer must render the AcroForm/page content, not wait for a form to build.
  if (o.xfa) cat.delete('NeedsRendering');
  if (hasHidden) cat.delete('OCProperties');
}

/** Optional-content groups that are off by default (the ones a viewer hides). */
function hiddenGroups(ov: ObjectOverlay): Set<number> {
  const props = ov.dict(ov.dict(ov.reader.rootRef)?.get('OCProperties'));
  const off = ov.reader.get(ov.dict(props?.get('D'))?.get('OFF'));
  const out = new Set<number>();
  if (Array.isArray(off)) for (const r of off) if (r instanceof PdfRef) out.add(r.num);
  return out;
}

function allPages(ov: ObjectOverlay): PdfRef[] {
  const out: PdfRef[] = [];
  const seen = new Set<number>();
  const walk = (ref: PdfObject | undefined, depth: number): void => {
    if (!(ref instanceof PdfRef) || seen.has(ref.num) || depth > 64) return;
    seen.add(ref.num);
    const node = ov.dict(ref);
    const kids = node ? ov.reader.get(node.get('Kids')) : undefined;
    if (Array.isArray(kids)) for (const k of kids) walk(k, depth + 1);
    else if (node) out.push(ref);
  };
  walk(ov.dict(ov.reader.rootRef)?.get('Pages'), 0);
  return out;
}

function cleanPage(
  ov: ObjectOverlay,
  pageRef: PdfRef,
  o: Required<SanitizeOptions>,
  hidden: Set<number>,
): void {
  const page = ov.dict(pageRef)!;
  const annots = ov.reader.get(page.get('Annots'));
  const kept: PdfObject[] = [];
  for (const a of Array.isArray(annots) ? annots : []) {
    const d = ov.dict(a);
    if (!d) continue;
    if (o.embeddedFiles && d.name('Subtype') === 'FileAttachment') continue;
    const oc = d.get('OC');
    if (oc instanceof PdfRef && hidden.has(oc.num)) continue;
    if (o.javascript && a instanceof PdfRef && (d.has('AA') || isScript(ov, d.get('A')))) {
      ov.edit(a, (x) => {
        x.delete('AA');
        if (isScript(ov, x.get('A'))) x.delete('A');
      });
    }
    kept.push(a);
  }
  ov.edit(pageRef, (p) => {
    if (o.javascript) p.delete('AA');
    if (Array.isArray(annots) || page.has('Annots')) p.set('Annots', kept);
    if (hidden.size > 0) stripHiddenContent(ov, p, hidden);
  });
}

function isScript(ov: ObjectOverlay, action: PdfObject | undefined): boolean {
  const s = ov.dict(action)?.name('S');
  return s === 'JavaScript' || s === 'Launch' || s === 'ImportData' || s === 'SubmitForm';
}

/** Replaces the page contents with a copy lacking the hidden layers' marked content. */
function stripHiddenContent(ov: ObjectOverlay, page: PdfDict, hidden: Set<number>): void {
  const props = ov.dict(ov.dict(page.get('Resources'))?.get('Properties'));
  const names = new Set<string>();
  for (const [k, v] of props?.map ?? []) if (v instanceof PdfRef && hidden.has(v.num)) names.add(k);
  if (names.size === 0) return;
  const contents = ov.reader.get(page.get('Contents'));
  const list = Array.isArray(contents) ? contents : [page.get('Contents')];
  const parts = list.map((c) => {
    const s = c instanceof PdfRef ? ov.get(c) : c;
    return s instanceof PdfStream ? Buffer.from(decodeStream(s)) : Buffer.alloc(0);
  });
  const joined = Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]));
  const cleaned = removeOptionalContent(joined, names);
  const stream = new PdfStream(PdfDict.of({ Filter: n('FlateDecode') }), deflateSync(cleaned));
  page.set('Contents', ov.allocate(stream));
}
