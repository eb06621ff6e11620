/** Nesting beyond this is refused (a hostile file must not exhaust the stack). */
export const MAX_DEPTH = 200;

/** Byte classes from ISO 32000-1 §7.2.2: whitespace and delimiters. */
export const WS = new Uint8Array(256);
export const DELIM = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
/** Hex digit values, 255 for other bytes. */
export const HEX = new Uint8Array(256).fill(255);
for (let i = 0; i < 16; i += 1) HEX['0123456789abcdef'.charCodeAt(i)] = i;
for (let i = 10; i < 16; i += 1) HEX['ABCDEF'.charCodeAt(i - 10)] = i;

/** True for PDF whitespace bytes. */
export function isWhite(c: number): boolean {
  return WS[c] === 1;
}
