import { DELIM, MAX_DEPTH, WS } from './pdf-byte-classes.js';
import type { PdfLexer } from './pdf-lexer.js';

/**
 * Skipping an object without building it (page-tree peeks, stream scans): the lexer's
 * `skipObject` runs this at its cursor.
 */
export function skipObjectAt(lexer: PdfLexer, depth = 0): void {
  if (depth > MAX_DEPTH) lexer.fail('objects nested too deeply');
  lexer.skipWs();
  const b = lexer.buf;
  const c = b[lexer.pos];
  if (c === undefined) lexer.fail('unexpected end of data');
  if (c === 0x28) {
    skipLiteralString(lexer);
    return;
  }
  if (c === 0x3c && b[lexer.pos + 1] !== 0x3c) {
    const end = b.indexOf(0x3e, lexer.pos);
    if (end < 0) lexer.fail('unterminated hex string');
    lexer.pos = end + 1;
    return;
  }
  if (c === 0x3c || c === 0x5b) {
    skipContainer(lexer);
    return;
  }
  const start = lexer.pos;
  if (c === 0x2f) lexer.pos += 1;
  while (lexer.pos < b.length && WS[b[lexer.pos]!] === 0 && DELIM[b[lexer.pos]!] === 0) lexer.pos += 1;
  if (lexer.pos === start) lexer.fail(`unexpected character '${String.fromCharCode(c)}'`);
}

/**
 * Skips a dictionary or array in one pass over its bytes, counting nesting: only strings
 * (which may hold brackets) and comments need care, no token is built.
 */
function skipContainer(lexer: PdfLexer): void {
  const b = lexer.buf;
  let depth = 0;
  let p = lexer.pos;
  do {
    if (p >= b.length) {
      lexer.pos = p;
      lexer.fail('unterminated dictionary or array');
    }
    if (depth > MAX_DEPTH) {
      lexer.pos = p;
      lexer.fail('objects nested too deeply');
    }
    const c = b[p]!;
    if (c === 0x28) {
      lexer.pos = p;
      skipLiteralString(lexer);
      p = lexer.pos;
    } else if (c === 0x25) {
      while (p < b.length && b[p] !== 10 && b[p] !== 13) p += 1;
    } else if (c === 0x3c) {
      if (b[p + 1] === 0x3c) {
        depth += 1;
        p += 2;
      } else {
        const end = b.indexOf(0x3e, p);
        if (end < 0) {
          lexer.pos = p;
          lexer.fail('unterminated hex string');
        }
        p = end + 1;
      }
    } else if (c === 0x3e && b[p + 1] === 0x3e) {
      depth -= 1;
      p += 2;
    } else if (c === 0x5b) {
      depth += 1;
      p += 1;
    } else if (c === 0x5d) {
      depth -= 1;
      p += 1;
    } else p += 1;
  } while (depth > 0);
  lexer.pos = p;
}

function skipLiteralString(lexer: PdfLexer): void {
  const b = lexer.buf;
  let p = lexer.pos + 1;
  for (let nest = 1; nest > 0; ) {
    if (p >= b.length) lexer.fail('unterminated string');
    const c = b[p++]!;
    if (c === 0x5c) p += 1;
    else if (c === 0x28) nest += 1;
    else if (c === 0x29) nest -= 1;
  }
  lexer.pos = p;
}
