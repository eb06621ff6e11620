import type { FieldStamp } from '@signx/pades';
import { PDFDocument } from 'pdf-lib';
import type { FilledField } from './field-values.js';
import type { SignatureMark } from './signature-input.js';

/** A page-percent box (origin top-left), as fields and the free placement carry it. */
export interface PercentBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where this signer's signature goes on one document and what else it shows. */
export interface DocumentPlacement {
  page: number;
  rect: [number, number, number, number];
  stamps: FieldStamp[];
}

type Box = { x: number; y: number; width: number; height: number };

/** Page-percent (top-left origin) to PDF points (lower-left origin) on the page's crop box. */
function toPoints(box: PercentBox, crop: Box): [number, number, number, number] {
  const w = (box.width / 100) * crop.width;
  const h = (box.height / 100) * crop.height;
  const x = crop.x + (box.x / 100) * crop.width;
  const y = crop.y + crop.height - (box.y / 100) * crop.height - h;
  return [round(x), round(y), round(w), round(h)];
}
const round = (v: number) => Math.round(v * 100) / 100;

function stampOf(f: FilledField, mark: SignatureMark, rect: FieldStamp['rect']): FieldStamp | undefined {
  const { field } = f;
  if (field.field_type === 'signature' || field.field_type === 'initials') {
    if (f.image) return { page: field.page, rect, image: f.image };
    return mark.image
      ? { page: field.page, rect, image: mark.image }
      : { page: field.page, rect, typedName: mark.typedName };
  }
  if (f.value === null || f.value === '') return undefined;
  if (field.field_type === 'checkbox') return { page: field.page, rect, checked: f.value === 'true' };
  return { page: field.page, rect, text: f.value };
}

/**
 * The signature box and the stamps of one document, in points: the signer's first signature
 * field there carries the signature itself (else the signer's free placement, else the
 * default box), every other filled field becomes a stamp. Undefined: nothing placed here.
 */
export async function placementFor(
  pdf: Uint8Array,
  fields: readonly FilledField[],
  mark: SignatureMark,
  free: PercentBox | undefined,
): Promise<DocumentPlacement | undefined> {
  if (fields.length === 0 && !free) return undefined;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const crop = (page: number) => doc.getPage(page - 1).getCropBox();
  const signature = fields.find((f) => f.field.field_type === 'signature');
  const main = signature ? signature.field : free;
  const stamps: FieldStamp[] = [];
  for (const f of fields) {
    if (f === signature) continue;
    const stamp = stampOf(f, mark, toPoints(f.field, crop(f.field.page)));
    if (stamp) stamps.push(stamp);
  }
  if (!main) return { page: 0, rect: [0, 0, 0, 0], stamps };
  return { page: main.page, rect: toPoints(main, crop(main.page)), stamps };
}
