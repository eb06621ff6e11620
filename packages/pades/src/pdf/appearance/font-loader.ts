import { existsSync, readFileSync } from 'node:fs';

/** Font files for appearances; each may be supplied by the caller instead of found on disk. */
export interface AppearanceFonts {
  /** Latin, Hebrew and most scripts (default: DejaVu Sans). */
  text?: Uint8Array;
  /** Chinese, Japanese, Korean (default: WenQuanYi Micro Hei). */
  cjk?: Uint8Array;
  /** Typed-name signatures (default: a Debian handwriting font, else DejaVu Serif Italic). */
  handwriting?: Uint8Array;
}

/** Debian font paths tried in order; `scripts/system-deps.sh` installs the first of each. */
export const DEFAULT_FONT_PATHS: Record<keyof AppearanceFonts, readonly string[]> = {
  text: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'],
  cjk: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'],
  handwriting: [
    '/usr/share/fonts/opentype/dancingscript/DancingScript-Regular.otf',
    '/usr/share/fonts/truetype/dancingscript/DancingScript-Regular.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf',
  ],
};

const cache = new Map<string, Uint8Array | undefined>();

/**
 * Returns the first existing font file of a kind, read once per process: the CJK font is
 * several megabytes and appearances are built for every visible signature.
 */
export function loadDefaultFont(kind: keyof AppearanceFonts): Uint8Array | undefined {
  if (cache.has(kind)) return cache.get(kind);
  const path = DEFAULT_FONT_PATHS[kind].find((p) => existsSync(p));
  const bytes = path ? new Uint8Array(readFileSync(path)) : undefined;
  cache.set(kind, bytes);
  return bytes;
}

/** True when the text needs the CJK font. */
export function needsCjk(text: string): boolean {
  return /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(text);
}
