import fontkit from '@pdf-lib/fontkit';
import { isRtlParagraph, loadDefaultFont, visualOrder } from '@signx/pades';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/**
 * Plain A4 text documents the signing module writes itself (the summary page of a request
 * without files, the certificate of completion): Hebrew and Latin through DejaVu Sans,
 * Chinese through the CJK font, chosen per run of characters so a line mixing both keeps
 * each script; right-to-left paragraphs set right-aligned in display order.
 */
export async function createTextPdf(rtl: boolean): Promise<{ doc: PDFDocument; out: TextWriter }> {
  const doc = await PDFDocument.create();
  // A .ttc collection (the CJK font) embeds its first face.
  doc.registerFontkit({
    create: (buf: Uint8Array) => {
      const face = fontkit.create(buf as Buffer) as ReturnType<typeof fontkit.create> & { fonts?: unknown[] };
      return face.fonts?.[0] ?? face;
    },
  } as unknown as typeof fontkit);
  const textFont = loadDefaultFont('text');
  const cjkFont = loadDefaultFont('cjk');
  if (!textFont || !cjkFont)
    throw new Error('Signing PDFs need fonts-dejavu-core and fonts-wqy-microhei (scripts/system-deps.sh)');
  const fonts = {
    text: await doc.embedFont(textFont, { subset: true }),
    cjk: await doc.embedFont(cjkFont, { subset: true }),
  };
  return { doc, out: new TextWriter(doc, fonts, rtl) };
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Splits a line into runs of CJK and other characters (each gets the font that has it). */
function runs(text: string): { text: string; cjk: boolean }[] {
  const out: { text: string; cjk: boolean }[] = [];
  for (const ch of text) {
    const cjk = CJK.test(ch);
    const last = out.at(-1);
    if (last && last.cjk === cjk) last.text += ch;
    else out.push({ text: ch, cjk });
  }
  return out;
}

export class TextWriter {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { text: PDFFont; cjk: PDFFont },
    private readonly rtl: boolean,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage([595.28, 841.89]);
    this.y = 790;
  }

  private width(text: string, size: number): number {
    return runs(text).reduce(
      (w, r) => w + (r.cjk ? this.fonts.cjk : this.fonts.text).widthOfTextAtSize(r.text, size),
      0,
    );
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
    for (const r of runs(shown)) {
      const font = r.cjk ? this.fonts.cjk : this.fonts.text;
      this.page.drawText(r.text, { x, y: this.y, size, font, color: rgb(0.1, 0.1, 0.12) });
      x += font.widthOfTextAtSize(r.text, size);
    }
    this.y -= size * 1.6;
  }

  gap(points = 6) {
    this.y -= points;
  }
}
