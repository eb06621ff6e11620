import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { sanitizePdf, signPdf, validate } from '../src/index.js';
import { nssDb, pdfsig, qpdfCheck, scratch, writeTemp } from './external-tools.js';
import { signedTwice } from './fixtures/signed-fixtures.js';
import { createTestPki, type TestPki } from './test-pki.js';

let pki: TestPki;
let dir: string;

beforeAll(async () => {
  pki = await createTestPki();
  dir = scratch();
});

async function riskyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 300]);
  page.drawText('Pay 100', { x: 20, y: 200 });
  const js = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("spoof")') });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(js));
  await doc.attach(Buffer.from('hidden payload'), 'payload.txt', { mimeType: 'text/plain' });
  const form = doc.getForm();
  form.createTextField('amount').addToPage(page, { x: 20, y: 100, width: 120, height: 20 });
  form.getTextField('amount').setText('100');
  return doc.save({ useObjectStreams: false });
}

describe('sanitizer before the first signature', () => {
  it('removes JavaScript and embedded files, flattens fields, and the result signs cleanly', async () => {
    const clean = sanitizePdf(await riskyPdf(), { flattenForms: true });
    const text = Buffer.from(clean).toString('latin1');
    expect(text).not.toContain('JavaScript');
    expect(text).not.toContain('EmbeddedFiles');
    expect(text).not.toContain('hidden payload');
    const loaded = await PDFDocument.load(clean);
    expect(loaded.getForm().getFields()).toHaveLength(0);
    const signed = await signPdf(clean, { signer: await pki.signer('Sanitized') });
    const file = writeTemp(dir, 'sanitized.pdf', signed);
    expect(qpdfCheck(file).status).toBe(0);
    expect(pdfsig(file, nssDb(dir, pki.root.certificate)).output).toContain('Signature is Valid');
  });

  it('runs inside signPdf with sanitize:true, and refuses on an already signed PDF', async () => {
    const signed = await signPdf(await riskyPdf(), { signer: await pki.signer('Inline'), sanitize: true });
    expect(Buffer.from(signed).toString('latin1')).not.toContain('app.alert');
    await expect(
      signPdf(await signedTwice(pki), {
        signer: await pki.signer('Z'),
        sanitize: true,
      }),
    ).rejects.toThrow(/cannot be sanitized/);
  });
});

describe('PDF made by LibreOffice', () => {
  it('converts a generated .txt with soffice, signs it twice and both signatures stay valid', async () => {
    const src = writeTemp(dir, 'letter.txt', 'SignX acceptance record\n验收记录\nאישור קבלה\n');
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        src,
      ],
      {
        timeout: 120_000,
        stdio: 'ignore',
      },
    );
    let pdf: Uint8Array = readFileSync(join(dir, 'letter.pdf'));
    pdf = await signPdf(pdf, {
      signer: await pki.signer('Lo One'),
      visible: { rect: [300, 40, 200, 80], typedName: 'Lo One' },
    });
    pdf = await signPdf(pdf, { signer: await pki.signer('Lo Two', 'ec') });
    const file = writeTemp(dir, 'letter-signed.pdf', pdf);
    expect(qpdfCheck(file).status).toBe(0);
    expect(
      pdfsig(file, nssDb(scratch(), pki.root.certificate)).output.match(/Signature is Valid/g)?.length,
    ).toBe(2);
    const report = await validate(pdf, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures.map((s) => s.isValid)).toEqual([true, true]);
  }, 180_000);
});
