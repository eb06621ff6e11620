import { beforeAll, describe, expect, it } from 'vitest';
import { PadesError, signPdf, validate } from '../src/index.js';
import { pdfsig, qpdfCheck, writeTemp } from './external-tools.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { createSigningWorkspace, type TestPki } from './test-pki.js';

/**
 * `visible.stamps`: the values a signer filled in elsewhere on the pages, drawn as further
 * widgets of that signer's signature field in the signature's own revision (signing fields,
 * issue 15). Earlier signatures must stay valid and see only allowed changes.
 */
let pki: TestPki;
let dir: string;
let db: string;
beforeAll(async () => {
  ({ pki, dir, db } = await createSigningWorkspace());
});

describe('signatures that also show filled-in fields', () => {
  it('adds the stamps as widgets of the signature field; two signers in a row stay valid everywhere', async () => {
    let pdf: Uint8Array = await fixture('two-pages.pdf');
    pdf = await signPdf(pdf, {
      signer: await pki.signer('Alice Stamps'),
      visible: {
        page: 1,
        rect: [50, 50, 180, 70],
        typedName: 'Alice',
        stamps: [
          { page: 1, rect: [50, 700, 200, 20], text: 'רחוב הרצל 1, 北京 Main St' },
          { page: 2, rect: [50, 600, 14, 14], checked: true },
          { page: 2, rect: [80, 600, 14, 14], checked: false },
        ],
      },
    });
    pdf = await signPdf(pdf, {
      signer: await pki.signer('Bob Stamps'),
      visible: {
        page: 2,
        rect: [300, 50, 180, 70],
        typedName: 'Bob',
        stamps: [{ page: 2, rect: [300, 700, 150, 20], text: 'Yearly' }],
      },
    });
    const report = await validate(pdf, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures.map((s) => s.isValid)).toEqual([true, true]);
    expect(report.signatures[0]!.changes.filter((c) => !c.allowed)).toEqual([]);
    const file = writeTemp(dir, 'stamps.pdf', pdf);
    expect(qpdfCheck(file).status).toBe(0);
    // poppler lists a signature once per widget of its field: each reads as valid.
    const out = pdfsig(file, db).output;
    expect(out).not.toMatch(/Signature is Invalid|not signed/);
    expect(out.match(/Signature is Valid/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a stamp on a page the document does not have', async () => {
    const pdf = await fixture('two-pages.pdf');
    await expect(
      signPdf(pdf, {
        signer: await pki.signer('Carol Stamps'),
        visible: {
          page: 1,
          rect: [50, 50, 180, 70],
          typedName: 'C',
          stamps: [{ page: 9, rect: [1, 1, 10, 10], text: 'x' }],
        },
      }),
    ).rejects.toBeInstanceOf(PadesError);
  });
});
