import { deflateSync } from 'node:zlib';
import { n, PdfDict, type PdfObject, PdfRef, PdfStream } from './pdf-objects.js';
import type { ObjectOverlay } from './sanitizer.js';
import { decodeStream } from './stream-filters.js';

/**
 * Burns the current appearance of every non-signature form field into its page and removes
 * the fields, so what was filled in can no longer be changed after signing.
 */
export function flattenFields(ov: ObjectOverlay): void {
  const root = ov.reader.rootRef;
  const cat = ov.dict(root)!;
  const acroRef = cat.get('AcroForm');
  const acro = ov.dict(acroRef);
  const fields = acro ? ov.reader.get(acro.get('Fields')) : undefined;
  if (!acro || !Array.isArray(fields)) return;
  const keep: PdfObject[] = [];
  const widgets = new Set<number>();
  const collect = (items: PdfObject[], ft: string | undefined, depth: number, top: PdfObject): boolean => {
    let isSig = false;
    for (const item of items) {
      const d = ov.dict(item);
      if (!d || depth > 32) continue;
      const type = d.name('FT') ?? ft;
      const kids = ov.reader.get(d.get('Kids'));
      if (Array.isArray(kids)) isSig = collect(kids, type, depth + 1, top) || isSig;
      if (type === 'Sig') isSig = true;
      else if (item instanceof PdfRef && d.name('Subtype') === 'Widget') widgets.add(item.num);
    }
    return isSig;
  };
  for (const f of fields) if (collect([f], undefined, 0, f)) keep.push(f);
  for (const pageRef of pagesWithWidgets(ov, widgets)) burnWidgets(ov, pageRef, widgets);
  const next = acro.clone().set('Fields', keep);
  next.delete('NeedAppearances');
  if (acroRef instanceof PdfRef) ov.changed.set(acroRef.num, next);
  else ov.edit(root, (c) => c.set('AcroForm', next));
}

function pagesWithWidgets(ov: ObjectOverlay, widgets: Set<number>): PdfRef[] {
  const pages = new Map<number, PdfRef>();
  for (const num of widgets) {
    const p = ov.dict(ov.get(new PdfRef(num, 0)))?.get('P');
    if (p instanceof PdfRef) pages.set(p.num, p);
  }
  return [...pages.values()];
}

function burnWidgets(ov: ObjectOverlay, pageRef: PdfRef, widgets: Set<number>): void {
  const page = ov.dict(pageRef)!;
  const annots = ov.reader.get(page.get('Annots'));
  if (!Array.isArray(annots)) return;
  const resources = (ov.dict(page.get('Resources')) ?? new PdfDict()).clone();
  const xobjects = (ov.dict(resources.get('XObject')) ?? new PdfDict()).clone();
  let ops = '';
  const kept: PdfObject[] = [];
  for (const [i, a] of annots.entries()) {
    const w = a instanceof PdfRef && widgets.has(a.num) ? ov.dict(a) : undefined;
    if (!w) {
      kept.push(a);
      continue;
    }
    const ap = appearanceStream(ov, w);
    const rect = ov.reader.get(w.get('Rect'));
    if (!ap || !Array.isArray(rect) || (Number(w.get('F') ?? 0) & 2) !== 0) continue;
    const [x1, y1, x2, y2] = rect.map(Number) as [number, number, number, number];
    const bbox = ov.reader.get(ov.dict(ap)?.get('BBox'));
    const [bx1, by1, bx2, by2] = (
      Array.isArray(bbox) ? bbox.map(Number) : [0, 0, x2 - x1, y2 - y1]
    ) as number[];
    const sx = (x2 - x1) / (bx2! - bx1! || 1);
    const sy = (y2 - y1) / (by2! - by1! || 1);
    xobjects.set(`Flat${i}`, ap);
    ops += `q ${sx} 0 0 ${sy} ${x1 - bx1! * sx} ${y1 - by1! * sy} cm /Flat${i} Do Q\n`;
  }
  resources.set('XObject', xobjects);
  const contents = ov.reader.get(page.get('Contents'));
  const list = Array.isArray(contents) ? contents : page.has('Contents') ? [page.get('Contents')!] : [];
  const pre = ov.allocate(new PdfStream(new PdfDict(), Buffer.from('q\n')));
  const post = ov.allocate(
    new PdfStream(PdfDict.of({ Filter: n('FlateDecode') }), deflateSync(`\nQ\n${ops}`)),
  );
  ov.edit(pageRef, (p) =>
    p
      .set('Annots', kept)
      .set('Resources', resources)
      .set('Contents', [pre, ...list, post]),
  );
}

function appearanceStream(ov: ObjectOverlay, w: PdfDict): PdfRef | undefined {
  const normal = ov.dict(w.get('AP'))?.get('N');
  if (normal instanceof PdfRef && ov.get(normal) instanceof PdfStream) return normal;
  const states = ov.dict(normal);
  const state = w.name('AS');
  const chosen = state ? states?.get(state) : undefined;
  return chosen instanceof PdfRef ? chosen : undefined;
}

/** Exposed for tests: the decoded content of a stream object. */
export function streamText(ov: ObjectOverlay, ref: PdfRef): string {
  const s = ov.get(ref);
  return s instanceof PdfStream ? Buffer.from(decodeStream(s)).toString('latin1') : '';
}
