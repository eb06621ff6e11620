import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { formatNumber } from '../pdf-serializer.js';
import { isRtlParagraph, visualOrder } from './bidi-runs.js';
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
function deflateOnce(bytes: Uint8Array): Buffer {
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
  const face = (font.fonts && font.fonts.length > 0 ? font.fonts[0] : font) as {
    layout: Layout;
    glyphsForString(text: string): unknown[];
  };
  const layout = face.layout.bind(face);
  cacheSubsets(face as unknown as SubsettingFace);
  const runs = new Map<string, unknown>();
  face.layout = (text, features) => {
    if (features !== undefined) return layout(text, features, undefined, undefined, 'ltr');
    // pdf-lib shapes each run twice (measure, encode) and reads only the glyphs: one shaping
    // per distinct run per process (the labels, the reason and most names repeat).
    let run = runs.get(text);
    if (run === undefined) {
      if (runs.size >= MAX_RUNS) runs.clear();
      run = NO_SHAPING.test(text)
        ? { glyphs: face.glyphsForString(text) }
        : layout(text, undefined, undefined, undefined, 'ltr');
      runs.set(text, run);
    }
    return run;
  };
  faces.set(buf, face);
  return face;
}

/**
 * Scripts whose glyphs never change with context (Latin, Greek, Cyrillic, CJK, punctuation):
 * pdf-lib reads only the glyphs of a shaped run, never positions, so a cmap lookup gives the
 * same glyphs as OpenType shaping at a fraction of the cost (the shaping was about a third of
 * a visible signature's CPU). Hebrew, Arabic and other scripts are still shaped.
 */
const NO_SHAPING =
  /^[\u0020-\u058f\u2000-\u2bff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]*$/;
/** Shaped runs kept per face before the cache starts over (bounded memory under any input). */
const MAX_RUNS = 20_000;

/**
 * Parsed faces by font bytes (the default fonts are read once per process, so the same
 * buffer comes back). fontkit parses tables lazily and keeps them on the face; a new face per
 * appearance re-parsed DejaVu Sans's layout tables for every signature, most of the time of a
 * visible signature (issue 15 profile). A face is only read after parsing; each document's
 * subset is made from it separately by pdf-lib.
 */
const faces = new WeakMap<Uint8Array, unknown>();

interface SubsetStream {
  on(event: string, listener: (bytes?: Uint8Array) => void): SubsetStream;
}
interface SubsettingFace {
  createSubset(): { glyphs: number[]; encodeStream(): SubsetStream };
}

/**
 * fontkit re-encodes a subset program (tables rebuilt, glyphs copied) for every document; the
 * program depends only on the glyphs included, in order. Encoded programs are kept per face
 * by that glyph list (bounded), so a subset seen before is handed back as the same bytes.
 */
function cacheSubsets(face: SubsettingFace): void {
  const createSubset = face.createSubset.bind(face);
  const programs = new Map<string, Uint8Array>();
  face.createSubset = () => {
    const subset = createSubset();
    const encodeStream = subset.encodeStream.bind(subset);
    subset.encodeStream = () => {
      const key = subset.glyphs.join(',');
      const known = programs.get(key);
      if (known) return replay(known);
      const stream = encodeStream();
      const parts: Uint8Array[] = [];
      stream.on('data', (bytes) => parts.push(bytes!));
      stream.on('end', () => {
        if (programs.size >= MAX_SUBSETS) programs.clear();
        programs.set(key, Buffer.concat(parts));
      });
      return stream;
    };
    return subset;
  };
}
const MAX_SUBSETS = 512;

/** A stream that emits `bytes` once, then ends, after its listeners are attached. */
function replay(bytes: Uint8Array): SubsetStream {
  const listeners = new Map<string, (bytes?: Uint8Array) => void>();
  let scheduled = false;
  const stream: SubsetStream = {
    on(event, listener) {
      listeners.set(event, listener);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(() => {
          listeners.get('data')?.(bytes);
          listeners.get('end')?.();
        });
      }
      return stream;
    },
  };
  return stream;
}
