import { type PdfDict, type PdfObject, PdfRef, PdfString } from './pdf-objects.js';
import type { PdfReader } from './pdf-reader.js';

/** One terminal form field with the attributes it inherits from its parents. */
export interface FormField {
  ref: PdfRef | undefined;
  dict: PdfDict;
  fullName: string;
  type: string | undefined;
  /** Widgets of the field: the field itself when merged, else its /Kids. */
  widgets: { ref: PdfRef | undefined; dict: PdfDict }[];
}

const MAX_FIELDS = 100_000;

/** Lists the terminal fields of the AcroForm, walking /Kids with a loop guard. */
export function listFields(reader: PdfReader): FormField[] {
  const acro = reader.dict(reader.catalog().get('AcroForm'));
  const fields = acro ? reader.get(acro.get('Fields')) : undefined;
  const out: FormField[] = [];
  if (!Array.isArray(fields)) return out;
  const seen = new Set<number>();
  const walk = (items: PdfObject[], prefix: string, ft: string | undefined, depth: number): void => {
    for (const item of items) {
      if (out.length >= MAX_FIELDS || depth > 32) return;
      if (item instanceof PdfRef) {
        if (seen.has(item.num)) continue;
        seen.add(item.num);
      }
      const dict = reader.dict(item);
      if (!dict) continue;
      const part = fieldName(dict);
      const name = part === undefined ? prefix : prefix ? `${prefix}.${part}` : part;
      const type = dict.name('FT') ?? ft;
      const kids = reader.get(dict.get('Kids'));
      const kidDicts = Array.isArray(kids) ? kids.map((k) => ({ ref: refOf(k), dict: reader.dict(k) })) : [];
      const fieldKids = kidDicts.filter((k) => k.dict?.has('T'));
      if (fieldKids.length > 0 && Array.isArray(kids)) walk(kids, name, type, depth + 1);
      else {
        const widgets = kidDicts.length > 0 ? kidDicts : [{ ref: refOf(item), dict }];
        out.push({ ref: refOf(item), dict, fullName: name, type, widgets: widgets.filter(hasDict) });
      }
    }
  };
  walk(fields, '', undefined, 0);
  return out;
}

function hasDict(w: {
  ref: PdfRef | undefined;
  dict: PdfDict | undefined;
}): w is { ref: PdfRef | undefined; dict: PdfDict } {
  return w.dict !== undefined;
}

function fieldName(dict: PdfDict): string | undefined {
  const t = dict.get('T');
  return t instanceof PdfString ? t.text : undefined;
}

function refOf(v: PdfObject): PdfRef | undefined {
  return v instanceof PdfRef ? v : undefined;
}

/** Signature fields that carry a value, in no particular order. */
export function signedFields(
  reader: PdfReader,
): { field: FormField; sig: PdfDict; sigRef: PdfRef | undefined }[] {
  const out: { field: FormField; sig: PdfDict; sigRef: PdfRef | undefined }[] = [];
  for (const f of listFields(reader)) {
    if (f.type !== 'Sig') continue;
    const v = f.dict.get('V');
    const sig = reader.dict(v);
    if (sig) out.push({ field: f, sig, sigRef: v instanceof PdfRef ? v : undefined });
  }
  return out;
}
