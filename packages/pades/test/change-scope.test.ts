import { PDFDocument, PDFName, PDFRef, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDss, createCrl, signPdf, validate } from '../src/index.js';
import { IncrementalUpdate } from '../src/pdf/incremental-writer.js';
import { findPage } from '../src/pdf/page-tree.js';
import { PdfDict, PdfRef, PdfStream } from '../src/pdf/pdf-objects.js';
import { PdfReader } from '../src/pdf/pdf-reader.js';
import { changeScope } from '../src/validate/change-scope.js';
import { createTestPki, type TestPki } from './test-pki.js';

let pki: TestPki;
let signedWithDss: Uint8Array;
let signedEnd: number;

async function manyPages(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i += 1)
    doc.addPage([300, 300]).drawText(`page ${i + 1}`, { x: 20, y: 250, font });
  return doc.save({ useObjectStreams: false });
}

/** Appends a revision that rewrites page `index`'s content stream in place. */
function rewritePageContent(pdf: Uint8Array, index: number): Uint8Array {
  const reader = new PdfReader(pdf);
  const page = findPage(reader, index);
  const contents = reader.dict(page.ref)!.get('Contents');
  const ref = Array.isArray(contents) ? contents[0] : contents;
  if (!(ref instanceof PdfRef)) throw new Error('page has no content stream reference');
  const upd = new IncrementalUpdate(reader);
  upd.set(ref, new PdfStream(new PdfDict(), Buffer.from('BT /F1 40 Tf 20 150 Td (PAID) Tj ET')));
  return upd.write().bytes;
}

const trust = () => ({ trustAnchors: [pki.root.certificate], revocation: 'off' as const });

beforeAll(async () => {
  pki = await createTestPki();
  const signed = await signPdf(await manyPages(300), { signer: await pki.signer('Scope One') });
  signedEnd = signed.length;
  const crls = new Map<string, Uint8Array>([
    [Buffer.from(pki.root.certificate).toString('hex'), await createCrl(pki.root, [])],
    [Buffer.from(pki.issuing.certificate).toString('hex'), await createCrl(pki.issuing, [])],
  ]);
  signedWithDss = await addDss(signed, {
    crlProvider: async (issuer) => crls.get(Buffer.from(issuer).toString('hex')),
  });
});

describe('change classification reads only what later revisions wrote', () => {
  it('scopes the analysis to the objects of the later xref sections', () => {
    const reader = new PdfReader(signedWithDss);
    const scope = changeScope(reader, signedEnd);
    const later = reader.sections.filter((s) => s.offset >= signedEnd);
    const written = new Set(later.flatMap((s) => [...s.entries.keys()]));
    expect(scope.changed.length).toBeGreaterThan(0);
    expect(scope.changed.every((num) => written.has(num))).toBe(true);
    expect(scope.changed.length).toBeLessThan(20);
    const dss = reader.catalog().get('DSS');
    expect(dss).toBeInstanceOf(PdfRef);
    expect(scope.dss.has((dss as PdfRef).num)).toBe(true);
  });

  it('allows a later DSS revision and a second signature on a 300-page file', async () => {
    const twice = await signPdf(signedWithDss, { signer: await pki.signer('Scope Two', 'ec') });
    const report = await validate(twice, trust());
    expect(report.signatures.map((s) => s.isValid)).toEqual([true, true]);
    const kinds = new Set(report.signatures[0]!.changes.map((c) => c.kind));
    expect(kinds).toContain('dss');
    expect(kinds).toContain('signature');
    expect(report.signatures[0]!.changes.filter((c) => !c.allowed)).toEqual([]);
  });

  it('flags a page-content change deep in the file made after the DSS revision', async () => {
    const tampered = rewritePageContent(signedWithDss, 250);
    const report = await validate(tampered, trust());
    const flagged = report.signatures[0]!.changes.filter((c) => !c.allowed);
    expect(flagged.map((c) => c.kind)).toEqual(['page-content']);
    expect(report.signatures[0]!.isValid).toBe(false);
  });

  it('flags an object defined later that the signed page referred to while it did not exist', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 300]);
    page.drawText('Amount: 100', { x: 20, y: 250 });
    const contents = page.node.get(PDFName.of('Contents'));
    page.node.set(PDFName.of('Contents'), doc.context.obj([contents, PDFRef.of(900)]));
    const signed = await signPdf(await doc.save({ useObjectStreams: false }), {
      signer: await pki.signer('Placeholder Victim'),
    });
    expect((await validate(signed, trust())).signatures[0]!.isValid).toBe(true);
    const upd = new IncrementalUpdate(new PdfReader(signed));
    upd.set(
      new PdfRef(900, 0),
      new PdfStream(new PdfDict(), Buffer.from('BT /F1 30 Tf 20 150 Td (PAID) Tj ET')),
    );
    const report = await validate(upd.write().bytes, trust());
    const flagged = report.signatures[0]!.changes.filter((c) => !c.allowed);
    expect(flagged.map((c) => [c.object, c.kind])).toEqual([[900, 'other']]);
    expect(report.signatures[0]!.isValid).toBe(false);
  });

  it('flags a page dictionary that points at new content', async () => {
    const reader = new PdfReader(signedWithDss);
    const page = findPage(reader, 120);
    const upd = new IncrementalUpdate(reader);
    const content = upd.add(new PdfStream(new PdfDict(), Buffer.from('0 0 300 300 re f')));
    const copy = reader.dict(page.ref)!.clone();
    copy.set('Contents', content);
    upd.set(page.ref, copy);
    const report = await validate(upd.write().bytes, trust());
    const flagged = report.signatures[0]!.changes.filter((c) => !c.allowed);
    expect(flagged.some((c) => c.kind === 'page-content' && c.detail.includes('Contents'))).toBe(true);
    expect(report.signatures[0]!.isValid).toBe(false);
  });
});
