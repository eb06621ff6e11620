import { PadesError } from '../errors.js';
import { listFields } from './form-fields.js';
import type { IncrementalUpdate } from './incremental-writer.js';
import { findPage, listPages, pageCount } from './page-tree.js';
import { n, PdfDict, type PdfObject, PdfRef, PdfString } from './pdf-objects.js';

/** Where and how the signature widget goes. */
export interface FieldPlacement {
  /** Existing empty signature field to fill, or the name of the field to create. */
  fieldName?: string;
  /** 0-based page for a new field. */
  pageIndex: number;
  /** [x, y, width, height] in points for a visible new field; omitted means invisible. */
  rect?: readonly [number, number, number, number];
  /** Builds the appearance XObject for a widget of this size; undefined for none. */
  appearance: (width: number, height: number) => PdfRef;
  /** Further widgets of the new field (filled-in values), each with its built appearance. */
  stamps?: readonly {
    pageIndex: number;
    rect: readonly [number, number, number, number];
    appearance: PdfRef;
  }[];
}

/**
 * Puts the signature value into an existing empty signature field, or creates a new merged
 * field/widget on the page and registers it in the AcroForm. Only objects that must change
 * are rewritten, all in the given incremental update.
 */
export function placeSignatureField(upd: IncrementalUpdate, sigRef: PdfRef, place: FieldPlacement): void {
  const reader = upd.reader;
  const fields = listFields(reader);
  const existing = place.fieldName ? fields.find((f) => f.fullName === place.fieldName) : undefined;
  if (existing) {
    if (existing.type !== 'Sig') {
      throw new PadesError('INVALID_ARGUMENT', `The field "${place.fieldName}" is not a signature field.`);
    }
    if (existing.dict.has('V'))
      throw new PadesError('INVALID_ARGUMENT', `The field "${place.fieldName}" is already signed.`);
    if (!existing.ref) throw new PadesError('UNSUPPORTED', 'The signature field is not an indirect object.');
    const field = existing.dict.clone().set('V', sigRef);
    const widget = existing.widgets[0];
    const target = widget?.ref && widget.ref.num !== existing.ref.num ? widget : undefined;
    const wdict = target ? target.dict.clone() : field;
    const [x1, y1, x2, y2] = rectOf(wdict.get('Rect'));
    wdict.set('AP', PdfDict.of({ N: place.appearance(Math.abs(x2 - x1), Math.abs(y2 - y1)) }));
    if (target?.ref) upd.set(target.ref, wdict);
    upd.set(existing.ref, field);
    ensureSigFlags(upd);
    return;
  }
  const name = place.fieldName ?? uniqueName(fields.map((f) => f.fullName));
  const count = pageCount(reader);
  if (count > 0 && place.pageIndex >= count) {
    throw new PadesError(
      'INVALID_ARGUMENT',
      `page ${place.pageIndex + 1} does not exist: the document has ${count} page${count === 1 ? '' : 's'}.`,
    );
  }
  const page = findPage(reader, place.pageIndex);
  const [x, y, w, h] = place.rect ?? [0, 0, 0, 0];
  if (place.stamps && place.stamps.length > 0) {
    placeWithStamps(upd, sigRef, { ...place, name, count });
    return;
  }
  const widget = PdfDict.of({
    Type: n('Annot'),
    Subtype: n('Widget'),
    FT: n('Sig'),
    T: PdfString.fromText(name),
    F: 132,
    Rect: [x, y, x + w, y + h],
    P: page.ref,
    V: sigRef,
    AP: PdfDict.of({ N: place.appearance(w, h) }),
  });
  const widgetRef = upd.add(widget);
  addToArray(upd, page.ref, page.dict, 'Annots', widgetRef);
  ensureSigFlags(upd, widgetRef);
}

/**
 * A signature field with several widgets (/Kids): the signature box, then one per filled-in
 * value. Validators treat the whole field as the signature's (widgets of a signature field).
 */
function placeWithStamps(
  upd: IncrementalUpdate,
  sigRef: PdfRef,
  place: FieldPlacement & { name: string; count: number },
): void {
  const fieldRef = upd.allocate();
  const [x, y, w, h] = place.rect ?? [0, 0, 0, 0];
  const boxes = [
    { pageIndex: place.pageIndex, rect: [x, y, w, h] as const, appearance: place.appearance(w, h) },
    ...(place.stamps ?? []),
  ];
  const kids: PdfRef[] = [];
  // Many widgets (a cross-page seal has one per page): walk the page tree once.
  const pages = boxes.length > 2 ? listPages(upd.reader) : undefined;
  for (const box of boxes) {
    if (place.count > 0 && box.pageIndex >= place.count)
      throw new PadesError('INVALID_ARGUMENT', `page ${box.pageIndex + 1} does not exist.`);
    const page = pages?.[box.pageIndex] ?? findPage(upd.reader, box.pageIndex);
    const [bx, by, bw, bh] = box.rect;
    const widget = upd.add(
      PdfDict.of({
        Type: n('Annot'),
        Subtype: n('Widget'),
        F: 132,
        Rect: [bx, by, bx + bw, by + bh],
        P: page.ref,
        Parent: fieldRef,
        FT: n('Sig'),
        V: sigRef,
        AP: PdfDict.of({ N: box.appearance }),
      }),
    );
    addToArray(upd, page.ref, page.dict, 'Annots', widget);
    kids.push(widget);
  }
  upd.set(fieldRef, PdfDict.of({ FT: n('Sig'), T: PdfString.fromText(place.name), V: sigRef, Kids: kids }));
  ensureSigFlags(upd, fieldRef);
}

function uniqueName(names: string[]): string {
  const taken = new Set(names);
  for (let i = 1; ; i += 1) if (!taken.has(`Signature${i}`)) return `Signature${i}`;
}

function rectOf(v: PdfObject | undefined): [number, number, number, number] {
  if (Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'number')) {
    return v as [number, number, number, number];
  }
  return [0, 0, 0, 0];
}

/** Appends `item` to `owner[key]`, rewriting the indirect array or the owner itself. */
function addToArray(
  upd: IncrementalUpdate,
  ownerRef: PdfRef,
  owner: PdfDict,
  key: string,
  item: PdfObject,
): void {
  const current = owner.get(key);
  if (current instanceof PdfRef) {
    const arr = upd.current(current);
    upd.set(current, [...(Array.isArray(arr) ? arr : []), item]);
    return;
  }
  const latest = upd.current(ownerRef);
  const base = latest instanceof PdfDict ? latest.clone() : owner.clone();
  const arr = base.get(key);
  base.set(key, [...(Array.isArray(arr) ? arr : []), item]);
  upd.set(ownerRef, base);
}

/** Makes sure the AcroForm exists, lists the new field and has SigFlags 3. */
function ensureSigFlags(upd: IncrementalUpdate, newField?: PdfRef): void {
  const reader = upd.reader;
  const rootRef = reader.rootRef;
  const catalog = upd.current(rootRef);
  if (!(catalog instanceof PdfDict))
    throw new PadesError('MALFORMED_PDF', 'The PDF has no document catalog.');
  const acroRef = catalog.get('AcroForm');
  const acro = acroRef instanceof PdfRef ? reader.dict(upd.current(acroRef) ?? null) : reader.dict(acroRef);
  const next = acro ? acro.clone() : PdfDict.of({ Fields: [] });
  next.set('SigFlags', 3);
  if (newField) {
    const fields = next.get('Fields');
    if (fields instanceof PdfRef) {
      const arr = upd.current(fields);
      upd.set(fields, [...(Array.isArray(arr) ? arr : []), newField]);
    } else next.set('Fields', [...(Array.isArray(fields) ? fields : []), newField]);
  }
  if (acroRef instanceof PdfRef) upd.set(acroRef, next);
  else upd.set(rootRef, catalog.clone().set('AcroForm', upd.add(next)));
}

/** Size of an existing signature field's widget, so its appearance can be built first. */
export function existingFieldSize(
  reader: IncrementalUpdate['reader'],
  name: string | undefined,
): [number, number] | undefined {
  if (!name) return undefined;
  const field = listFields(reader).find((f) => f.fullName === name);
  const widget = field?.widgets[0]?.dict;
  if (!widget) return undefined;
  const [x1, y1, x2, y2] = rectOf(reader.get(widget.get('Rect')) ?? null);
  return [Math.abs(x2 - x1), Math.abs(y2 - y1)];
}
