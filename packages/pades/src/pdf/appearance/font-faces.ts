import fontkit from '@pdf-lib/fontkit';

/**
 * Parsed font faces, kept per process by font buffer: the appearance pen asks them for glyphs,
 * names and subsets. Shaping and subset programs are cached on each face (bounded), because
 * re-parsing and re-encoding them per signature was most of a visible signature's CPU.
 */
const psNames = new WeakMap<Uint8Array, string>();

/** The font's PostScript name (sanitized to a PDF name), read once per font buffer. */
export function postscriptNameOf(bytes: Uint8Array): string {
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
export function firstFace(buf: Uint8Array): unknown {
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
