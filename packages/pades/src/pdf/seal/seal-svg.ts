import { type SealDesign, sealPlan } from './seal-plan.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (v: number) => String(Math.round(v * 100) / 100);

/**
 * The same plan as the PDF drawing, as a self-contained SVG for the registry's preview
 * (y flipped: SVG's origin is the top left). Text is escaped; nothing else is user input.
 */
export function sealSvg(
  design: SealDesign,
  width = 200,
  height = design.shape === 'oval' ? 140 : 200,
): string {
  const plan = sealPlan(design, width, height);
  const color = `rgb(${plan.color.map((c) => Math.round(c * 255)).join(',')})`;
  const y = (v: number) => height - v;
  const parts = plan.items.map((p) => {
    switch (p.kind) {
      case 'ellipse':
        return `<ellipse cx="${num(p.cx)}" cy="${num(y(p.cy))}" rx="${num(p.rx)}" ry="${num(p.ry)}" fill="none" stroke="${color}" stroke-width="${num(p.line)}"/>`;
      case 'rect':
        return `<rect x="${num(p.x)}" y="${num(y(p.y + p.h))}" width="${num(p.w)}" height="${num(p.h)}" fill="none" stroke="${color}" stroke-width="${num(p.line)}"/>`;
      case 'polygon':
        return `<polygon points="${p.points.map(([px, py]) => `${num(px)},${num(y(py))}`).join(' ')}" fill="${color}"/>`;
      default:
        return `<text x="${num(p.x)}" y="${num(y(p.y))}" font-size="${num(p.size)}" text-anchor="middle" transform="rotate(${num(-p.rotation)} ${num(p.x)} ${num(y(p.y))})">${esc(p.char)}</text>`;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif" fill="${color}">${parts.join('')}</svg>`;
}
