import { PDFDocument } from 'pdf-lib';
import { embedUnicodeFonts } from '../src/platform/pdf/unicode-fonts.js';

/**
 * A contract with a Chinese text layer: `pages` A4 pages of clauses, "盖章处" on page 1 and
 * the signature block "甲方（盖章）" / "乙方（盖章）" on the last page (seals suites and bench).
 */
export async function contractPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fonts = await embedUnicodeFonts(doc);
  const font = fonts.fontFor('合');
  for (let p = 1; p <= pages; p += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText(`采购合同 第${p}页`, { x: 60, y: 780, size: 16, font });
    for (let line = 0; line < 30; line += 1)
      page.drawText(`第${line + 1}条 甲乙双方经协商一致，订立本合同条款${p}.${line + 1}。`, {
        x: 60,
        y: 740 - line * 20,
        size: 11,
        font,
      });
    if (p === 1) page.drawText('盖章处', { x: 420, y: 120, size: 12, font });
    if (p === pages) {
      page.drawText('甲方（盖章）', { x: 60, y: 100, size: 12, font });
      page.drawText('乙方（盖章）', { x: 340, y: 100, size: 12, font });
    }
  }
  await fonts.finish();
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
