import type fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDocument } from 'pdf-lib';
import { loadDefaultFont } from '../src/index.js';
import { firstFace } from '../src/pdf/appearance/font-faces.js';

/**
 * A contract with a text layer in Chinese: `pages` A4 pages of clauses, the signature block
 * ("甲方（盖章）", "乙方（盖章）") on the last page, and "盖章处" once on page 1.
 */
export async function contractPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // The CJK font is a collection (.ttc): embed its first face, as the appearance pen does.
  doc.registerFontkit({ create: (buf: Uint8Array) => firstFace(buf) } as unknown as typeof fontkit);
  const cjk = loadDefaultFont('cjk');
  if (!cjk) throw new Error('the CJK font is missing (scripts/system-deps.sh installs fonts-wqy-microhei)');
  const font = await doc.embedFont(cjk, { subset: true });
  for (let p = 1; p <= pages; p += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText(`采购合同 第 ${p} 页 Purchase contract`, { x: 60, y: 780, size: 16, font });
    for (let line = 0; line < 30; line += 1)
      page.drawText(`第${line + 1}条 甲乙双方经协商一致，订立本合同条款 ${p}.${line + 1}。`, {
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
  return doc.save({ useObjectStreams: false });
}

/**
 * Keyword placement fixture: "甲方（盖章）" five times over four pages — twice on page 1,
 * rotated 90° on a page with /Rotate 90, none on a page without text (page 3), then rotated
 * 30° and at another size on page 4, beside Latin text and 乙方 blocks.
 */
export async function placementPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit({ create: (buf: Uint8Array) => firstFace(buf) } as unknown as typeof fontkit);
  const cjk = loadDefaultFont('cjk');
  if (!cjk) throw new Error('the CJK font is missing (scripts/system-deps.sh installs fonts-wqy-microhei)');
  const font = await doc.embedFont(cjk, { subset: true });
  const one = doc.addPage([595, 842]);
  one.drawText('Contract 合同 甲方（盖章） and 乙方（盖章）', { x: 50, y: 700, size: 11, font });
  one.drawText('甲方（盖章）', { x: 300, y: 120, size: 14, font });
  const two = doc.addPage([842, 595]);
  two.setRotation(degrees(90));
  two.drawText('第二页 甲方（盖章）', { x: 400, y: 100, size: 12, font, rotate: degrees(90) });
  const three = doc.addPage([595, 842]);
  three.drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
  const four = doc.addPage([595, 842]);
  four.drawText('甲方（盖章） 日期', { x: 80, y: 300, size: 10, font, rotate: degrees(30) });
  four.drawText('乙方（盖章）   甲方（盖章）', { x: 60, y: 90, size: 18, font });
  return doc.save({ useObjectStreams: false });
}
