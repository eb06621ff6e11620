import type { PDFImage } from 'pdf-lib';
import type { IncrementalUpdate } from '../incremental-writer.js';
import { n, PdfDict, type PdfRef, PdfStream } from '../pdf-objects.js';
import { formatNumber } from '../pdf-serializer.js';
import {
  coversLatin,
  deflateOnce,
  type FontKind,
  fitSize,
  fontRuns,
  newPen,
  type Pen,
  pdfNum,
  textOps,
} from './appearance-pen.js';
import { type ManifestationText, manifestationLines } from './appearance-text.js';
import type { AppearanceFonts } from './font-loader.js';
import { nameEmbeddedFonts } from './font-naming.js';
import { PdfLibImporter } from './pdflib-import.js';
import { type PngMark, pngMark } from './png-image.js';

/** The mark's image: decoded natively (png-image.ts) or, for JPEG and unusual PNGs, by pdf-lib. */
interface MarkImage {
  width: number;
  height: number;
  pdfLib?: PDFImage;
  native?: PngMark;
}

async function embedMark(pen: Pen, bytes: Uint8Array): Promise<MarkImage> {
  // JPEG (uploaded photos of a signature) embeds as DCT; everything else must be PNG.
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  const native = isJpeg ? undefined : pngMark(bytes, deflateOnce);
  if (native) return { width: native.width, height: native.height, native };
  const image = isJpeg ? await pen.doc.embedJpg(bytes) : await pen.doc.embedPng(bytes);
  return { width: image.width, height: image.height, pdfLib: image };
}

/** The native mark as an image XObject in the update, with its soft mask when it has alpha. */
function addMark(upd: IncrementalUpdate, mark: PngMark): PdfRef {
  const image = (colorSpace: string, data: Uint8Array, extra: Record<string, PdfRef> = {}) =>
    upd.add(
      new PdfStream(
        PdfDict.of({
          Type: n('XObject'),
          Subtype: n('Image'),
          Width: mark.width,
          Height: mark.height,
          ColorSpace: n(colorSpace),
          BitsPerComponent: 8,
          Filter: n('FlateDecode'),
          ...extra,
        }),
        data,
      ),
    );
  const smask = mark.alpha ? image('DeviceGray', mark.alpha) : undefined;
  return image('DeviceRGB', mark.color, smask ? { SMask: smask } : {});
}

/** What a visible signature shows. */
export interface AppearanceContent extends ManifestationText {
  /** Drawn or uploaded signature image (PNG or JPEG, by content). */
  image?: Uint8Array;
  /** Typed signature, drawn in a handwriting-style font when no image is given. */
  typedName?: string;
  fonts?: AppearanceFonts;
  /** A drawing (form XObject, full width × `height`) shown at the top instead of a mark, unframed: a seal above its caption. */
  inner?: { ref: PdfRef; height: number };
}

/** An empty form XObject: invisible signatures still need /AP for PDF/A. */
export function blankAppearance(upd: IncrementalUpdate, w: number, h: number): PdfRef {
  const dict = PdfDict.of({
    Type: n('XObject'),
    Subtype: n('Form'),
    BBox: [0, 0, w, h],
    Resources: new PdfDict(),
  });
  return upd.add(new PdfStream(dict, new Uint8Array(0)));
}

/**
 * Builds the visible appearance: signature image (or typed name), then the printed name,
 * meaning, reason and time. Fonts are embedded as subsets through pdf-lib, then copied into
 * the incremental update.
 */
export async function buildAppearance(
  upd: IncrementalUpdate,
  w: number,
  h: number,
  content: AppearanceContent,
): Promise<PdfRef> {
  const pen = await newPen(content.fonts);
  const { fontFor } = pen;
  const pad = Math.min(4, w / 20);
  const hasMark = content.image !== undefined || content.typedName !== undefined;
  const markH = content.inner ? content.inner.height : hasMark ? h * 0.42 : 0;
  let ops = content.inner
    ? `q 1 0 0 1 0 ${pdfNum(h - content.inner.height)} cm /Inner Do Q\n`
    : `q 0.25 0.3 0.55 RG 0.6 w 0.3 0.3 ${formatNumber(w - 0.6)} ${formatNumber(h - 0.6)} re S Q\n`;
  let image: MarkImage | undefined;
  if (content.inner) {
    // The drawing is the mark.
  } else if (content.image) {
    image = await embedMark(pen, content.image);
    const scale = Math.min((w - 2 * pad) / image.width, (markH - pad) / image.height);
    const [iw, ih] = [image.width * scale, image.height * scale];
    ops += `q ${pdfNum(iw)} 0 0 ${pdfNum(ih)} ${pdfNum(pad)} ${pdfNum(h - pad - ih)} cm /Im0 Do Q\n`;
  } else if (content.typedName) {
    const prefer: FontKind[] = coversLatin(content.typedName) ? ['handwriting', 'text'] : ['text'];
    const runs = await fontRuns(content.typedName, prefer, fontFor);
    const size = fitSize(runs, w - 2 * pad, markH * 0.8);
    ops += textOps(runs, content.typedName, size, pad, h - pad - size * 0.95, w - 2 * pad);
  }
  const lines = manifestationLines(content);
  const lineH = Math.min(10, (h - markH - 2 * pad) / Math.max(1, lines.length) / 1.2);
  for (const [i, line] of lines.entries()) {
    const runs = await fontRuns(line, ['text'], fontFor);
    const size = fitSize(runs, w - 2 * pad, lineH);
    ops += textOps(
      runs,
      line,
      size,
      pad,
      h - markH - pad - (i + 1) * lineH * 1.2 + lineH * 0.25,
      w - 2 * pad,
    );
  }
  return finish(upd, pen, w, h, ops, image, content.inner?.ref);
}

/** What a filled-in field shows: a value (one line), a tick, or a picture (initials). */
export interface StampContent {
  text?: string;
  checked?: boolean;
  image?: Uint8Array;
  typedName?: string;
  fonts?: AppearanceFonts;
}

/**
 * The appearance of one filled-in field (a further widget of the signer's signature field,
 * so the values are part of what that signature shows): no frame, the value fitted to the box.
 */
export async function buildStampAppearance(
  upd: IncrementalUpdate,
  w: number,
  h: number,
  content: StampContent,
): Promise<PdfRef> {
  const pen = await newPen(content.fonts);
  const pad = Math.min(2, w / 20, h / 10);
  let ops = '';
  let image: MarkImage | undefined;
  if (content.image) {
    image = await embedMark(pen, content.image);
    const scale = Math.min((w - 2 * pad) / image.width, (h - 2 * pad) / image.height);
    const [iw, ih] = [image.width * scale, image.height * scale];
    ops += `q ${pdfNum(iw)} 0 0 ${pdfNum(ih)} ${pdfNum(pad)} ${pdfNum((h - ih) / 2)} cm /Im0 Do Q\n`;
  } else if (content.checked !== undefined) {
    const s = Math.min(w, h) - 2 * pad;
    ops += `q 0.1 0.1 0.3 RG 0.8 w ${pdfNum(pad)} ${pdfNum(pad)} ${pdfNum(s)} ${pdfNum(s)} re S Q\n`;
    if (content.checked)
      ops += `q 0.1 0.1 0.3 RG ${pdfNum(Math.max(1, s / 8))} w ${pdfNum(pad + s * 0.2)} ${pdfNum(pad + s * 0.5)} m ${pdfNum(pad + s * 0.42)} ${pdfNum(pad + s * 0.22)} l ${pdfNum(pad + s * 0.82)} ${pdfNum(pad + s * 0.8)} l S Q\n`;
  } else {
    const line = content.typedName ?? content.text ?? '';
    if (line !== '') {
      const prefer: FontKind[] = content.typedName && coversLatin(line) ? ['handwriting', 'text'] : ['text'];
      const runs = await fontRuns(line, prefer, pen.fontFor);
      const size = fitSize(runs, w - 2 * pad, Math.min(h - 2 * pad, 14));
      ops += textOps(runs, line, size, pad, (h - size * 0.7) / 2, w - 2 * pad);
    }
  }
  return finish(upd, pen, w, h, ops, image);
}

/** Copies the fonts and the image into the update and adds the form XObject. */
async function finish(
  upd: IncrementalUpdate,
  pen: Pen,
  w: number,
  h: number,
  ops: string,
  image: MarkImage | undefined,
  inner?: PdfRef,
): Promise<PdfRef> {
  await pen.doc.flush();
  nameEmbeddedFonts(
    pen.doc.context,
    [...pen.slots.values()].flatMap((slot) => (slot.naming ? [slot.naming] : [])),
  );
  const importer = new PdfLibImporter(pen.doc.context, upd);
  const xobjects = new PdfDict();
  if (image?.pdfLib) xobjects.set('Im0', importer.ref(image.pdfLib.ref));
  else if (image?.native) xobjects.set('Im0', addMark(upd, image.native));
  if (inner) xobjects.set('Inner', inner);
  const fontDict = new PdfDict();
  for (const slot of pen.slots.values()) fontDict.set(slot.name, importer.ref(slot.font.ref));
  const dict = PdfDict.of({
    Type: n('XObject'),
    Subtype: n('Form'),
    BBox: [0, 0, w, h],
    Resources: PdfDict.of({ Font: fontDict, XObject: xobjects }),
  });
  return upd.add(new PdfStream(dict, Buffer.from(ops, 'latin1')));
}
