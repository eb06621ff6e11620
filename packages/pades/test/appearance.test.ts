import { beforeAll, describe, expect, it } from 'vitest';
import { PdfReader, signPdf, validate } from '../src/index.js';
import { pdfsig, qpdfCheck, run, writeTemp } from './external-tools.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { signedTwice } from './fixtures/signed-fixtures.js';
import { signaturePng } from './png-fixture.js';
import { createSigningWorkspace, type TestPki } from './test-pki.js';

let pki: TestPki;
let dir: string;
let db: string;

beforeAll(async () => {
  ({ pki, dir, db } = await createSigningWorkspace());
});

const ZH = { signedBy: '签署人', meaning: '含义', reason: '原因', time: '时间' };

describe('visible signatures (21 CFR Part 11 §11.50) with Chinese and Hebrew', () => {
  it('draws image, printed name, meaning, reason and zoned time with embedded fonts; tools agree', async () => {
    let pdf: Uint8Array = await fixture('drawing.pdf');
    pdf = await signPdf(pdf, {
      signer: await pki.signer('Zhang San'),
      name: '张三',
      meaning: 'approval',
      reason: '同意付款',
      timeZone: 'Asia/Shanghai',
      signingTime: new Date('2026-03-01T06:05:04Z'),
      visible: { rect: [20, 20, 220, 100], image: signaturePng(), labels: ZH },
    });
    pdf = await signPdf(pdf, {
      signer: await pki.signer('Israel Israeli', 'ec'),
      name: 'ישראל ישראלי',
      meaning: 'review',
      reason: 'אישור חוזה',
      timeZone: 'Asia/Jerusalem',
      visible: { rect: [20, 130, 220, 90], typedName: 'Israel Israeli' },
    });
    const file = writeTemp(dir, 'visible.pdf', pdf);
    expect(qpdfCheck(file).status).toBe(0);
    const sigs = pdfsig(file, db).output;
    expect(sigs.match(/Signature is Valid/g)?.length).toBe(2);
    const fonts = run('pdffonts', [file]).output;
    expect(fonts).toMatch(/WenQuanYi|DejaVu/);
    expect(fonts).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+/);
    const text = run('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file, '1']).output;
    expect(text).toContain('签署人: 张三');
    expect(text).toContain('同意付款');
    expect(text).toContain('2026-03-01 14:05:04 UTC+08:00 (Asia/Shanghai)');
    expect(text).toMatch(/[\u05d0-\u05ea]{4}/);
    expect(text).toContain('Review');
    const report = await validate(pdf, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures.every((s) => s.isValid)).toBe(true);
    expect(report.signatures[0]!.reason).toBe('approval: 同意付款');
  });

  it('signs into the existing empty field of with-field.pdf and keeps its widget', async () => {
    const pdf = await signPdf(await fixture('with-field.pdf'), {
      signer: await pki.signer('Field Signer'),
      fieldName: 'Sig1',
      visible: { typedName: 'Field Signer' },
    });
    const reader = new PdfReader(pdf);
    const acro = reader.dict(reader.catalog().get('AcroForm'))!;
    expect((reader.get(acro.get('Fields')) as unknown[]).length).toBe(1);
    expect(pdfsig(writeTemp(dir, 'field.pdf', pdf), db).output).toContain('Signature Field Name: Sig1');
  });

  it('rejects signing a field that is already signed or not a signature field', async () => {
    await expect(
      signPdf(await signedTwice(pki), {
        signer: await pki.signer('X'),
        fieldName: 'Sig1',
      }),
    ).rejects.toThrow(/already signed/);
    await expect(
      signPdf(await fixture('simple-form.pdf'), {
        signer: await pki.signer('Y'),
        fieldName: 'TextField1',
      }),
    ).rejects.toThrow(/not a signature field/);
  });
});
