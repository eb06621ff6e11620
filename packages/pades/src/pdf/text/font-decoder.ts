import { type PdfDict, PdfName, PdfStream } from '../pdf-objects.js';
import type { PdfReader } from '../pdf-reader.js';
import { decodeStream } from '../stream-filters.js';

/** How one font's string bytes become Unicode text and advance widths (1/1000 em). */
export interface FontDecoder {
  /** Bytes per character code (1 for simple fonts, usually 2 for Type0/Identity-H). */
  codeBytes: number;
  toUnicode(code: number): string;
  width(code: number): number;
}

/**
 * Builds a decoder from the font's ToUnicode CMap (bfchar and bfrange, as pdf-lib, LibreOffice
 * and most producers write them) and its /Widths or CID /W array. Without a ToUnicode map
 * the codes are read as Latin-1: enough for WinAnsi text, not for CID fonts.
 */
export function fontDecoder(reader: PdfReader, font: PdfDict): FontDecoder {
  const isType0 = font.name('Subtype') === 'Type0';
  const map = new Map<number, string>();
  let codeBytes = isType0 ? 2 : 1;
  const tu = reader.get(font.get('ToUnicode'));
  if (tu instanceof PdfStream)
    codeBytes = parseCMap(Buffer.from(decodeStream(tu)).toString('latin1'), map) ?? codeBytes;
  const widths = isType0 ? cidWidths(reader, font) : simpleWidths(reader, font);
  return {
    codeBytes,
    toUnicode: (code) => map.get(code) ?? (isType0 ? '' : String.fromCharCode(code)),
    width: (code) => widths.get(code) ?? widths.get(-1) ?? 500,
  };
}

const hexNum = (h: string) => Number.parseInt(h, 16);
function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(hexNum(hex.slice(i, i + 4)));
  if (hex.length === 2) out = String.fromCharCode(hexNum(hex));
  return out;
}

/** Fills `map`; returns the code length of the first codespace range. */
function parseCMap(text: string, map: Map<number, string>): number | undefined {
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(hexNum(m[1]!), utf16(m[2]!));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const re = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g;
    for (const m of block[1]!.matchAll(re)) {
      const [lo, hi] = [hexNum(m[1]!), hexNum(m[2]!)];
      if (hi - lo > 0xffff) continue;
      if (m[3] !== undefined) {
        const base = utf16(m[3]);
        const last = base.charCodeAt(base.length - 1);
        for (let c = lo; c <= hi; c += 1) map.set(c, base.slice(0, -1) + String.fromCharCode(last + c - lo));
      } else {
        const dsts = [...m[4]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((d) => utf16(d[1]!));
        for (const [i, d] of dsts.entries()) map.set(lo + i, d);
      }
    }
  }
  return space ? space[1]!.length / 2 : undefined;
}

function simpleWidths(reader: PdfReader, font: PdfDict): Map<number, number> {
  const out = new Map<number, number>();
  const first = reader.get(font.get('FirstChar'));
  const widths = reader.get(font.get('Widths'));
  if (typeof first === 'number' && Array.isArray(widths))
    widths.forEach((w, i) => {
      const v = reader.get(w);
      if (typeof v === 'number') out.set(first + i, v);
    });
  return out;
}

function cidWidths(reader: PdfReader, font: PdfDict): Map<number, number> {
  const out = new Map<number, number>();
  const kids = reader.get(font.get('DescendantFonts'));
  const cid = Array.isArray(kids) ? reader.dict(kids[0]) : undefined;
  if (!cid) return out;
  const dw = reader.get(cid.get('DW'));
  out.set(-1, typeof dw === 'number' ? dw : 1000);
  const w = reader.get(cid.get('W'));
  if (!Array.isArray(w)) return out;
  for (let i = 0; i < w.length; ) {
    const start = reader.get(w[i]);
    const next = reader.get(w[i + 1]);
    if (typeof start !== 'number') break;
    if (Array.isArray(next)) {
      next.forEach((v, j) => {
        const n = reader.get(v);
        if (typeof n === 'number') out.set(start + j, n);
      });
      i += 2;
    } else {
      const width = reader.get(w[i + 2]);
      if (typeof next === 'number' && typeof width === 'number')
        for (let c = start; c <= next && c - start < 65536; c += 1) out.set(c, width);
      i += 3;
    }
  }
  return out;
}

export const isName = (v: unknown, name: string): boolean => v instanceof PdfName && v.value === name;
