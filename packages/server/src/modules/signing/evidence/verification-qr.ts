import { deflateSync } from 'node:zlib';
import { type PDFDocument, type PDFPage, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';

/**
 * The last page of a certificate of completion: one QR code per signature to its public
 * verification page, and one to the page that checks an uploaded PDF, each with its number
 * and address in print (issue 15 behaviour 8: "by QR/link in the certificate"). Labels are
 * ASCII (numbers and URLs), so the standard font serves every language.
 */
export interface QrTarget {
  label: string;
  url: string;
}

const SIDE = 118;
const COLUMN = 262;

/**
 * Draws the code's dark modules, one rectangle per horizontal run, on a white quiet zone: all
 * in one filled path of its own content stream (pdf-lib's drawRectangle per run built a
 * graphics-state block of number objects each, most of a certificate of completion's time).
 */
function drawQr(doc: PDFDocument, page: PDFPage, url: string, x: number, y: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const cell = SIDE / (modules.size + 8);
  const n = (v: number) => String(Math.round(v * 1000) / 1000);
  const ops = [`q 1 1 1 rg ${n(x)} ${n(y)} ${SIDE} ${SIDE} re f 0 0 0 rg`];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        ops.push(
          `${n(x + (start + 4) * cell)} ${n(y + SIDE - (row + 5) * cell)} ${n((col - start) * cell)} ${n(cell)} re`,
        );
        start = -1;
      }
    }
  }
  ops.push('f Q\n');
  const stream = doc.context.stream(deflateSync(Buffer.from(ops.join('\n'), 'latin1')), {
    Filter: 'FlateDecode',
  });
  page.node.addContentStream(doc.context.register(stream));
}

export async function addVerificationQrPage(doc: PDFDocument, targets: readonly QrTarget[]): Promise<void> {
  if (targets.length === 0) return;
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let page = doc.addPage([595.28, 841.89]);
  let y = 800;
  page.drawText('Verification / QR', { x: 48, y, size: 14, font });
  y -= 24;
  for (const [index, target] of targets.entries()) {
    const column = index % 2;
    if (column === 0 && y - SIDE - 40 < 40) {
      page = doc.addPage([595.28, 841.89]);
      y = 800;
    }
    const x = 48 + column * COLUMN;
    drawQr(doc, page, target.url, x, y - SIDE);
    page.drawText(target.label, { x, y: y - SIDE - 12, size: 10, font });
    page.drawText(target.url, { x, y: y - SIDE - 24, size: 6.5, font, maxWidth: COLUMN - 12 });
    if (column === 1 || index === targets.length - 1) y -= SIDE + 44;
  }
}
