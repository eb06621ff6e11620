/**
 * An organisation seal as drawing primitives, computed once and rendered twice: as PDF
 * content-stream operators (the signature appearance) and as SVG (the preview in the web
 * app), so what the registry shows is what the signature draws. Coordinates are PDF-style:
 * origin at the lower left, y up, in the units of the box the plan was made for.
 */

/** round: 公章/合同章/财务章; oval: some finance and personal seals; square: 法定代表人章, name seals. */
export type SealShape = 'round' | 'oval' | 'square';

export interface SealDesign {
  shape: SealShape;
  /** Round and oval: the organisation name along the upper arc. Square: the name in a grid. */
  title: string;
  /** Along the bottom (合同专用章, 财务专用章, …); round and oval only. */
  purpose?: string;
  /** Five-pointed star in the centre (default: true for round seals). */
  star?: boolean;
  /** Ink colour as RGB 0–1 (default seal red). */
  color?: readonly [number, number, number];
}

export type SealPrimitive =
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number; line: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; line: number }
  | { kind: 'polygon'; points: readonly (readonly [number, number])[] }
  /** One character: its baseline centre at (x, y), turned `rotation` degrees counter-clockwise. */
  | { kind: 'glyph'; char: string; x: number; y: number; size: number; rotation: number };

export interface SealPlan {
  width: number;
  height: number;
  color: readonly [number, number, number];
  items: SealPrimitive[];
}

export const SEAL_RED = [0.86, 0.08, 0.08] as const;
const MAX_TEXT = 40;

/** Lays out a seal in a w × h box. Throws on empty or overlong text (the caller's 400). */
export function sealPlan(design: SealDesign, width: number, height: number): SealPlan {
  const title = [...design.title.trim()];
  const purpose = [...(design.purpose ?? '').trim()];
  if (title.length === 0) throw new RangeError('A seal needs a name to show.');
  if (title.length > MAX_TEXT || purpose.length > MAX_TEXT)
    throw new RangeError(`Seal texts are limited to ${MAX_TEXT} characters.`);
  if (!(width > 0 && height > 0)) throw new RangeError('A seal needs a positive size.');
  const plan: SealPlan = { width, height, color: design.color ?? SEAL_RED, items: [] };
  if (design.shape === 'square') squareSeal(plan, title);
  else arcSeal(plan, design, title, purpose);
  return plan;
}

function arcSeal(plan: SealPlan, design: SealDesign, title: string[], purpose: string[]): void {
  const { width: w, height: h } = plan;
  const round = design.shape === 'round';
  const rx = (round ? Math.min(w, h) : w) / 2;
  const ry = (round ? Math.min(w, h) : h) / 2;
  const r = Math.min(rx, ry);
  const line = r * 0.055;
  const [cx, cy] = [w / 2, h / 2];
  plan.items.push({ kind: 'ellipse', cx, cy, rx: rx - line / 2, ry: ry - line / 2, line });
  const size = r * (title.length > 14 ? 0.17 : 0.21);
  // Baseline inset so the glyph tops sit just inside the border.
  const [ax, ay] = [rx - line - r * 0.06 - size, ry - line - r * 0.06 - size];
  const spanMax = (round ? 250 : 220) * (Math.PI / 180);
  const span = Math.min(spanMax, ((title.length - 1) * size * 1.12) / Math.min(ax, ay));
  for (const [i, char] of title.entries()) {
    const t = Math.PI / 2 + span / 2 - (title.length === 1 ? span / 2 : (i * span) / (title.length - 1));
    const [x, y] = [cx + ax * Math.cos(t), cy + ay * Math.sin(t)];
    // Upright along the outward normal of the ellipse at this point.
    const normal = Math.atan2(Math.sin(t) / ay, Math.cos(t) / ax);
    plan.items.push({ kind: 'glyph', char, x, y, size, rotation: (normal * 180) / Math.PI - 90 });
  }
  if (design.star ?? round) plan.items.push({ kind: 'polygon', points: starPoints(cx, cy, r * 0.3) });
  if (purpose.length > 0) {
    const ps = Math.min(r * 0.17, (rx * 1.2) / purpose.length);
    const y = cy - r * 0.6;
    const startX = cx - ((purpose.length - 1) * ps) / 2;
    for (const [i, char] of purpose.entries())
      plan.items.push({ kind: 'glyph', char, x: startX + i * ps, y, size: ps, rotation: 0 });
  }
}

/** Name seals read in columns, right to left, top to bottom; 2–3 character names get 之印/印. */
function squareSeal(plan: SealPlan, title: string[]): void {
  const chars = title.length === 2 ? [...title, '之', '印'] : title.length === 3 ? [...title, '印'] : title;
  const { width: w, height: h } = plan;
  const line = Math.min(w, h) * 0.05;
  plan.items.push({ kind: 'rect', x: line / 2, y: line / 2, w: w - line, h: h - line, line });
  const rows = chars.length <= 1 ? 1 : 2;
  const cols = Math.ceil(chars.length / rows);
  const [cellW, cellH] = [(w - 3 * line) / cols, (h - 3 * line) / rows];
  const size = Math.min(cellW, cellH) * 0.9;
  for (const [i, char] of chars.entries()) {
    const col = cols - 1 - Math.floor(i / rows);
    const row = i % rows;
    const x = 1.5 * line + cellW * (col + 0.5);
    const y = h - 1.5 * line - cellH * (row + 1) + (cellH - size * 0.8) / 2;
    plan.items.push({ kind: 'glyph', char, x, y, size, rotation: 0 });
  }
}

function starPoints(cx: number, cy: number, outer: number): [number, number][] {
  const inner = outer * 0.382;
  return Array.from({ length: 10 }, (_, i) => {
    const a = Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? outer : inner;
    return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)] as [number, number];
  });
}
