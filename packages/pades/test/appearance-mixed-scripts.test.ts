import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfReader, signPdf } from '../src/index.js';
import { PdfDict, PdfStream } from '../src/pdf/pdf-objects.js';
import { decodeStream } from '../src/pdf/stream-filters.js';
import { run, scratch, writeTemp } from './external-tools.js';
import { createTestPki, type TestPki } from './test-pki.js';

/**
 * Chinese and Hebrew (and Latin) in one appearance line: the font is chosen per character
 * run, so no character is drawn with a font that lacks it (the Hebrew used to come out as
 * boxes in the CJK font).
 */
let pki: TestPki;
let file: string;
let pdf: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki();
  const doc = await PDFDocument.create();
  doc.addPage([400, 400]);
  pdf = await signPdf(await doc.save(), {
    signer: await pki.signer('Mixed Scripts'),
    name: '张三 ישראל',
    reason: 'אישור 同意付款',
    meaning: 'approval',
    visible: { page: 1, rect: [20, 20, 360, 160], typedName: 'Zhang 张三 ישראל' },
  });
  file = writeTemp(scratch(), 'mixed.pdf', pdf);
});

/** Every text-showing operation of the signature appearance: font resource and glyph ids. */
function shownGlyphs(bytes: Uint8Array): { font: string; baseFont: string; gids: number[] }[] {
  const reader = new PdfReader(bytes);
  const out: { font: string; baseFont: string; gids: number[] }[] = [];
  for (const num of reader.objectNumbers()) {
    const obj = reader.object(num);
    if (!(obj instanceof PdfStream) || obj.dict.name('Subtype') !== 'Form') continue;
    const fonts = reader.dict(reader.dict(obj.dict.get('Resources'))?.get('Font'));
    if (!fonts) continue;
    const ops = Buffer.from(decodeStream(obj)).toString('latin1');
    let font = '';
    for (const m of ops.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj/g)) {
      if (m[1]) font = m[1];
      else {
        const hex = m[2]!;
        const gids = [];
        for (let i = 0; i + 4 <= hex.length; i += 4) gids.push(Number.parseInt(hex.slice(i, i + 4), 16));
        const fd = reader.dict(fonts.get(font));
        const baseFont = fd instanceof PdfDict ? (fd.name('BaseFont') ?? '') : '';
        out.push({ font, baseFont, gids });
      }
    }
  }
  return out;
}

describe('mixed Chinese and Hebrew in one appearance line', () => {
  it('draws no .notdef glyph: every run uses a font that has its characters', () => {
    const shown = shownGlyphs(pdf);
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(s.gids, `${s.baseFont}`).not.toContain(0);
    const bases = new Set(shown.map((s) => s.baseFont.replace(/^[A-Z]{6}\+/, '')));
    expect(bases).toContain('DejaVuSans');
    expect(bases).toContain('WenQuanYiMicroHei');
  });

  it('mutool and pdftotext extract both the Chinese and the Hebrew of the same line', () => {
    const mutool = run('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file, '1']).output;
    const poppler = run('pdftotext', ['-q', file, '-']).output;
    for (const text of [mutool, poppler]) {
      const signedBy = text.split('\n').find((l) => l.includes('Signed by'));
      expect(signedBy, text).toBeDefined();
      expect(signedBy).toContain('张三');
      expect(signedBy).toMatch(/[\u05d0-\u05ea]{4}/);
      const reason = text.split('\n').find((l) => l.includes('Reason'));
      expect(reason).toContain('同意付款');
      expect(reason).toMatch(/[\u05d0-\u05ea]{4}/);
      expect(text).not.toContain('\ufffd');
    }
  });
});
