import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFImage, StandardFonts } from 'pdf-lib';
import type { IncrementalUpdate } from '../incremental-writer.js';
import { n, PdfDict, type PdfRef, PdfStream } from '../pdf-objects.js';
import { formatNumber } from '../pdf-serializer.js';
import { type ManifestationText, manifestationLines } from './appearance-text.js';
import { isRtlParagraph, visualOrder } from './bidi-runs.js';
import { type AppearanceFonts, loadDefaultFont, needsCjk } from './font-loader.js';
import { type EmbeddedFontName, nameEmbeddedFonts } from './font-naming.js';
import { PdfLibImporter } from './pdflib-import.js';

/** What a visible signature shows. */
export interface AppearanceContent extends ManifestationText {
  /** Drawn or uploaded signature image (PNG). */
  image?: Uint8Array;
  /** Typed signature, drawn in a handwriting-style font when no image is given. */
  typedName?: string;
  fonts?: AppearanceFonts;
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

/** A font picked per line, registered under a resource name. */
interface FontSlot {
  name: string;
  font: PDFFont;
  naming: EmbeddedFontName | undefined;
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
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit({ create: (buf: Uint8Array) => firstFace(buf) } as unknown as typeof fontkit);
  const slots = new Map<string, FontSlot>();
  const fontFor = async (kind: 'text' | 'cjk' | 'handwriting'): Promise<FontSlot> => {
    const existing = slots.get(kind);
    if (existing) return existing;
    const bytes = content.fonts?.[kind] ?? loadDefaultFont(kind);
    // pdf-lib's CFF subsetter writes fonts viewers reject: embed OpenType/CFF whole.
    const isCff = bytes !== undefined && Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'OTTO';
    const postscriptName = bytes ? postscriptNameOf(bytes) : undefined;
    const font = bytes
      ? await doc.embedFont(bytes, { subset: !isCff, customName: postscriptName })
      : await doc.embedFont(
          kind === 'handwriting' ? StandardFonts.TimesRomanItalic : StandardFonts.Helvetica,
        );
    const naming = postscriptName ? { ref: font.ref, postscriptName, subset: !isCff, cff: isCff } : undefined;
    const slot = { name: `F${slots.size}`, font, naming };
    slots.set(kind, slot);
    return slot;
  };
  const pad = Math.min(4, w / 20);
  const hasMark = content.image !== undefined || content.typedName !== undefined;
  const markH = hasMark ? h * 0.42 : 0;
  let ops = `q 0.25 0.3 0.55 RG 0.6 w 0.3 0.3 ${formatNumber(w - 0.6)} ${formatNumber(h - 0.6)} re S Q\n`;
  const xobjects = new PdfDict();
  let image: PDFImage | undefined;
  if (content.image) {
    image = await doc.embedPng(content.image);
    const scale = Math.min((w - 2 * pad) / image.width, (markH - pad) / image.height);
    const [iw, ih] = [image.width * scale, image.height * scale];
    ops += `q ${f(iw)} 0 0 ${f(ih)} ${f(pad)} ${f(h - pad - ih)} cm /Im0 Do Q\n`;
  } else if (content.typedName) {
    const script = needsCjk(content.typedName)
      ? 'cjk'
      : coversLatin(content.typedName)
        ? 'handwriting'
        : 'text';
    const slot = await fontFor(script);
    const size = fitSize(slot.font, content.typedName, w - 2 * pad, markH * 0.8);
    ops += textOps(slot, content.typedName, size, pad, h - pad - size * 0.95, w - 2 * pad);
  }
  const lines = manifestationLines(content);
  const lineH = Math.min(10, (h - markH - 2 * pad) / lines.length / 1.2);
  for (const [i, line] of lines.entries()) {
    const slot = await fontFor(needsCjk(line) ? 'cjk' : 'text');
    const size = fitSize(slot.font, line, w - 2 * pad, lineH);
    ops += textOps(
      slot,
      line,
      size,
      pad,
      h - markH - pad - (i + 1) * lineH * 1.2 + lineH * 0.25,
      w - 2 * pad,
    );
  }
  await doc.flush();
  nameEmbeddedFonts(
    doc.context,
    [...slots.values()].flatMap((slot) => (slot.naming ? [slot.naming] : [])),
  );
  const importer = new PdfLibImporter(doc.context, upd);
  if (image) xobjects.set('Im0', importer.ref(image.ref));
  const fonts = new PdfDict();
  for (const slot of slots.values()) fonts.set(slot.name, importer.ref(slot.font.ref));
  const resources = PdfDict.of({ Font: fonts, XObject: xobjects });
  const dict = PdfDict.of({
    Type: n('XObject'),
    Subtype: n('Form'),
    BBox: [0, 0, w, h],
    Resources: resources,
  });
  return upd.add(new PdfStream(dict, Buffer.from(ops, 'latin1')));
}

function f(v: number): string {
  return formatNumber(Math.round(v * 100) / 100);
}

function fitSize(font: PDFFont, text: string, width: number, height: number): number {
  const w1 = font.widthOfTextAtSize(text, 1) || 1;
  return Math.max(1, Math.min(height, width / w1));
}

/** One line in visual order (UAX #9 subset); right-to-left lines are right-aligned. */
function textOps(slot: FontSlot, line: string, size: number, x: number, y: number, width: number): string {
  const rtl = isRtlParagraph(line);
  const visual = visualOrder(line, rtl);
  const total = slot.font.widthOfTextAtSize(visual, size);
  const startX = rtl ? x + width - total : x;
  const shown = slot.font.encodeText(visual).toString();
  return `BT 0.1 0.1 0.3 rg /${slot.name} ${f(size)} Tf ${f(startX)} ${f(y)} Td ${shown} Tj ET\n`;
}

/** Handwriting fonts cover Latin only; other scripts use the text font in italics' place. */
function coversLatin(text: string): boolean {
  return [...text].every((ch) => ch.charCodeAt(0) <= 0x24f);
}

const psNames = new WeakMap<Uint8Array, string>();

/** The font's PostScript name (sanitized to a PDF name), read once per font buffer. */
function postscriptNameOf(bytes: Uint8Array): string {
  let name = psNames.get(bytes);
  if (name === undefined) {
    const face = firstFace(bytes) as { postscriptName?: string };
    name = (face.postscriptName ?? 'Font').replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '') || 'Font';
    psNames.set(bytes, name);
  }
  return name;
}

type Layout = (text: string, features?: unknown, script?: string, lang?: string, dir?: string) => unknown;

/**
 * fontkit returns a collection for .ttc files; pdf-lib needs a single face. Text arrives in
 * visual order (bidi-runs.ts), so fontkit must not reverse right-to-left scripts again.
 */
function firstFace(buf: Uint8Array): unknown {
  const font = fontkit.create(buf) as unknown as { fonts?: unknown[] };
  const face = (font.fonts && font.fonts.length > 0 ? font.fonts[0] : font) as { layout: Layout };
  const layout = face.layout.bind(face);
  face.layout = (text, features) => layout(text, features, undefined, undefined, 'ltr');
  return face;
}
