import { PadesError } from '../../errors.js';
import { findPage, listPages, type PageInfo, pageCount } from '../page-tree.js';
import { isWhite, PdfLexer } from '../pdf-lexer.js';
import { type PdfDict, PdfName, type PdfObject, PdfRef, PdfStream, PdfString } from '../pdf-objects.js';
import { PdfReader } from '../pdf-reader.js';
import { decodeStream } from '../stream-filters.js';
import { type FontDecoder, fontDecoder } from './font-decoder.js';

/** A page's text layer: characters in content order (whitespace dropped) and their boxes. */
export interface PageText {
  /** 1-based. */
  page: number;
  text: string;
  /** boxes[i] is [x, y, w, h] of text[i] in user space (y = baseline − descent). */
  boxes: [number, number, number, number][];
}

/** Where a keyword was found: page (1-based) and [x, y, width, height] in PDF points. */
export interface TextHit {
  page: number;
  rect: [number, number, number, number];
}

/** The text layer as the search builds it: `flat[4i…4i+3]` is the box of `text[i]`. */
interface TextLayer {
  text: string;
  flat: number[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Options of `findText`. */
export interface FindTextOptions {
  /**
   * `last`: only the last occurrence in the document. Pages are read from the end and the
   * search stops at the first page that has the text, so a signature block on the last page
   * of a long contract costs one page.
   */
  occurrence?: 'all' | 'last';
}

/**
 * Finds text in a PDF's text layer (page content streams, fonts through their ToUnicode maps):
 * the seal placement by keyword ("甲方（盖章）", "盖章处"). Whitespace is ignored on both
 * sides, so a phrase split across text runs is still found. Text inside form XObjects and
 * scanned pages (no text layer) is not searched.
 */
export function findText(
  pdf: Uint8Array | PdfReader,
  keyword: string,
  options: FindTextOptions = {},
): TextHit[] {
  const needle = keyword.replace(/\s+/g, '');
  if (needle === '') throw new PadesError('INVALID_ARGUMENT', 'The keyword to find is empty.');
  const reader = pdf instanceof PdfReader ? pdf : new PdfReader(pdf);
  const pages = listPages(reader).slice(0, pageCount(reader));
  const decoders = new Map<number, FontDecoder>();
  const last = options.occurrence === 'last';
  const hits: TextHit[] = [];
  for (let k = 0; k < pages.length; k += 1) {
    const i = last ? pages.length - 1 - k : k;
    const page = textOf(reader, pages[i]!, decoders);
    for (let at = page.text.indexOf(needle); at >= 0; at = page.text.indexOf(needle, at + needle.length))
      hits.push({ page: i + 1, rect: unionOf(page.flat, at, at + needle.length) });
    if (last && hits.length > 0) return hits.slice(-1);
  }
  return hits;
}

function unionOf(flat: number[], from: number, to: number): TextHit['rect'] {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = from; i < to; i += 1) {
    const [x, y, w, h] = [flat[4 * i]!, flat[4 * i + 1]!, flat[4 * i + 2]!, flat[4 * i + 3]!];
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x + w);
    y2 = Math.max(y2, y + h);
  }
  return [x1, y1, x2 - x1, y2 - y1];
}

/** Reads the text layer of page `index` (0-based). */
export function pageText(
  reader: PdfReader,
  index: number,
  /** Decoders by font object number, shared across pages (a CMap is parsed once per document). */
  decoders = new Map<number, FontDecoder>(),
): PageText {
  const { text, flat } = textOf(reader, findPage(reader, index), decoders);
  const boxes: PageText['boxes'] = [];
  for (let i = 0; i < flat.length; i += 4) boxes.push([flat[i]!, flat[i + 1]!, flat[i + 2]!, flat[i + 3]!]);
  return { page: index + 1, text, boxes };
}

/** `BT`: every text-showing operator sits inside a text object, so a stream without it has none. */
const BEGIN_TEXT = Buffer.from('BT');

function textOf(reader: PdfReader, page: PageInfo, decoders: Map<number, FontDecoder>): TextLayer {
  const out: TextLayer = { text: '', flat: [] };
  const fonts = new Map<string, FontDecoder>();
  let fontDict: PdfDict | null | undefined = null;
  const fontFor = (name: string) => {
    let f = fonts.get(name);
    if (!f) {
      if (fontDict === null) fontDict = reader.dict(resourcesOf(reader, page.dict)?.get('Font'));
      const ref = fontDict?.get(name);
      const shared = ref instanceof PdfRef ? decoders.get(ref.num) : undefined;
      const d = shared ? undefined : reader.dict(ref);
      f = shared ?? (d ? fontDecoder(reader, d) : { codeBytes: 1, toUnicode: () => '', width: () => 500 });
      if (!shared && ref instanceof PdfRef) decoders.set(ref.num, f);
      fonts.set(name, f);
    }
    return f;
  };
  const run = new Interpreter(out, fontFor);
  for (const stream of contentStreams(reader, page.dict)) {
    const data = decodeStream(stream);
    if (Buffer.from(data.buffer, data.byteOffset, data.length).indexOf(BEGIN_TEXT) >= 0) run.execute(data);
  }
  return out;
}

function resourcesOf(reader: PdfReader, page: PdfDict): PdfDict | undefined {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < 32; depth += 1) {
    const r = reader.dict(node.get('Resources'));
    if (r) return r;
    node = reader.dict(node.get('Parent'));
  }
  return undefined;
}

function contentStreams(reader: PdfReader, page: PdfDict): PdfStream[] {
  const c = reader.get(page.get('Contents'));
  const list: PdfObject[] = Array.isArray(c) ? c : [c ?? null];
  return list.map((v) => reader.get(v)).filter((v): v is PdfStream => v instanceof PdfStream);
}

/** The text-showing part of the content-stream operators (ISO 32000-1 §9.4). */
class Interpreter {
  private ctm: Matrix = IDENTITY;
  private readonly stack: Matrix[] = [];
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;
  private font: FontDecoder | undefined;
  private size = 0;
  private leading = 0;
  private charSpace = 0;
  private wordSpace = 0;
  private scale = 1;

  constructor(
    private readonly out: TextLayer,
    private readonly fontFor: (name: string) => FontDecoder,
  ) {}

  execute(data: Uint8Array): void {
    const lex = new PdfLexer(data);
    const ops: PdfObject[] = [];
    for (;;) {
      lex.skipWs();
      if (lex.pos >= data.length) return;
      const c = data[lex.pos]!;
      const isOperand =
        c === 0x2f ||
        c === 0x28 ||
        c === 0x3c ||
        c === 0x5b ||
        c === 0x2b ||
        c === 0x2d ||
        c === 0x2e ||
        (c >= 0x30 && c <= 0x39);
      if (isOperand) {
        ops.push(lex.object());
        continue;
      }
      const op = lex.word();
      if (op === '') lex.pos += 1;
      else if (op === 'BI') skipInlineImage(lex);
      else this.apply(op, ops);
      ops.length = 0;
    }
  }

  private apply(op: string, a: PdfObject[]): void {
    const num = (i: number) => (typeof a[i] === 'number' ? (a[i] as number) : 0);
    switch (op) {
      case 'q':
        this.stack.push(this.ctm);
        break;
      case 'Q':
        this.ctm = this.stack.pop() ?? IDENTITY;
        break;
      case 'cm':
        this.ctm = mul([num(0), num(1), num(2), num(3), num(4), num(5)], this.ctm);
        break;
      case 'BT':
        this.tm = this.tlm = IDENTITY;
        break;
      case 'Tf':
        this.font = a[0] instanceof PdfName ? this.fontFor(a[0].value) : undefined;
        this.size = num(1);
        break;
      case 'TL':
        this.leading = num(0);
        break;
      case 'Tc':
        this.charSpace = num(0);
        break;
      case 'Tw':
        this.wordSpace = num(0);
        break;
      case 'Tz':
        this.scale = num(0) / 100;
        break;
      case 'Tm':
        this.tm = this.tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
        break;
      case 'Td':
        this.moveLine(num(0), num(1));
        break;
      case 'TD':
        this.leading = -num(1);
        this.moveLine(num(0), num(1));
        break;
      case 'T*':
        this.moveLine(0, -this.leading);
        break;
      case 'Tj':
        this.show(a[0]);
        break;
      case "'":
        this.moveLine(0, -this.leading);
        this.show(a[0]);
        break;
      case '"':
        this.wordSpace = num(0);
        this.charSpace = num(1);
        this.moveLine(0, -this.leading);
        this.show(a[2]);
        break;
      case 'TJ':
        for (const item of Array.isArray(a[0]) ? a[0] : []) {
          if (typeof item === 'number') this.advance((-item / 1000) * this.size * this.scale);
          else this.show(item);
        }
        break;
    }
  }

  private moveLine(tx: number, ty: number): void {
    this.tm = this.tlm = mul([1, 0, 0, 1, tx, ty], this.tlm);
  }

  private advance(tx: number): void {
    this.tm = mul([1, 0, 0, 1, tx, 0], this.tm);
  }

  private show(s: PdfObject | undefined): void {
    if (!(s instanceof PdfString) || !this.font) return;
    const { bytes } = s;
    const f = this.font;
    const { out, size, scale } = this;
    // Text space → device is tm × ctm. A glyph only moves tm's origin (tm' = [1 0 0 1 tx 0] × tm),
    // so the scale factors are fixed for the string and the origin is updated in place, with
    // the same arithmetic as \`mul\` (the boxes are bit-for-bit those of a matrix product).
    const c = this.ctm;
    const [t0, t1, t2, t3] = this.tm;
    let [t4, t5] = [this.tm[4], this.tm[5]];
    const m = mul(this.tm, c);
    const em = size * Math.hypot(m[2], m[3]);
    const sx = Math.hypot(m[0], m[1]);
    for (let i = 0; i + f.codeBytes <= bytes.length; i += f.codeBytes) {
      let code = 0;
      for (let k = 0; k < f.codeBytes; k += 1) code = (code << 8) | bytes[i + k]!;
      const w0 = (f.width(code) / 1000) * size;
      const space = f.codeBytes === 1 && code === 32 ? this.wordSpace : 0;
      const w = w0 * scale * sx;
      const text = f.toUnicode(code);
      const x = t4 * c[0] + t5 * c[2] + c[4];
      const y = t4 * c[1] + t5 * c[3] + c[5];
      for (let k = 0; k < text.length; k += 1) {
        const ch = text[k]!;
        if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\u3000') continue;
        out.text += ch;
        out.flat.push(x, y - em * 0.2, w, em);
      }
      const tx = (w0 + this.charSpace + space) * scale;
      [t4, t5] = [tx * t0 + 0 * t2 + t4, tx * t1 + 0 * t3 + t5];
    }
    this.tm = [t0, t1, t2, t3, t4, t5];
  }
}

function skipInlineImage(lex: PdfLexer): void {
  const b = lex.buf;
  for (let p = lex.pos; p + 2 < b.length; p += 1) {
    if (
      b[p] === 0x45 &&
      b[p + 1] === 0x49 &&
      isWhite(b[p - 1] ?? 32) &&
      (p + 2 >= b.length || isWhite(b[p + 2]!))
    ) {
      lex.pos = p + 2;
      return;
    }
  }
  lex.pos = b.length;
}
