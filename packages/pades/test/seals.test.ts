import { beforeAll, describe, expect, it } from 'vitest';
import {
  findText,
  PadesError,
  PdfReader,
  pageText,
  sealPlan,
  sealSvg,
  signPdf,
  type TextHit,
  type Timestamper,
  validate,
} from '../src/index.js';
import { pdfsig, qpdfCheck, run, writeTemp } from './external-tools.js';
import { contractPdf, placementPdf } from './seal-fixtures.js';
import { createTimestampedWorkspace, type TestPki } from './test-pki.js';

let pki: TestPki;
let timestamper: Timestamper;
let dir: string;
let db: string;
let contract: Uint8Array;

beforeAll(async () => {
  ({ pki, dir, db, timestamper } = await createTimestampedWorkspace('SignX Test TSA'));
  contract = await contractPdf(3);
});

const company = { shape: 'round', title: '北京示例科技有限公司', purpose: '合同专用章' } as const;

describe('seal drawing', () => {
  it('lays the name along the upper arc, the star in the centre and the purpose below', () => {
    const plan = sealPlan(company, 160, 160);
    const glyphs = plan.items.filter((i) => i.kind === 'glyph');
    expect(glyphs.map((g) => g.char).join('')).toBe('北京示例科技有限公司合同专用章');
    // The name runs left to right over the top: first glyph left of centre, last right of it.
    expect(glyphs[0]!.x).toBeLessThan(80);
    expect(glyphs[9]!.x).toBeGreaterThan(80);
    expect(Math.abs(glyphs[0]!.rotation)).toBeGreaterThan(60);
    expect(plan.items.some((i) => i.kind === 'polygon')).toBe(true);
    expect(glyphs.slice(10).every((g) => g.y < 80 && g.rotation === 0)).toBe(true);
  });

  it('renders the same plan as SVG with escaped text, and refuses empty names', () => {
    const svg = sealSvg({ shape: 'square', title: '张<三' });
    expect(svg).toContain('&lt;');
    expect(svg).not.toContain('<三');
    expect(svg).toContain('>印<');
    expect(() => sealPlan({ shape: 'round', title: '  ' }, 100, 100)).toThrow(RangeError);
  });
});

describe('keyword search in the text layer', () => {
  it('finds every occurrence with its page and box', () => {
    const hits = findText(contract, '甲方（盖章）');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.page).toBe(3);
    const [x, y, w, h] = hits[0]!.rect;
    expect(x).toBeCloseTo(60, 0);
    expect(y).toBeGreaterThan(90);
    expect(y).toBeLessThan(105);
    expect(w).toBeGreaterThan(60);
    expect(h).toBeCloseTo(12, 0);
    expect(findText(contract, '（盖章）').map((hit) => hit.page)).toEqual([3, 3]);
    expect(findText(contract, '盖 章 处')).toHaveLength(1);
    expect(findText(contract, '丙方')).toEqual([]);
    expect(() => findText(contract, ' ')).toThrow(PadesError);
  });

  it('places exactly as before the search was made faster: several hits, CJK, rotated text and pages', async () => {
    const pdf = await placementPdf();
    // Boxes computed by the search as it was before (main at 3f1e39f), compared exactly:
    // the faster walk (one page-tree pass, no per-glyph matrices) must not move a seal.
    const before: TextHit[] = [
      { page: 1, rect: [119.94775390625, 697.8, 66, 11] },
      { page: 1, rect: [300, 117.2, 84, 13.999999999999986] },
      { page: 2, rect: [400, 136.7171875, 12, 72] },
      { page: 4, rect: [80, 298, 53.301270189221896, 35] },
      { page: 4, rect: [182.02734375, 86.4, 108, 18] },
    ];
    expect(findText(pdf, '甲方（盖章）')).toEqual(before);
    expect(findText(pdf, '甲方（盖章）', { occurrence: 'last' })).toEqual(before.slice(-1));
    expect(findText(pdf, '乙方', { occurrence: 'last' })).toEqual(findText(pdf, '乙方').slice(-1));
    expect(findText(pdf, '（盖章）').map((hit) => hit.page)).toEqual([1, 1, 1, 2, 4, 4, 4]);
    expect(findText(pdf, '丙方', { occurrence: 'last' })).toEqual([]);
    // pageText reports the same boxes the search used.
    const reader = new PdfReader(pdf);
    const page4 = pageText(reader, 3);
    const at = page4.text.lastIndexOf('甲方（盖章）');
    expect(page4.boxes[at]![0]).toBe(182.02734375);
    expect(pageText(reader, 2)).toEqual({ page: 3, text: '', boxes: [] });
  });
});

describe('sealing', () => {
  it('signs B-T with the seal drawing as the appearance; pdfsig and our validator accept it', async () => {
    const signer = await pki.signer('北京示例科技有限公司');
    const [hit] = findText(contract, '甲方（盖章）');
    const [x, y] = hit!.rect;
    const sealed = await signPdf(contract, {
      signer,
      level: 'B-T',
      timestamper,
      reason: '合同专用章',
      visible: { page: hit!.page, rect: [x, y - 40, 120, 120], seal: { design: company } },
    });
    const report = await validate(sealed, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]!.isValid).toBe(true);
    const file = writeTemp(dir, 'sealed.pdf', sealed);
    expect(qpdfCheck(file).status).toBe(0);
    const out = pdfsig(file, db).output;
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('北京示例科技有限公司');
    // The drawing's CJK text is real text with a ToUnicode map: pdftotext reads it back.
    const text = run('pdftotext', ['-f', '3', '-l', '3', file, '-']).output;
    expect(text).toContain('合同专用章');
  });

  it('splits a cross-page seal into one slice per page, all widgets of one signature', async () => {
    const signer = await pki.signer('骑缝 Seal Co');
    const w = 120 / 3;
    const sealed = await signPdf(contract, {
      signer,
      visible: {
        page: 1,
        rect: [595 - w, 400, w, 120],
        seal: { design: company, slice: { index: 0, count: 3 } },
        stamps: [2, 3].map((page) => ({
          page,
          rect: [595 - w, 400, w, 120] as const,
          sealSlice: { index: page - 1, count: 3 },
        })),
      },
    });
    const report = await validate(sealed, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures.map((s) => s.isValid)).toEqual([true]);
    const file = writeTemp(dir, 'cross-page.pdf', sealed);
    expect(pdfsig(file, db).output).toContain('Signature is Valid');
    const body = Buffer.from(sealed).toString('latin1');
    // One drawing, three clipped views of it.
    expect(body.match(/\/Seal Do/g)).toHaveLength(3);
    expect(body).toContain(`${-2 * w} 0 cm /Seal Do`);
  });

  it('refuses a slice outside the seal', async () => {
    const signer = await pki.signer('Bad Slice Co');
    await expect(
      signPdf(contract, {
        signer,
        visible: { page: 1, rect: [0, 0, 40, 120], seal: { design: company, slice: { index: 3, count: 3 } } },
      }),
    ).rejects.toThrow(PadesError);
  });
});
