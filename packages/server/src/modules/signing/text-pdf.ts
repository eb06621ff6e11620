import { isRtlParagraph, visualOrder } from '@signx/pades';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { embedUnicodeFonts, MissingFontsError } from '../../platform/pdf/unicode-fonts.js';

/**
 * Plain A4 text documents the signing module writes itself (the summary page of a request
 * without files, the certificate of completion): Hebrew and Latin through DejaVu Sans,
 * Chinese through the CJK font, chosen per character (platform/pdf/unicode-fonts.ts: font
 * faces parsed once per process, shaped runs cached) so a line mixing both keeps each script;
 * right-to-left paragraphs set right-aligned in display order. Call `out.finish()` before
 * saving: it names the embedded subsets.
 */
export async function createTextPdf(rtl: boolean): Promise<{ doc: PDFDocument; out: TextWriter }> {
  const doc = await PDFDocument.create();
  try {
    const fonts = await embedUnicodeFonts(doc);
    return { doc, out: new TextWriter(doc, fonts, rtl) };
  } catch (error) {
    if (error instanceof MissingFontsError)
      throw new Error('Signing PDFs need fonts-dejavu-core and fonts-wqy-microhei (scripts/system-deps.sh)');
    throw error;
  }
}

/** Splits a line into runs of one font each (the font that has each character). */
function runs(text: string, fontFor: (char: string) => PDFFont): { text: string; font: PDFFont }[] {
  const out: { text: string; font: PDFFont }[] = [];
  for (const ch of text) {
    const font = fontFor(ch);
    const last = out.at(-1);
    if (last && last.font === font) last.text += ch;
    else out.push({ text: ch, font });
  }
  return out;
}

export class TextWriter {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { fontFor(char: string): PDFFont; finish(): Promise<void> },
    private readonly rtl: boolean,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage([595.28, 841.89]);
    this.y = 790;
  }

  private width(text: string, size: number): number {
    return runs(text, this.fonts.fontFor).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
  }

  /** Wraps by measured width; a line in a right-to-left paragraph is set right-aligned, in display order. */
  line(text: string, size = 10, indent = 0): void {
    const max = 499 - indent;
    let rest = text.replace(/\s+/g, ' ').trim();
    while (rest.length > 0) {
      let cut = rest.length;
      while (cut > 1 && this.width(rest.slice(0, cut), size) > max) {
        const space = rest.lastIndexOf(' ', cut - 1);
        cut = space > 0 ? space : cut - 1;
      }
      this.draw(rest.slice(0, cut), size, indent);
      rest = rest.slice(cut).trim();
    }
  }

  private draw(logical: string, size: number, indent: number) {
    if (this.y < 60) this.newPage();
    const rtl = isRtlParagraph(logical);
    const shown = rtl ? visualOrder(logical) : logical;
    const width = this.width(shown, size);
    let x = this.rtl || rtl ? 547 - indent - width : 48 + indent;
    for (const r of runs(shown, this.fonts.fontFor)) {
      this.page.drawText(r.text, { x, y: this.y, size, font: r.font, color: rgb(0.1, 0.1, 0.12) });
      x += r.font.widthOfTextAtSize(r.text, size);
    }
    this.y -= size * 1.6;
  }

  gap(points = 6) {
    this.y -= points;
  }

  /** Embeds the font subsets under their "ABCDEF+PostScriptName" names; call once, before saving. */
  finish(): Promise<void> {
    return this.fonts.finish();
  }
}
