import { existsSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FONT_PATHS, signPdf } from '../src/index.js';
import { subsetTag } from '../src/pdf/appearance/font-naming.js';
import { nssDb, pdfsig, qpdfCheck, run, scratch, writeTemp } from './external-tools.js';
import { createTestPki, type TestPki } from './test-pki.js';

let pki: TestPki;
let dir: string;
let file: string;

/** pdffonts rows as { name, type, emb, sub }. */
function pdffonts(path: string): {
  rows: { name: string; type: string; emb: string; sub: string }[];
  log: string;
} {
  const r = run('pdffonts', [path]);
  const rows = r.output
    .split('\n')
    .slice(2)
    .map((line) => line.match(/^(\S+)\s+(.+?)\s+(Identity-H|WinAnsi|Custom|Builtin)\s+(yes|no)\s+(yes|no)/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ name: m[1]!, type: m[2]!, emb: m[4]!, sub: m[5]! }));
  return { rows, log: r.output };
}

beforeAll(async () => {
  pki = await createTestPki();
  dir = scratch();
  const doc = await PDFDocument.create();
  doc.addPage([400, 400]);
  let pdf: Uint8Array = await doc.save();
  pdf = await signPdf(pdf, {
    signer: await pki.signer('Israel Israeli'),
    name: 'ישראל ישראלי',
    reason: 'אישור חוזה (גרסה 2)',
    meaning: 'review',
    timeZone: 'Asia/Jerusalem',
    visible: { page: 1, rect: [20, 20, 300, 120], typedName: 'Israel Israeli' },
  });
  pdf = await signPdf(pdf, {
    signer: await pki.signer('Zhang San', 'ec'),
    name: '张三',
    visible: { page: 1, rect: [20, 200, 300, 120], typedName: '张三' },
  });
  file = writeTemp(dir, 'fonts.pdf', pdf);
});

describe('embedded appearance fonts (PDF 32000-1 §9.6.4)', () => {
  it('names every subset "ABCDEF+PostScriptName" so pdffonts reports it as a subset', () => {
    const { rows } = pdffonts(file);
    const subsets = rows.filter((r) => r.type === 'CID TrueType');
    expect(subsets.map((r) => r.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans',
      'WenQuanYiMicroHei',
    ]);
    for (const r of subsets) {
      expect(r.name).toMatch(/^[A-Z]{6}\+[A-Za-z]/);
      expect(r.sub).toBe('yes');
      expect(r.emb).toBe('yes');
    }
    expect(new Set(subsets.map((r) => r.name.slice(0, 6))).size).toBe(3);
  });

  it('keeps the OpenType/CFF handwriting font whole, under its plain name, declared as OpenType', () => {
    const { rows, log } = pdffonts(file);
    // scripts/system-deps.sh installs fonts-dancingscript (the default handwriting font).
    expect(existsSync(DEFAULT_FONT_PATHS.handwriting[0]!)).toBe(true);
    const hand = rows.find((r) => r.name.includes('DancingScript'));
    expect(hand).toEqual({ name: 'DancingScript', type: 'CID Type 0C (OT)', emb: 'yes', sub: 'no' });
    expect(log).not.toMatch(/Mismatch between font type/);
    expect(qpdfCheck(file).status).toBe(0);
    expect(pdfsig(file, nssDb(dir, pki.root.certificate)).output.match(/Signature is Valid/g)).toHaveLength(
      2,
    );
  });

  it('draws Hebrew in visual order once (not reversed twice) with the bracket pair kept', () => {
    const text = run('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file, '1']).output;
    expect(text).toContain('Signed by: ילארשי לארשי');
    expect(text).toContain('Reason: (2 הסרג) הזוח רושיא');
  });

  it('derives the tag from the subset bytes: six letters, stable for equal input', () => {
    const a = subsetTag(Buffer.from('subset one'));
    expect(a).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag(Buffer.from('subset one'))).toBe(a);
    expect(subsetTag(Buffer.from('subset two'))).not.toBe(a);
  });
});

describe('one subset program for Latin appearances (issue 15 speed)', () => {
  it('embeds the same DejaVu subset for different Latin names, text still extracting, and another for é', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([600, 400]);
    let pdf: Uint8Array = await doc.save();
    const names = ['Dana Levi', 'Omar Haddad', 'René Zola'];
    for (const [i, name] of names.entries())
      pdf = await signPdf(pdf, {
        signer: await pki.signer(name, 'ec'),
        name,
        reason: `Contract ${i + 7}`,
        signingTime: new Date(Date.UTC(2026, 11, 6, 9 + i, 13 * i)),
        visible: { page: 1, rect: [10 + i * 195, 20, 185, 90] },
      });
    const path = writeTemp(dir, 'latin-subsets.pdf', pdf);
    const subsets = pdffonts(path).rows.filter((r) => r.name.endsWith('+DejaVuSans'));
    expect(subsets).toHaveLength(3);
    // the tag is a digest of the program: equal tags, equal programs
    expect(subsets[0]!.name).toBe(subsets[1]!.name);
    expect(subsets[2]!.name).not.toBe(subsets[0]!.name);
    const text = run('pdftotext', [path, '-']).output;
    for (const name of names) expect(text).toContain(name);
    expect(run('qpdf', ['--check', path]).output).toContain('No syntax or stream encoding errors');
  });
});
