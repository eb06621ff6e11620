import { isWhite, PdfLexer } from '../pdf-lexer.js';
import { PdfName, type PdfObject, PdfString } from '../pdf-objects.js';
import type { FontDecoder } from './font-decoder.js';

/** The text layer as the search builds it: `flat[4i…4i+3]` is the box of `text[i]`. */
export interface TextLayer {
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

/** The text-showing part of the content-stream operators (ISO 32000-1 §9.4). */
export class Interpreter {
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
