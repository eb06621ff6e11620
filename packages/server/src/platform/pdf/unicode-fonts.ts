import fontkit from '@pdf-lib/fontkit';
import { DEFAULT_FONT_PATHS, type EmbeddedFontName, loadDefaultFont, nameEmbeddedFonts } from '@signx/pades';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/** The two system fonts server-drawn PDF text uses: DejaVu Sans (Latin, Hebrew, …) and a CJK font. */
export type UnicodeFontKind = 'text' | 'cjk';

/** Where font files come from; the default finds the Debian fonts @signx/pades uses for appearances. */
export type UnicodeFontSource = (kind: UnicodeFontKind) => Uint8Array | undefined;

/** The embedded fonts and, for every character, the one that has a glyph for it. */
export interface UnicodeFonts {
  /** The font that draws `char` (the text font unless only the CJK font covers it). */
  fontFor(char: string): PDFFont;
  /** `char`, or U+FFFD when no embedded font can draw it (never a silent '?'). */
  drawable(char: string): string;
  /** Embeds the subsets and names them "ABCDEF+PostScriptName"; call once, after drawing. */
  finish(): Promise<void>;
}

type Face = ReturnType<typeof fontkit.create>;

const FONT_NAMES: Record<UnicodeFontKind, string> = {
  text: 'DejaVu Sans (Latin, Hebrew)',
  cjk: 'WenQuanYi Micro Hei (Chinese)',
};

/** Thrown when a font is not installed; callers turn it into their module's error code. */
export class MissingFontsError extends Error {
  constructor(readonly kinds: UnicodeFontKind[]) {
    const list = kinds.map((k) => `${FONT_NAMES[k]} at ${DEFAULT_FONT_PATHS[k].join(' or ')}`);
    super(`font(s) not installed: ${list.join('; ')}`);
  }
}

/**
 * Embeds Unicode fonts as subsets so names and text in any script print as written (the
 * audit report, the documents watermark). Fails loudly when a font is missing: a PDF that
 * turns 张三 into '??' misleads its reader, so it is better not to produce one.
 */
export async function embedUnicodeFonts(
  pdf: PDFDocument,
  source: UnicodeFontSource = loadDefaultFont,
): Promise<UnicodeFonts> {
  const kinds: UnicodeFontKind[] = ['text', 'cjk'];
  const bytes = kinds.map((kind) => source(kind));
  const missing = kinds.filter((_, i) => bytes[i] === undefined);
  if (missing.length > 0) throw new MissingFontsError(missing);
  pdf.registerFontkit({ create: (buf: Uint8Array) => firstFace(buf) } as unknown as typeof fontkit);
  const [text, cjk] = await Promise.all(bytes.map((b) => embedOne(pdf, b as Uint8Array)));
  if (!text || !cjk) throw new MissingFontsError(kinds);
  const picked = new Map<string, PDFFont>();
  const covers = (face: Face, char: string) => face.hasGlyphForCodePoint(char.codePointAt(0) ?? 0);
  return {
    fontFor(char) {
      let font = picked.get(char);
      if (!font) {
        font = !covers(text.face, char) && covers(cjk.face, char) ? cjk.font : text.font;
        picked.set(char, font);
      }
      return font;
    },
    drawable: (char) => (covers(text.face, char) || covers(cjk.face, char) ? char : '\ufffd'),
    async finish() {
      await pdf.flush();
      nameEmbeddedFonts(pdf.context, [text.naming, cjk.naming]);
    },
  };
}

async function embedOne(
  pdf: PDFDocument,
  bytes: Uint8Array,
): Promise<{ face: Face; font: PDFFont; naming: EmbeddedFontName }> {
  const face = firstFace(bytes);
  const postscriptName =
    (face.postscriptName ?? 'Font').replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '') || 'Font';
  // pdf-lib's CFF subsetter writes programs viewers reject: an OpenType/CFF font goes in whole.
  const cff = Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'OTTO';
  const font = await pdf.embedFont(bytes, { subset: !cff, customName: postscriptName });
  return { face, font, naming: { ref: font.ref, postscriptName, subset: !cff, cff } };
}

/**
 * Scripts whose glyphs never change with context (Latin, Greek, Cyrillic, CJK, punctuation).
 * pdf-lib reads only the glyphs of a shaped run, never positions, so for these a cmap lookup
 * gives the same result as full OpenType shaping at a fraction of the cost; Hebrew, Arabic
 * and other scripts are shaped.
 */
const NO_SHAPING =
  /^[\u0020-\u058f\u2000-\u2bff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]*$/;

type Layout = (text: string, features?: unknown, script?: string, lang?: string, dir?: string) => unknown;
const faces = new WeakMap<Uint8Array, Face>();

/**
 * The first face of a font collection (.ttc), as pdf-lib needs one face. Lines arrive in
 * visual order (visualOrder from @signx/pades), so layout is forced left to right: fontkit
 * must not reverse Hebrew a second time. Shaped runs are cached (bounded): OpenType
 * shaping dominates the cost of a 10,000-event report.
 */
function firstFace(buf: Uint8Array): Face {
  const known = faces.get(buf);
  if (known) return known;
  const loaded = fontkit.create(buf) as Face & { fonts?: Face[] };
  const face = loaded.fonts?.[0] ?? loaded;
  const layout = (face.layout as Layout).bind(face);
  const runs = new Map<string, unknown>();
  (face as { layout: Layout }).layout = (text, features) => {
    if (features !== undefined) return layout(text, features, undefined, undefined, 'ltr');
    // pdf-lib shapes every run twice (encode, measure) and only reads the result: reuse it.
    let run = runs.get(text);
    if (run === undefined) {
      if (runs.size >= 20_000) runs.clear();
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
