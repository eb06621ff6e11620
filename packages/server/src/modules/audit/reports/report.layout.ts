import { visualOrder } from '@signx/pades';
import {
  type PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import type { ReportFonts } from './report.fonts.js';

const PAGE: [number, number] = [595.28, 841.89]; // A4
const MARGIN = 40;
const TOP = PAGE[1] - MARGIN;
const BOTTOM = MARGIN + 20; // room for the footer
const WIDTH = PAGE[0] - 2 * MARGIN;
const HANGING = 12;

/** How one paragraph is set. */
export interface TextStyle {
  size?: number;
  bold?: boolean;
  /** Left indent in points. */
  indent?: number;
  /** Lines to keep on one page with this paragraph's first line (e.g. an event's details). */
  keepWith?: number;
}

/**
 * Sets text on A4 pages: wraps at spaces (and between CJK characters, or anywhere when a
 * word is longer than a line), breaks pages, draws each line in visual order (UAX #9 via
 * @signx/pades) as runs of the font that has each character's glyph.
 */
export class ReportWriter {
  private page: PDFPage;
  private y = TOP;
  private readonly advance = new Map<string, number>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: ReportFonts,
  ) {
    this.page = this.addPage();
  }

  /** Writes a paragraph, wrapped to the page width; continuation lines hang under the first. */
  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 9;
    const indent = style.indent ?? 0;
    const lead = size * 1.35;
    const lines = this.wrap(clean(text, this.fonts), size, WIDTH - indent, WIDTH - indent - HANGING);
    if (this.y - lead * (lines.length + (style.keepWith ?? 0)) < BOTTOM) this.breakPage();
    for (const [i, line] of lines.entries()) {
      if (this.y - lead < BOTTOM) this.breakPage();
      this.y -= lead;
      this.drawLine(line, MARGIN + indent + (i > 0 ? HANGING : 0), size, style.bold ?? false);
    }
  }

  gap(points = 6): void {
    this.y -= points;
  }

  /** Writes `label` and "page n of N" at the foot of every page; call after the last paragraph. */
  footers(label: string): void {
    const pages = this.pdf.getPages();
    for (const [i, page] of pages.entries()) {
      this.page = page;
      this.y = MARGIN;
      this.drawLine(`${clean(label, this.fonts)} - page ${i + 1} of ${pages.length}`, MARGIN, 7, false);
    }
  }

  private drawLine(line: string, x: number, size: number, bold: boolean): void {
    if (bold) {
      this.page.pushOperators(
        pushGraphicsState(),
        setTextRenderingMode(TextRenderingMode.FillAndOutline),
        setLineWidth(size * 0.04),
      );
    }
    let at = x;
    for (const run of this.runs(visualOrder(line, false))) {
      this.page.drawText(run.text, { x: at, y: this.y, size, font: run.font, color: rgb(0, 0, 0) });
      at += run.font.widthOfTextAtSize(run.text, size);
    }
    if (bold) this.page.pushOperators(popGraphicsState());
  }

  /** Consecutive characters drawn with the same font. */
  private runs(visual: string): { font: PDFFont; text: string }[] {
    const runs: { font: PDFFont; text: string }[] = [];
    for (const char of visual) {
      const font = this.fonts.fontFor(char);
      const last = runs.at(-1);
      if (last?.font === font) last.text += char;
      else runs.push({ font, text: char });
    }
    return runs;
  }

  /** Greedy line breaking on measured widths; the first line may be wider than the rest. */
  private wrap(text: string, size: number, first: number, rest: number): string[] {
    const lines: string[] = [];
    let line = '';
    let width = 0;
    for (const token of tokens(text)) {
      const w = this.width(token, size);
      const limit = lines.length === 0 ? first : rest;
      if (width + w <= limit || (line === '' && /^\s+$/.test(token))) {
        line += token;
        width += w;
      } else if (/^\s+$/.test(token)) {
        lines.push(line);
        [line, width] = ['', 0];
      } else if (w > rest) {
        for (const char of token) {
          const cw = this.width(char, size);
          if (width + cw > (lines.length === 0 ? first : rest) && line !== '') {
            lines.push(line.trimEnd());
            [line, width] = ['', 0];
          }
          line += char;
          width += cw;
        }
      } else {
        lines.push(line.trimEnd());
        [line, width] = [token, w];
      }
    }
    if (line !== '' || lines.length === 0) lines.push(line.trimEnd());
    return lines;
  }

  /** Sum of the characters' advance widths (cached per character; kerning is not applied). */
  private width(text: string, size: number): number {
    let total = 0;
    for (const char of text) {
      let w = this.advance.get(char);
      if (w === undefined) {
        w = this.fonts.fontFor(char).widthOfTextAtSize(char, 1);
        this.advance.set(char, w);
      }
      total += w;
    }
    return total * size;
  }

  private breakPage(): void {
    this.page = this.addPage();
  }

  private addPage(): PDFPage {
    const page = this.pdf.addPage(PAGE);
    this.y = TOP;
    return page;
  }
}

/** Break opportunities: runs of spaces, single ideographs (CJK has no spaces), other words. */
function tokens(text: string): string[] {
  return (
    text.match(
      /\s+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu,
    ) ?? []
  );
}

/** Tabs become spaces, other control and format characters go, glyph-less characters become U+FFFD. */
function clean(text: string, fonts: ReportFonts): string {
  const plain = text
    .replace(/\t/g, '    ')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '');
  return Array.from(plain, (char) => fonts.drawable(char)).join('');
}
