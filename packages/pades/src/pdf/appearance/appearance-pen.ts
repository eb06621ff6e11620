import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { formatNumber } from '../pdf-serializer.js';
import { isRtlParagraph, visualOrder } from './bidi-runs.js';
import { firstFace, postscriptNameOf } from './font-faces.js';
import { type AppearanceFonts, loadDefaultFont, needsCjk } from './font-loader.js';
import type { EmbeddedFontName } from './font-naming.js';

// The text side of a visible appearance: fonts embedded on demand into a pdf-lib scratch
// document (the pen), lines split into runs of one font each, fitted and written as PDF text
// operators. appearance-builder.ts lays out the mark, the lines and the stamps with it.

export type FontKind = 'text' | 'cjk' | 'handwriting';

/** An embedded font, registered under a resource name. */
export interface FontSlot {
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
export interface Run {
  slot: FontSlot;
  text: string;
}

/** A pdf-lib scratch document with the fonts embedded on demand (copied into the update at the end). */
export interface Pen {
  doc: PDFDocument;
  slots: Map<string, FontSlot>;
  fontFor: (kind: FontKind) => Promise<FontSlot>;
}

export async function newPen(fonts: AppearanceFonts | undefined): Promise<Pen> {
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
    // The printable ASCII glyphs first, in a fixed order: every Latin appearance then embeds
    // the same subset program, which is encoded and compressed once per process (see
    // firstFace), instead of one subset per signature ordered by the name and time shown.
    if (bytes && !isCff && kind !== 'cjk') font.encodeText(PRINTABLE_ASCII);
    const naming = postscriptName ? { ref: font.ref, postscriptName, subset: !isCff, cff: isCff } : undefined;
    const slot = { name: `F${slots.size}`, font, naming, face: bytes ? lastFace : undefined };
    slots.set(kind, slot);
    return slot;
  };
  return { doc, slots, fontFor };
}

/**
 * pdf-lib compresses the font subset, its ToUnicode map and the mark's pixels with pako (zlib
 * in JavaScript), about a third of a visible signature's CPU time; Node's zlib writes the same
 * FlateDecode streams natively.
 */
function nativeDeflate(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateOnce(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), {
      ...dict,
      Filter: 'FlateDecode',
    });
}

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/**
 * Deflated streams by content: the same subset program, ToUnicode map and mark pixels recur
 * (every Latin appearance shares its font subset, a mark is drawn on each document of a
 * request), and zlib costs more than hashing. Bounded; small streams are just compressed.
 */
const deflated = new Map<string, Buffer>();
const MAX_DEFLATED = 256;
export function deflateOnce(bytes: Uint8Array): Buffer {
  if (bytes.length < 512 || bytes.length > 1 << 20) return deflateSync(bytes);
  const key = createHash('sha256').update(bytes).digest('base64');
  let out = deflated.get(key);
  if (out === undefined) {
    out = deflateSync(bytes);
    if (deflated.size >= MAX_DEFLATED) deflated.delete(deflated.keys().next().value as string);
    deflated.set(key, out);
  }
  return out;
}

/** A coordinate or size for a content stream, rounded to two decimals. */
export function pdfNum(v: number): string {
  return formatNumber(Math.round(v * 100) / 100);
}

/**
 * Splits a line (in visual order) into runs of one font each: every character goes to the
 * first font that has a glyph for it — the preferred fonts, with the CJK font first for Chinese,
 * Japanese and Korean characters — so Chinese and Hebrew (or Latin) in one line are both drawn.
 * Spaces, digits and punctuation stay in the current run's font when it has them.
 */
export async function fontRuns(
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

export function fitSize(runs: readonly Run[], width: number, height: number): number {
  const w1 = runs.reduce((sum, r) => sum + r.slot.font.widthOfTextAtSize(r.text, 1), 0) || 1;
  return Math.max(1, Math.min(height, width / w1));
}

/** One line, already split into font runs in visual order (UAX #9 subset); right-to-left lines are right-aligned. */
export function textOps(
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
    (r) => `/${r.slot.name} ${pdfNum(size)} Tf ${r.slot.font.encodeText(r.text).toString()} Tj`,
  );
  return `BT 0.1 0.1 0.3 rg ${pdfNum(startX)} ${pdfNum(y)} Td ${shown.join(' ')} ET\n`;
}

/** Handwriting fonts cover Latin only; other scripts use the text font in italics' place. */
export function coversLatin(text: string): boolean {
  return [...text].every((ch) => ch.charCodeAt(0) <= 0x24f);
}
