import { beforeAll, describe, expect, it } from 'vitest';
import { addDss, PdfReader, signPdf } from '../src/index.js';
import { IncrementalUpdate } from '../src/pdf/incremental-writer.js';
import { n, PdfDict, type PdfRef } from '../src/pdf/pdf-objects.js';
import { readDss } from '../src/validate/dss-reader.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { createTestPki, emptyCrls, type TestPki } from './test-pki.js';

/** When the DSS counts as written: every revision that changed it, and only those. */
let pki: TestPki;
let withDss: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki();
  const crlProvider = emptyCrls(pki);
  const signed = await signPdf(await fixture('minimal.pdf'), { signer: await pki.signer('Dss Reader') });
  withDss = await addDss(signed, { crlProvider });
});

/** Appends one incremental update made by `edit`; returns the file and the new xref offset. */
function append(pdf: Uint8Array, edit: (upd: IncrementalUpdate, reader: PdfReader) => void) {
  const reader = new PdfReader(pdf);
  const upd = new IncrementalUpdate(reader);
  edit(upd, reader);
  const bytes = upd.write().bytes;
  return { bytes, xref: new PdfReader(bytes).sections[0]!.offset };
}

describe('readDss: the revisions that changed the DSS', () => {
  it('dates a new DSS by its revision', () => {
    const dss = readDss(new PdfReader(withDss));
    const last = new PdfReader(withDss).sections[0]!.offset;
    expect(dss.updates).toEqual([last]);
    expect(dss.addedAt).toBe(last);
  });

  it('a later revision rewriting the catalog around the same DSS is not an update', () => {
    const { bytes } = append(withDss, (upd, reader) =>
      upd.set(reader.rootRef, reader.catalog().clone().set('Lang', n('en'))),
    );
    expect(readDss(new PdfReader(bytes)).updates).toEqual(readDss(new PdfReader(withDss)).updates);
  });

  it('a revision rewriting the DSS dictionary in place (same object number) is an update', () => {
    const { bytes, xref } = append(withDss, (upd, reader) => {
      const ref = reader.catalog().get('DSS') as PdfRef;
      const dss = reader.dict(ref)!.clone();
      const vri = reader.dict(dss.get('VRI'))!.clone().set('0'.repeat(40), new PdfDict());
      upd.set(ref, dss.set('VRI', vri));
    });
    const dss = readDss(new PdfReader(bytes));
    expect(dss.updates).toHaveLength(2);
    expect(dss.addedAt).toBe(xref);
  });

  it('a DSS moved inline into the catalog with more content is an update; unchanged inline copies are not', () => {
    const first = append(withDss, (upd, reader) => {
      const dss = reader.dict(reader.catalog().get('DSS'))!.clone();
      const vri = reader.dict(dss.get('VRI'))!.clone().set('F'.repeat(40), new PdfDict());
      upd.set(reader.rootRef, reader.catalog().clone().set('DSS', dss.set('VRI', vri)));
    });
    const again = append(first.bytes, (upd, reader) =>
      upd.set(reader.rootRef, reader.catalog().clone().set('Lang', n('he'))),
    );
    const dss = readDss(new PdfReader(again.bytes));
    expect(dss.updates).toHaveLength(2);
    expect(dss.addedAt).toBe(first.xref);
    expect(dss.vriKeys.has('F'.repeat(40))).toBe(true);
  });
});
