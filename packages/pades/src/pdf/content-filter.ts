import { PdfLexer } from './pdf-lexer.js';
import { PdfName } from './pdf-objects.js';

/**
 * Removes marked-content sections `/OC /name BDC … EMC` whose property name is in `hidden`
 * from a decoded content stream, keeping every other byte as it was.
 */
export function removeOptionalContent(content: Uint8Array, hidden: ReadonlySet<string>): Uint8Array {
  if (hidden.size === 0) return content;
  const lx = new PdfLexer(content, 0);
  const cuts: [number, number][] = [];
  const operands: unknown[] = [];
  const stack: { start: number; hide: boolean }[] = [];
  let opStart = -1;
  for (;;) {
    lx.skipWs();
    if (lx.pos >= content.length) break;
    if (opStart < 0) opStart = lx.pos;
    const c = content[lx.pos]!;
    const isOperand =
      c === 0x2f ||
      c === 0x28 ||
      c === 0x3c ||
      c === 0x5b ||
      c === 0x2d ||
      c === 0x2e ||
      (c >= 0x30 && c <= 0x39);
    if (isOperand) {
      operands.push(lx.object());
      continue;
    }
    const op = lx.word();
    if (op === '') {
      lx.pos += 1;
    } else if (op === 'BI') skipInlineImage(lx);
    else if (op === 'BDC' || op === 'BMC') {
      const [tag, prop] = operands;
      const hide =
        op === 'BDC' &&
        tag instanceof PdfName &&
        tag.value === 'OC' &&
        prop instanceof PdfName &&
        hidden.has(prop.value);
      stack.push({ start: opStart, hide });
    } else if (op === 'EMC') {
      const open = stack.pop();
      if (open?.hide && !stack.some((s) => s.hide)) cuts.push([open.start, lx.pos]);
    }
    operands.length = 0;
    opStart = -1;
  }
  if (cuts.length === 0) return content;
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const [a, b] of cuts) {
    parts.push(content.subarray(at, a));
    at = b;
  }
  parts.push(content.subarray(at));
  return Buffer.concat(parts);
}

function skipInlineImage(lx: PdfLexer): void {
  const b = lx.buf;
  for (let p = lx.pos; p + 2 < b.length; p += 1) {
    if (
      b[p] === 0x45 &&
      b[p + 1] === 0x49 &&
      (p === 0 || isSpace(b[p - 1]!)) &&
      (p + 2 >= b.length || isSpace(b[p + 2]!))
    ) {
      lx.pos = p + 2;
      return;
    }
  }
  lx.pos = b.length;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0 || c === 12;
}
