import { deflateSync } from 'node:zlib';
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
  /** Drawn or uploaded signature image (PNG or JPEG, by content). */
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

type FontKind = 'text' | 'cjk' | 'handwriting';

/** An embedded font, registered under a resource name. */
interface FontSlot {
  name: string;
  font: PDFFont;
  naming: EmbeddedFontName | undefined;
  /** The fontkit face, to ask which characters it has; undefined for a standard font. */
  face: GlyphFace | undefined;
}

interface GlyphFace {
  hasGlyphForCodePoint(cp: number): boolean;
}

/** A stretch of a line drawn with one font. */
interface Run {
  slot: FontSlot;
  text: string;
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
  const { doc, fontFor } = pen;
  const pad = Math.min(4, w / 20);
  const hasMark = content.image !== undefined || content.typedName !== undefined;
  const markH = hasMark ? h * 0.42 : 0;
  let ops = `q 0.25 0.3 0.55 RG 0.6 w 0.3 0.3 ${formatNumber(w - 0.6)} ${formatNumber(h - 0.6)} re S Q\n`;
  let image: PDFImage | undefined;
  if (content.image) {
    // JPEG (uploaded photos of a signature) embeds as DCT; everything else must be PNG.
    const isJpeg = content.image[0] === 0xff && content.image[1] === 0xd8;
    image = isJpeg ? await doc.embedJpg(content.image) : await doc.embedPng(content.image);
    const scale = Math.min((w - 2 * pad) / image.width, (markH - pad) / image.height);
    const [iw, ih] = [image.width * scale, image.height * scale];
    ops += `q ${f(iw)} 0 0 ${f(ih)} ${f(pad)} ${f(h - pad - ih)} cm /Im0 Do Q\n`;
  } else if (content.typedName) {
    const prefer: FontKind[] = coversLatin(content.typedName) ? ['handwriting', 'text'] : ['text'];
    const runs = await fontRuns(content.typedName, prefer, fontFor);
    const size = fitSize(runs, w - 2 * pad, markH * 0.8);
    ops += textOps(runs, content.typedName, size, pad, h - pad - size * 0.95, w - 2 * pad);
  }
  const lines = manifestationLines(content);
  const lineH = Math.min(10, (h - markH - 2 * pad) / lines.length / 1.2);
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
  return finish(upd, pen, w, h, ops, image);
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
  let image: PDFImage | undefined;
  if (content.image) {
    image = await pen.doc.embedPng(content.image);
    const scale = Math.min((w - 2 * pad) / image.width, (h - 2 * pad) / image.height);
    const [iw, ih] = [image.width * scale, image.height * scale];
    ops += `q ${f(iw)} 0 0 ${f(ih)} ${f(pad)} ${f((h - ih) / 2)} cm /Im0 Do Q\n`;
  } else if (content.checked !== undefined) {
    const s = Math.min(w, h) - 2 * pad;
    ops += `q 0.1 0.1 0.3 RG 0.8 w ${f(pad)} ${f(pad)} ${f(s)} ${f(s)} re S Q\n`;
    if (content.checked)
      ops += `q 0.1 0.1 0.3 RG ${f(Math.max(1, s / 8))} w ${f(pad + s * 0.2)} ${f(pad + s * 0.5)} m ${f(pad + s * 0.42)} ${f(pad + s * 0.22)} l ${f(pad + s * 0.82)} ${f(pad + s * 0.8)} l S Q\n`;
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

/** A pdf-lib scratch document with the fonts embedded on demand (copied into the update at the end). */
interface Pen {
  doc: PDFDocument;
  slots: Map<string, FontSlot>;
  fontFor: (kind: FontKind) => Promise<FontSlot>;
}

async function newPen(fonts: AppearanceFonts | undefined): Promise<Pen> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  nativeDeflate(doc);
  let lastFace: GlyphFace | undefined;
  const create = (buf: Uint8Array) => {
    const face = firstFace(buf);
    lastFace = face as GlyphFace;
    return face;
  };
  doc.registerFontkit({ create } as unknown as typeof fontkit);
  const slots = new Map<string, FontSlot>();
  const fontFor = async (kind: FontKind): Promise<FontSlot> => {
    const existing = slots.get(kind);
    if (existing) return existing;
    const bytes = fonts?.[kind] ?? loadDefaultFont(kind);
    // pdf-lib's CFF subsetter writes fonts viewers reject: embed OpenType/CFF whole.
    const isCff = bytes !== undefined && Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'OTTO';
    const postscriptName = bytes ? postscriptNameOf(bytes) : undefined;
    lastFace = undefined;
    const font = bytes
      ? await doc.embedFont(bytes, { subset: !isCff, customName: postscriptName })
      : await doc.embedFont(
          kind === 'handwriting' ? StandardFonts.TimesRomanItalic : StandardFonts.Helvetica,
        );
    const naming = postscriptName ? { ref: font.ref, postscriptName, subset: !isCff, cff: isCff } : undefined;
    const slot = { name: `F${slots.size}`, font, naming, face: bytes ? lastFace : undefined };
    slots.set(kind, slot);
    return slot;
  };
  return { doc, slots, fontFor };
}

/** Copies the fonts and the image into the update and adds the form XObject. */
async function finish(
  upd: IncrementalUpdate,
  pen: Pen,
  w: number,
  h: number,
  ops: string,
  image: PDFImage | undefined,
): Promise<PdfRef> {
  await pen.doc.flush();
  nameEmbeddedFonts(
    pen.doc.context,
    [...pen.slots.values()].flatMap((slot) => (slot.naming ? [slot.naming] : [])),
  );
  const importer = new PdfLibImporter(pen.doc.context, upd);
  const xobjects = new PdfDict();
  if (image) xobjects.set('Im0', importer.ref(image.ref));
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

/**
 * pdf-lib compresses the font subset, its ToUnicode map and the mark's pixels with pako (zlib
 * in JavaScript), about a third of a visible signature's CPU time; Node's zlib writes the same
 * FlateDecode streams natively.
 */
function nativeDeflate(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), {
      ...dict,
      Filter: 'FlateDecode',
    });
}

function f(v: number): string {
  return formatNumber(Math.round(v * 100) / 100);
}

/**
 * Splits a line (in visual order) into runs of one font each: every character goes to the
 * first font that has a glyph for it — the preferred fonts, with the CJK font first for Chinese,
 * Japanese and Korean characters — so Chinese and Hebrew (or Latin) in one line are both drawn.
 * Spaces, digits and punctuation stay in the current run's font when it has them.
 */
async function fontRuns(
  line: string,
  prefer: readonly FontKind[],
  fontFor: (kind: FontKind) => Promise<FontSlot>,
): Promise<Run[]> {
  const rtl = isRtlParagraph(line);
  const visual = visualOrder(line, rtl);
  const runs: Run[] = [];
  let current: FontSlot | undefined;
  for (const ch of visual) {
    const cp = ch.codePointAt(0)!;
    let slot: FontSlot | undefined;
    if (current && isNeutral(cp) && covers(current, cp)) slot = current;
    else {
      const order: FontKind[] = needsCjk(ch) ? ['cjk', ...prefer] : [...prefer, 'cjk'];
      for (const kind of new Set(order)) {
        const candidate = await fontFor(kind);
        if (covers(candidate, cp)) {
          slot = candidate;
          break;
        }
      }
      slot ??= await fontFor(order[0]!);
    }
    const last = runs[runs.length - 1];
    if (last && last.slot === slot) last.text += ch;
    else runs.push({ slot, text: ch });
    current = slot;
  }
  return runs;
}

function covers(slot: FontSlot, cp: number): boolean {
  if (slot.face) return slot.face.hasGlyphForCodePoint(cp);
  return cp < 0x100;
}

/** Characters without a script of their own: spaces, digits, punctuation, symbols. */
function isNeutral(cp: number): boolean {
  return !/\p{L}|\p{M}/u.test(String.fromCodePoint(cp));
}

function fitSize(runs: readonly Run[], width: number, height: number): number {
  const w1 = runs.reduce((sum, r) => sum + r.slot.font.widthOfTextAtSize(r.text, 1), 0) || 1;
  return Math.max(1, Math.min(height, width / w1));
}

/** One line, already split into font runs in visual order (UAX #9 subset); right-to-left lines are right-aligned. */
function textOps(
  runs: readonly Run[],
  line: string,
  size: number,
  x: number,
  y: number,
  width: number,
): string {
  const rtl = isRtlParagraph(line);
  const total = runs.reduce((sum, r) => sum + r.slot.font.widthOfTextAtSize(r.text, size), 0);
  const startX = rtl ? x + width - total : x;
  const shown = runs.map(
    (r) => `/${r.slot.name} ${f(size)} Tf ${r.slot.font.encodeText(r.text).toString()} Tj`,
  );
  return `BT 0.1 0.1 0.3 rg ${f(startX)} ${f(y)} Td ${shown.join(' ')} ET\n`;
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
  const known = faces.get(buf);
  if (known) return known;
  const font = fontkit.create(buf) as unknown as { fonts?: unknown[] };
  const face = (font.fonts && font.fonts.length > 0 ? font.fonts[0] : font) as { layout: Layout };
  const layout = face.layout.bind(face);
  face.layout = (text, features) => layout(text, features, undefined, undefined, 'ltr');
  faces.set(buf, face);
  return face;
}

/**
 * Parsed faces by font bytes (the default fonts are read once per process, so the same
 * buffer comes back). fontkit parses tables lazily and keeps them on the face; a new face per
 * appearance re-parsed DejaVu Sans's layout tables for every signature, most of the time of a
 * visible signature (issue 15 profile). A face is only read after parsing; each document's
 * subset is made from it separately by pdf-lib.
 */
const faces = new WeakMap<Uint8Array, unknown>();
