import { describe, expect, it } from 'vitest';
import { isPadesError, PdfReader, signPdf, validate } from '../src/index.js';
import type { PdfObject, PdfString } from '../src/pdf/pdf-objects.js';
import { EMPTY_FIELD, fixture, SIGNABLE_FIXTURES } from './fixtures/pdf-fixtures.js';
import { createTestPki } from './test-pki.js';

const text = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');

describe('the generated PDF fixtures have the structure their names promise', () => {
  it('classic, object-stream, hybrid, linearized and incremental layouts', async () => {
    const classic = new PdfReader(await fixture('minimal.pdf'));
    expect(classic.sections.map((s) => s.kind)).toEqual(['table']);
    const streams = await fixture('object-streams.pdf');
    expect(new PdfReader(streams).sections[0]?.kind).toBe('stream');
    expect(text(streams)).toContain('/Type /ObjStm');
    const hybrid = await fixture('hybrid-xref.pdf');
    const hybridReader = new PdfReader(hybrid);
    expect(hybridReader.trailer.has('XRefStm')).toBe(true);
    // The Info dictionary is reachable only through the hybrid part (the table marks it free).
    expect(text(hybrid)).toMatch(/6 0 obj[\s\S]*\/Type \/ObjStm|\/Type \/ObjStm/);
    expect(hybridReader.dict(hybridReader.trailer.get('Info'))?.get('Producer')).toBeDefined();
    const linear = await fixture('linearized.pdf');
    expect(text(linear).slice(0, 200)).toContain('/Linearized 1');
    expect(new PdfReader(linear).sections).toHaveLength(2);
    expect(new PdfReader(await fixture('incremental-update.pdf')).sections).toHaveLength(2);
  });

  it('form fixtures carry the fields the signing tests use', async () => {
    const names = async (name: Parameters<typeof fixture>[0]) => {
      const reader = new PdfReader(await fixture(name));
      const acro = reader.dict(reader.catalog().get('AcroForm'));
      const fields = (reader.get(acro?.get('Fields')) as PdfObject[] | undefined) ?? [];
      return fields.map((f) => (reader.dict(f)?.get('T') as PdfString | undefined)?.text);
    };
    expect(await names('with-field.pdf')).toEqual(['Sig1']);
    expect(await names('two-fields.pdf')).toEqual(['Sig1', 'Sig2']);
    expect(await names('simple-form.pdf')).toEqual(['TextField1', 'Check1', 'Sig1']);
  });
});

describe('every signable fixture signs (B-B) and validates with our validator', () => {
  const pki = createTestPki();
  for (const name of SIGNABLE_FIXTURES) {
    it(name, async () => {
      const ours = await pki;
      const signed = await signPdf(await fixture(name), {
        signer: await ours.signer('Fixture Signer'),
        fieldName: EMPTY_FIELD[name],
      });
      const report = await validate(signed, { trustAnchors: [ours.root.certificate], revocation: 'off' });
      const last = report.signatures.at(-1);
      expect(last?.isValid).toBe(true);
      expect(last?.level).toBe('B-B');
      expect(last?.coverage.coversWholeFile).toBe(true);
    });
  }

  it('the encrypted fixture is refused with ENCRYPTED', async () => {
    const error = await signPdf(await fixture('encrypted-rc4.pdf'), {
      signer: await (await pki).signer('X'),
    }).catch((e: unknown) => e);
    expect(isPadesError(error) && error.code).toBe('ENCRYPTED');
  });
});
