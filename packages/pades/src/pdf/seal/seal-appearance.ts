import { createHash } from 'node:crypto';
import type { PDFImage } from 'pdf-lib';
import { PadesError } from '../../errors.js';
import { fontRuns, newPen, type Pen, pdfNum } from '../appearance/appearance-pen.js';
import type { AppearanceFonts } from '../appearance/font-loader.js';
import { nameEmbeddedFonts } from '../appearance/font-naming.js';
import { ObjectBundle, PdfLibImporter } from '../appearance/pdflib-import.js';
import type { IncrementalUpdate } from '../incremental-writer.js';
import { n, PdfDict, type PdfRef, PdfStream } from '../pdf-objects.js';
import { type SealDesign, type SealPlan, type SealPrimitive, sealPlan } from './seal-plan.js';

/** What a seal signature shows: a generated drawing, or an uploaded (transparent) picture. */
export interface SealAppearanceContent {
  design?: SealDesign;
  /** PNG (with alpha) or JPEG, used when no design is given. */
  image?: Uint8Array;
  /**
   * Cross-page seal (骑缝章): this widget shows vertical slice `index` of `count`; the whole
   * seal is `count` times the widget's width.
   */
  slice?: { index: number; count: number };
}

/** The full seal drawing of one update, shared by all its slices (one XObject, N clips). */
const fullDrawings = new WeakMap<IncrementalUpdate, PdfRef>();

/** Appearance of a seal widget (whole seal, or one slice when `slice` is set). */
export async function buildSealAppearance(
  upd: IncrementalUpdate,
  w: number,
  h: number,
  seal: SealAppearanceContent,
  fonts?: AppearanceFonts,
  slice = seal.slice,
): Promise<PdfRef> {
  if (!slice) return drawSeal(upd, w, h, seal, fonts);
  const { index, count } = slice;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count)
    throw new PadesError('INVALID_ARGUMENT', `Seal slice ${index} of ${count} does not exist.`);
  let full = fullDrawings.get(upd);
  if (!full) {
    full = await drawSeal(upd, w * count, h, seal, fonts);
    fullDrawings.set(upd, full);
  }
  const ops = `q 0 0 ${pdfNum(w)} ${pdfNum(h)} re W n 1 0 0 1 ${pdfNum(-index * w)} 0 cm /Seal Do Q\n`;
  const dict = PdfDict.of({
    Type: n('XObject'),
    Subtype: n('Form'),
    BBox: [0, 0, w, h],
    Resources: PdfDict.of({ XObject: PdfDict.of({ Seal: full }) }),
  });
  return upd.add(new PdfStream(dict, Buffer.from(ops, 'latin1')));
}

async function drawSeal(
  upd: IncrementalUpdate,
  w: number,
  h: number,
  seal: SealAppearanceContent,
  fonts: AppearanceFonts | undefined,
): Promise<PdfRef> {
  const { bundle, xobject } = await drawing(w, h, seal, fonts);
  return bundle.into(upd)(xobject);
}

/** The drawing's form XObject and everything it uses, converted from pdf-lib once. */
function bundleOf(pen: Pen, w: number, h: number, ops: string, image: PDFImage | undefined) {
  const bundle = new ObjectBundle();
  const importer = new PdfLibImporter(pen.doc.context, bundle);
  const fontDict = new PdfDict();
  for (const slot of pen.slots.values()) fontDict.set(slot.name, importer.ref(slot.font.ref));
  const xobjects = new PdfDict();
  if (image) xobjects.set('Im0', importer.ref(image.ref));
  const dict = PdfDict.of({
    Type: n('XObject'),
    Subtype: n('Form'),
    BBox: [0, 0, w, h],
    Resources: PdfDict.of({ Font: fontDict, XObject: xobjects }),
  });
  const xobject = bundle.allocate();
  bundle.set(xobject, new PdfStream(dict, Buffer.from(ops, 'latin1')));
  return { bundle: bundle.seal(), xobject };
}

interface Drawing {
  bundle: ObjectBundle;
  /** The form XObject in `bundle`. */
  xobject: PdfRef;
}

/**
 * Drawings by design (or image hash) and size: the seal's form XObject with its CJK subset
 * font is built and converted once per seal design, and each signature's update only gets
 * fresh object numbers for it (`ObjectBundle.into`), instead of subsetting the font and
 * converting pdf-lib objects for every use. A seal version changes its design or image, so
 * it gets its own entry. Bounded.
 */
const drawings = new Map<string, Promise<Drawing>>();
const MAX_DRAWINGS = 64;

function drawing(
  w: number,
  h: number,
  seal: SealAppearanceContent,
  fonts: AppearanceFonts | undefined,
): Promise<Drawing> {
  const what = seal.design
    ? JSON.stringify(seal.design)
    : seal.image
      ? createHash('sha256').update(seal.image).digest('base64')
      : '';
  // Caller-supplied fonts are not part of the key: those drawings are not shared.
  const key = fonts ? undefined : `${what}|${w}|${h}`;
  const cached = key === undefined ? undefined : drawings.get(key);
  if (cached) return cached;
  const made = makeDrawing(w, h, seal, fonts);
  if (key !== undefined) {
    if (drawings.size >= MAX_DRAWINGS) drawings.delete(drawings.keys().next().value as string);
    drawings.set(key, made);
    made.catch(() => drawings.delete(key));
  }
  return made;
}

async function makeDrawing(
  w: number,
  h: number,
  seal: SealAppearanceContent,
  fonts: AppearanceFonts | undefined,
): Promise<Drawing> {
  const pen = await newPen(fonts);
  let ops = '';
  let image: PDFImage | undefined;
  if (seal.design) {
    ops = await sealOps(pen, sealPlan(seal.design, w, h));
  } else if (seal.image) {
    const isJpeg = seal.image[0] === 0xff && seal.image[1] === 0xd8;
    image = isJpeg ? await pen.doc.embedJpg(seal.image) : await pen.doc.embedPng(seal.image);
    const scale = Math.min(w / image.width, h / image.height);
    const [iw, ih] = [image.width * scale, image.height * scale];
    ops = `q ${pdfNum(iw)} 0 0 ${pdfNum(ih)} ${pdfNum((w - iw) / 2)} ${pdfNum((h - ih) / 2)} cm /Im0 Do Q\n`;
  } else throw new PadesError('INVALID_ARGUMENT', 'A seal appearance needs a design or an image.');
  await pen.doc.flush();
  nameEmbeddedFonts(
    pen.doc.context,
    [...pen.slots.values()].flatMap((slot) => (slot.naming ? [slot.naming] : [])),
  );
  return bundleOf(pen, w, h, ops, image);
}

/** Bézier constant for quarter ellipses. */
const K = 0.5522847498;

/** The plan as content-stream operators: strokes and fills in the seal colour, glyphs as text. */
export async function sealOps(pen: Pen, plan: SealPlan): Promise<string> {
  const c = plan.color.map(pdfNum).join(' ');
  let ops = `q ${c} RG ${c} rg\n`;
  for (const item of plan.items) ops += await primitiveOps(pen, item);
  return `${ops}Q\n`;
}

async function primitiveOps(pen: Pen, p: SealPrimitive): Promise<string> {
  switch (p.kind) {
    case 'ellipse': {
      const { cx, cy, rx, ry } = p;
      const [kx, ky] = [rx * K, ry * K];
      const pts = [
        `${pdfNum(cx + rx)} ${pdfNum(cy)} m`,
        `${pdfNum(cx + rx)} ${pdfNum(cy + ky)} ${pdfNum(cx + kx)} ${pdfNum(cy + ry)} ${pdfNum(cx)} ${pdfNum(cy + ry)} c`,
        `${pdfNum(cx - kx)} ${pdfNum(cy + ry)} ${pdfNum(cx - rx)} ${pdfNum(cy + ky)} ${pdfNum(cx - rx)} ${pdfNum(cy)} c`,
        `${pdfNum(cx - rx)} ${pdfNum(cy - ky)} ${pdfNum(cx - kx)} ${pdfNum(cy - ry)} ${pdfNum(cx)} ${pdfNum(cy - ry)} c`,
        `${pdfNum(cx + kx)} ${pdfNum(cy - ry)} ${pdfNum(cx + rx)} ${pdfNum(cy - ky)} ${pdfNum(cx + rx)} ${pdfNum(cy)} c`,
      ];
      return `${pdfNum(p.line)} w ${pts.join(' ')} S\n`;
    }
    case 'rect':
      return `${pdfNum(p.line)} w ${pdfNum(p.x)} ${pdfNum(p.y)} ${pdfNum(p.w)} ${pdfNum(p.h)} re S\n`;
    case 'polygon': {
      const [first, ...rest] = p.points;
      if (!first) return '';
      const path = rest.map(([x, y]) => `${pdfNum(x)} ${pdfNum(y)} l`).join(' ');
      return `${pdfNum(first[0])} ${pdfNum(first[1])} m ${path} h f\n`;
    }
    case 'glyph': {
      const [run] = await fontRuns(p.char, ['text'], pen.fontFor);
      if (!run) return '';
      const half = run.slot.font.widthOfTextAtSize(run.text, p.size) / 2;
      const a = (p.rotation * Math.PI) / 180;
      const [cos, sin] = [Math.cos(a), Math.sin(a)];
      const [x, y] = [p.x - half * cos, p.y - half * sin];
      const shown = run.slot.font.encodeText(run.text).toString();
      return `BT /${run.slot.name} ${pdfNum(p.size)} Tf ${cos.toFixed(4)} ${sin.toFixed(4)} ${(-sin).toFixed(4)} ${cos.toFixed(4)} ${pdfNum(x)} ${pdfNum(y)} Tm ${shown} Tj ET\n`;
    }
  }
}
