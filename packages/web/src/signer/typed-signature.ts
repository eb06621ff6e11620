/**
 * The handwriting-style fonts a typed signature is drawn in, by script, from what the device
 * has: Dancing Script (Debian fonts-dancingscript, the font the server's PDF appearances use
 * for Latin names), LXGW WenKai / AR PL UKai / KaiTi for Chinese (楷体, a brush hand), and
 * for Hebrew the Culmus and Noto faces (no Hebrew handwriting font ships with Debian's
 * default set). Nothing is fetched: the page serves no font files and uses no CDN.
 */
export const signatureFontStack =
  "'Dancing Script', 'LXGW WenKai', 'AR PL UKai CN', 'AR PL UKai TW', KaiTi, STKaiti, 'Kaiti SC', 'Ellinia CLM', 'Noto Serif Hebrew', 'Noto Sans Hebrew', 'Noto Sans CJK SC', cursive";

/** The typed name drawn on a transparent PNG (data URL), fitted to the box. */
export async function typedSignaturePng(text: string, width = 900, height = 300): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  let size = Math.round(height * 0.5);
  const font = () => `${size}px ${signatureFontStack}`;
  await document.fonts?.load(font(), text).catch(() => undefined);
  context.font = font();
  while (size > 12 && context.measureText(text).width > width * 0.92) {
    size -= 4;
    context.font = font();
  }
  context.fillStyle = '#0b1f4d';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  // Right-to-left names (Hebrew) keep their order; the canvas follows the text's direction.
  context.direction = /[\u0590-\u05ff\u0600-\u06ff]/.test(text) ? 'rtl' : 'ltr';
  context.fillText(text, width / 2, height / 2);
  return canvas.toDataURL('image/png');
}

/** Initials of a name: first letter of each word (Latin, Hebrew), or the first character (Chinese). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (/[\u3400-\u9fff]/.test(name)) return words.join('').slice(0, 1);
  return words
    .map((w) => [...w][0] ?? '')
    .join('')
    .toUpperCase()
    .slice(0, 3);
}
