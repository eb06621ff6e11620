import { visualOrder } from '@signx/pades';
import { degrees, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { embedUnicodeFonts, type UnicodeFonts } from '../../platform/pdf/unicode-fonts.js';

/** Diagonal copies per page: enough that cropping one away leaves others. */
const diagonalRows = 3;

/**
 * Stamps `text` on every page of a PDF: three faint diagonal lines across the page and one
 * line in the bottom margin. The input is a copy of the stored bytes (never written back);
 * Hebrew is drawn in display order and every character with a font that has it (Chinese
 * through the CJK font). Throws when pdf-lib cannot read the PDF (damaged, encrypted).
 */
export async function stampWatermark(pdf: Uint8Array, text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return stampDocument(doc, text);
}

/**
 * A PNG or JPEG as a one-page PDF, then stamped. A small image is scaled up to an A4 width
 * so the watermark always fits legibly on its page.
 */
export async function stampImage(image: Uint8Array, mediaType: string, text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const embedded = mediaType === 'image/png' ? await doc.embedPng(image) : await doc.embedJpg(image);
  const scale = Math.max(1, 595 / Math.max(embedded.width, embedded.height));
  const [width, height] = [embedded.width * scale, embedded.height * scale];
  doc.addPage([width, height]).drawImage(embedded, { x: 0, y: 0, width, height });
  return stampDocument(doc, text);
}

async function stampDocument(doc: PDFDocument, text: string): Promise<Uint8Array> {
  const fonts = await embedUnicodeFonts(doc);
  const shown = runsOf(visualOrder(text), fonts);
  for (const page of doc.getPages()) stampPage(page, shown);
  await fonts.finish();
  return doc.save();
}

interface Run {
  text: string;
  font: PDFFont;
}

/** Consecutive characters drawn with the same font. */
function runsOf(text: string, fonts: UnicodeFonts): Run[] {
  const runs: Run[] = [];
  for (const raw of text) {
    const char = fonts.drawable(raw);
    const font = fonts.fontFor(char);
    const last = runs.at(-1);
    if (last && last.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}

function widthOf(runs: Run[], size: number): number {
  return runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
}

function stampPage(page: PDFPage, runs: Run[]): void {
  const { width, height } = page.getSize();
  const diagonal = Math.hypot(width, height);
  const angle = Math.atan2(height, width);
  const size = Math.max(8, Math.min(36, (diagonal * 0.8) / Math.max(1, widthOf(runs, 1))));
  const lineWidth = widthOf(runs, size);
  for (let row = 1; row <= diagonalRows; row += 1) {
    // centre of each line on the diagonal, the line itself centred on that point
    const cx = (width * row) / (diagonalRows + 1);
    const cy = (height * row) / (diagonalRows + 1);
    const x = cx - (Math.cos(angle) * lineWidth) / 2;
    const y = cy - (Math.sin(angle) * lineWidth) / 2;
    drawRuns(page, runs, { x, y, size, angle, opacity: 0.16 });
  }
  const footer = Math.max(6, Math.min(9, (width - 24) / Math.max(1, widthOf(runs, 1))));
  drawRuns(page, runs, { x: 12, y: 8, size: footer, angle: 0, opacity: 0.7 });
}

function drawRuns(
  page: PDFPage,
  runs: Run[],
  at: { x: number; y: number; size: number; angle: number; opacity: number },
): void {
  let { x, y } = at;
  for (const run of runs) {
    page.drawText(run.text, {
      x,
      y,
      size: at.size,
      font: run.font,
      color: rgb(0.55, 0.1, 0.1),
      opacity: at.opacity,
      rotate: degrees((at.angle * 180) / Math.PI),
    });
    const advance = run.font.widthOfTextAtSize(run.text, at.size);
    x += Math.cos(at.angle) * advance;
    y += Math.sin(at.angle) * advance;
  }
}
