import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfReader, sanitizePdf, signPdf, validate } from '../src/index.js';
import { findPage } from '../src/pdf/page-tree.js';
import { PdfStream } from '../src/pdf/pdf-objects.js';
import { decodeStream } from '../src/pdf/stream-filters.js';
import { nssDb, pdfsig, qpdfCheck, run, scratch, writeTemp } from './external-tools.js';
import { createTestPki, type TestPki } from './test-pki.js';

let pki: TestPki;
let dir: string;

beforeAll(async () => {
  pki = await createTestPki();
  dir = scratch();
});

const CONTENT = [
  '/OC /OC1 BDC BT /F1 12 Tf 20 200 Td (HIDDEN-CLAUSE pay 9999) Tj ET EMC',
  '/OC /OC2 BDC BT /F1 12 Tf 20 150 Td (SHOWN-CLAUSE) Tj ET EMC',
  'BT /F1 12 Tf 20 100 Td (PLAIN-TEXT) Tj ET',
].join('\n');

/** A page with a layer that is off by default (text and a note) and one that is on. */
async function layeredPdf(doc: PDFDocument): Promise<void> {
  const ctx = doc.context;
  const page = doc.addPage([300, 300]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const hidden = ctx.register(ctx.obj({ Type: 'OCG', Name: PDFString.of('Hidden terms') }));
  const shown = ctx.register(ctx.obj({ Type: 'OCG', Name: PDFString.of('Shown terms') }));
  doc.catalog.set(
    PDFName.of('OCProperties'),
    ctx.obj({ OCGs: [hidden, shown], D: { OFF: [hidden], ON: [shown], Order: [hidden, shown] } }),
  );
  page.node.set(
    PDFName.of('Resources'),
    ctx.obj({ Font: { F1: font.ref }, Properties: { OC1: hidden, OC2: shown } }),
  );
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(CONTENT)));
  const note = ctx.obj({
    Type: 'Annot',
    Subtype: 'FreeText',
    Rect: [20, 20, 200, 60],
    Contents: PDFString.of('HIDDEN-NOTE'),
    DA: PDFString.of('/Helv 12 Tf 0 g'),
    OC: hidden,
  });
  page.node.set(PDFName.of('Annots'), ctx.obj([ctx.register(note)]));
}

/** An XFA form beside the AcroForm (uncompressed, so its text is visible in the bytes). */
function addXfa(doc: PDFDocument): void {
  const xfa = doc.context.register(
    doc.context.stream(
      '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template>XFA-SPOOF 9999</template></xdp:xdp>',
    ),
  );
  const acro = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  acro.set(PDFName.of('XFA'), doc.context.obj([PDFString.of('template'), xfa]));
  doc.catalog.set(PDFName.of('NeedsRendering'), doc.context.obj(true));
}

async function riskyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  await layeredPdf(doc);
  doc
    .getForm()
    .createTextField('amount')
    .addToPage(doc.getPage(0), { x: 20, y: 240, width: 120, height: 20 });
  // pdf-lib drops XFA whenever its form API is used, so add it to a freshly loaded copy.
  const reloaded = await PDFDocument.load(await doc.save({ useObjectStreams: false }));
  addXfa(reloaded);
  return reloaded.save({ useObjectStreams: false });
}

function pageText(pdf: Uint8Array): string {
  const reader = new PdfReader(pdf);
  const contents = reader.get(findPage(reader, 0).dict.get('Contents'));
  const streams = (Array.isArray(contents) ? contents : [contents]).map((c) => reader.get(c));
  return streams
    .map((s) => (s instanceof PdfStream ? Buffer.from(decodeStream(s)).toString('latin1') : ''))
    .join('\n');
}

const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

describe('sanitizer: XFA and hidden optional-content layers', () => {
  it('removes the XFA form (and NeedsRendering) but keeps the AcroForm field', async () => {
    const risky = await riskyPdf();
    expect(latin1(risky)).toContain('XFA-SPOOF');
    const clean = sanitizePdf(risky, { hiddenLayers: false });
    expect(latin1(clean)).not.toContain('XFA-SPOOF');
    const reader = new PdfReader(clean);
    expect(reader.dict(reader.catalog().get('AcroForm'))!.has('XFA')).toBe(false);
    expect(reader.catalog().has('NeedsRendering')).toBe(false);
    const field = reader.get(reader.dict(reader.catalog().get('AcroForm'))!.get('Fields'));
    expect(Array.isArray(field) && field.length).toBe(1);
    expect(latin1(sanitizePdf(risky, { xfa: false }))).toContain('XFA-SPOOF');
  });

  it('cuts the off-by-default layer from the page content and drops its annotation', async () => {
    const risky = await riskyPdf();
    expect(pageText(risky)).toContain('HIDDEN-CLAUSE');
    expect(latin1(risky)).toContain('HIDDEN-NOTE');
    const clean = sanitizePdf(risky, { xfa: false });
    const text = pageText(clean);
    expect(text).not.toContain('HIDDEN-CLAUSE');
    expect(text).toContain('SHOWN-CLAUSE');
    expect(text).toContain('PLAIN-TEXT');
    expect(latin1(clean)).not.toContain('HIDDEN-CLAUSE');
    expect(latin1(clean)).not.toContain('HIDDEN-NOTE');
    expect(new PdfReader(clean).catalog().has('OCProperties')).toBe(false);
    const file = writeTemp(dir, 'layers-clean.pdf', clean);
    const drawn = run('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file, '1']).output;
    expect(drawn).toContain('SHOWN-CLAUSE');
    expect(drawn).not.toContain('HIDDEN');
    expect(pageText(sanitizePdf(risky, { hiddenLayers: false }))).toContain('HIDDEN-CLAUSE');
  });

  it('produces a document that signs, passes qpdf and pdfsig, and validates', async () => {
    const clean = sanitizePdf(await riskyPdf());
    let signed = await signPdf(clean, { signer: await pki.signer('After Sanitize') });
    signed = await signPdf(signed, {
      signer: await pki.signer('Second After Sanitize', 'ec'),
      visible: { rect: [150, 20, 140, 60], typedName: 'Second' },
    });
    const file = writeTemp(dir, 'layers-signed.pdf', signed);
    expect(qpdfCheck(file).status).toBe(0);
    expect(pdfsig(file, nssDb(dir, pki.root.certificate)).output.match(/Signature is Valid/g)).toHaveLength(
      2,
    );
    const report = await validate(signed, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures.map((s) => s.isValid)).toEqual([true, true]);
    expect(report.signatures[0]!.changes.filter((c) => !c.allowed)).toEqual([]);
    expect(report.signatures[0]!.nonConformities).toEqual([]);
  });
});
