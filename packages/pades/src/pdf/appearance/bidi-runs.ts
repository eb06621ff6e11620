/**
 * The parts of the Unicode Bidirectional Algorithm (UAX #9) that signature labels need:
 * paragraph direction from the first strong character (P2/P3), weak-type resolution so
 * numbers, signs and separators inside right-to-left text keep left-to-right order
 * (W1–W7), paired brackets (N0), other neutrals (N1/N2), implicit levels (I1/I2), trailing whitespace
 * (L1), reordering (L2) and mirrored brackets (L4). Explicit embeddings and isolates
 * (LRE, RLI, …) are not supported: a label is one plain line.
 */
export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'ES' | 'ET' | 'AN' | 'CS' | 'NSM' | 'WS' | 'ON';

/** Bidi-mirrored pairs (L4), each character followed by its mirror image. */
const PAIRS = '()[]{}<>«»‹›〈〉';
const MIRRORED: Record<string, string> = Object.fromEntries(
  [...PAIRS].map((ch, i, all) => [ch, all[i ^ 1]!]),
);

/** Bidi class of one code point (the ranges signature labels meet: Latin, Hebrew, Arabic, CJK). */
export function bidiClass(cp: number): BidiClass {
  if (cp >= 0x30 && cp <= 0x39) return 'EN';
  if (cp === 0x2b || cp === 0x2d || cp === 0x2212) return 'ES';
  if (cp === 0x23 || cp === 0x24 || cp === 0x25 || cp === 0xb0 || cp === 0xb1) return 'ET';
  if ((cp >= 0xa2 && cp <= 0xa5) || (cp >= 0x20a0 && cp <= 0x20cf) || cp === 0x2030) return 'ET';
  if (cp === 0x2c || cp === 0x2e || cp === 0x2f || cp === 0x3a || cp === 0xa0) return 'CS';
  if (cp === 0x20 || cp === 0x09 || cp === 0x2028 || (cp >= 0x2000 && cp <= 0x200a)) return 'WS';
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x591 && cp <= 0x5bd) || cp === 0x5bf) return 'NSM';
  if (cp === 0x5c1 || cp === 0x5c2 || cp === 0x5c4 || cp === 0x5c5 || cp === 0x5c7) return 'NSM';
  if ((cp >= 0x64b && cp <= 0x65f) || cp === 0x670) return 'NSM';
  if ((cp >= 0x660 && cp <= 0x669) || cp === 0x66b || cp === 0x66c) return 'AN';
  if ((cp >= 0x590 && cp <= 0x5ff) || (cp >= 0x7c0 && cp <= 0x85f) || (cp >= 0xfb1d && cp <= 0xfb4f))
    return 'R';
  if ((cp >= 0x600 && cp <= 0x7bf) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff))
    return 'AL';
  if (/\p{L}|\p{Mc}/u.test(String.fromCodePoint(cp))) return 'L';
  return 'ON';
}

const isStrong = (c: BidiClass): boolean => c === 'L' || c === 'R' || c === 'AL';

/** P2/P3: true when the first strong character is right-to-left. */
export function isRtlParagraph(text: string): boolean {
  for (const ch of text) {
    const c = bidiClass(ch.codePointAt(0)!);
    if (isStrong(c)) return c !== 'L';
  }
  return false;
}

/** Resolved embedding level of every code point of `text` (0 = LTR, odd = RTL). */
export function bidiLevels(text: string, paragraphRtl = isRtlParagraph(text)): number[] {
  const chars = [...text];
  const base = paragraphRtl ? 1 : 0;
  const weak = resolveWeak(
    chars.map((ch) => bidiClass(ch.codePointAt(0)!)),
    base,
  );
  const types = resolveNeutrals(resolveBrackets(chars, weak, base), base);
  const levels = types.map((t) => {
    if (base === 0) return t === 'R' ? 1 : t === 'EN' || t === 'AN' ? 2 : 0;
    return t === 'L' || t === 'EN' || t === 'AN' ? 2 : 1;
  });
  // L1: trailing whitespace goes back to the paragraph level.
  for (let i = chars.length - 1; i >= 0 && bidiClass(chars[i]!.codePointAt(0)!) === 'WS'; i -= 1)
    levels[i] = base;
  return levels;
}

/** W1–W7 on one level run whose start and end of sequence take the paragraph direction. */
function resolveWeak(input: BidiClass[], base: number): BidiClass[] {
  const sos: BidiClass = base === 1 ? 'R' : 'L';
  const t = [...input];
  for (let i = 0; i < t.length; i += 1) if (t[i] === 'NSM') t[i] = i === 0 ? sos : t[i - 1]!; // W1
  let strong: BidiClass = sos;
  for (let i = 0; i < t.length; i += 1) {
    if (isStrong(t[i]!)) strong = t[i]!;
    else if (t[i] === 'EN' && strong === 'AL') t[i] = 'AN'; // W2
  }
  for (let i = 0; i < t.length; i += 1) if (t[i] === 'AL') t[i] = 'R'; // W3
  for (let i = 1; i + 1 < t.length; i += 1) {
    const [a, b, c] = [t[i - 1], t[i], t[i + 1]]; // W4
    if (b === 'ES' && a === 'EN' && c === 'EN') t[i] = 'EN';
    else if (b === 'CS' && a === c && (a === 'EN' || a === 'AN')) t[i] = a;
  }
  for (let i = 0; i < t.length; i += 1) {
    if (t[i] !== 'ET') continue; // W5
    let j = i;
    while (j < t.length && t[j] === 'ET') j += 1;
    if (t[i - 1] === 'EN' || t[j] === 'EN') t.fill('EN', i, j);
    i = j - 1;
  }
  for (let i = 0; i < t.length; i += 1) if (t[i] === 'ES' || t[i] === 'ET' || t[i] === 'CS') t[i] = 'ON'; // W6
  strong = sos;
  for (let i = 0; i < t.length; i += 1) {
    if (t[i] === 'L' || t[i] === 'R') strong = t[i]!;
    else if (t[i] === 'EN' && strong === 'L') t[i] = 'L'; // W7
  }
  return t;
}

const OPENING: Record<string, string> = { '(': ')', '[': ']', '{': '}', '〈': '〉' };

/** BD16: bracket pairs, innermost matching first, as [open, close] positions in text order. */
function bracketPairs(chars: string[], t: BidiClass[]): [number, number][] {
  const stack: { close: string; at: number }[] = [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < chars.length; i += 1) {
    if (t[i] !== 'ON') continue;
    const close = OPENING[chars[i]!];
    if (close) {
      if (stack.length === 63) break;
      stack.push({ close, at: i });
      continue;
    }
    const k = stack.map((e) => e.close).lastIndexOf(chars[i]!);
    if (k < 0) continue;
    pairs.push([stack[k]!.at, i]);
    stack.length = k;
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/**
 * N0: both brackets of a pair take the paragraph direction when it occurs inside them; else
 * the opposite direction found inside when the text before the pair has it too.
 */
function resolveBrackets(chars: string[], input: BidiClass[], base: number): BidiClass[] {
  const t = [...input];
  const strong = (c: BidiClass | undefined): 'L' | 'R' | undefined =>
    c === 'L' ? 'L' : c === 'R' || c === 'EN' || c === 'AN' ? 'R' : undefined;
  const e = base === 1 ? 'R' : 'L';
  for (const [open, close] of bracketPairs(chars, t)) {
    const inside = t.slice(open + 1, close).map(strong);
    let dir: 'L' | 'R' | undefined;
    if (inside.includes(e)) dir = e;
    else if (inside.some((x) => x !== undefined)) {
      let before: 'L' | 'R' = e;
      for (let i = open - 1; i >= 0; i -= 1) {
        const s = strong(t[i]);
        if (s) {
          before = s;
          break;
        }
      }
      dir = before;
    }
    if (dir) [t[open], t[close]] = [dir, dir];
  }
  return t;
}

/** N1/N2: neutrals between two runs of one direction take it; others the paragraph's. */
function resolveNeutrals(t: BidiClass[], base: number): BidiClass[] {
  const dir = (c: BidiClass | undefined): 'L' | 'R' =>
    c === undefined ? (base === 1 ? 'R' : 'L') : c === 'L' ? 'L' : 'R';
  const out = [...t];
  for (let i = 0; i < out.length; i += 1) {
    if (out[i] !== 'ON' && out[i] !== 'WS') continue;
    let j = i;
    while (j < out.length && (out[j] === 'ON' || out[j] === 'WS')) j += 1;
    const before = dir(i > 0 ? out[i - 1] : undefined);
    const after = dir(j < out.length ? out[j] : undefined);
    out.fill(before === after ? before : base === 1 ? 'R' : 'L', i, j);
    i = j - 1;
  }
  return out;
}

/**
 * The line in visual (left-to-right display) order: L2 reverses every run at or above each
 * odd level, L4 mirrors brackets shown right to left. The appearance draws this string with
 * shaping forced left to right, so nothing is reversed twice.
 */
export function visualOrder(text: string, paragraphRtl = isRtlParagraph(text)): string {
  const chars = [...text];
  const levels = bidiLevels(text, paragraphRtl);
  const shown = chars.map((ch, i) => (levels[i]! % 2 === 1 ? (MIRRORED[ch] ?? ch) : ch));
  const order = chars.map((_, i) => i);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let i = 0; i < order.length; i += 1) {
      if (levels[order[i]!]! < level) continue;
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j += 1;
      const run = order.slice(i, j).reverse();
      order.splice(i, j - i, ...run);
      i = j - 1;
    }
  }
  return order.map((i) => shown[i]).join('');
}
