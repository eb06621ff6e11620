import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDocumentTimestamp, extendToLta, signPdf, type Timestamper, validate } from '../src/index.js';
import { extractSignatures, pdfsig, qpdfCheck, run, writeTemp } from './external-tools.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { createTimestampedWorkspace, emptyCrls, type TestPki } from './test-pki.js';

/**
 * Levels when the Document Security Store is written more than once (re-signing a document
 * that has a DSS) and when a signature without its own time-stamp is covered by a later DSS
 * and document time-stamp. Both disagreed with pyHanko before; qpdf and openssl confirm the
 * facts the levels rest on.
 */
let pki: TestPki;
let timestamper: Timestamper;
let crlProvider: ReturnType<typeof emptyCrls>;
let dir: string;
let db: string;

beforeAll(async () => {
  ({ pki, dir, db, timestamper } = await createTimestampedWorkspace('SignX Level TSA', { chain: true }));
  crlProvider = emptyCrls(pki);
});

const check = (pdf: Uint8Array) =>
  validate(pdf, { trustAnchors: [pki.root.certificate], revocation: 'embedded' });

/** VRI keys of the DSS as qpdf reads the file cut at `end` (one revision of it). */
function qpdfVriKeys(pdf: Uint8Array, end: number, name: string): string[] {
  const file = writeTemp(dir, name, pdf.subarray(0, end));
  const r = run('qpdf', ['--json=2', '--json-key=qpdf', file]);
  expect(r.status, r.output).toBe(0);
  const objects = (JSON.parse(r.output) as { qpdf: [unknown, Record<string, { value?: unknown }>] }).qpdf[1];
  const resolve = (v: unknown): Record<string, unknown> | undefined => {
    const target = typeof v === 'string' && / R$/.test(v) ? objects[`obj:${v}`]?.value : v;
    return target && typeof target === 'object' ? (target as Record<string, unknown>) : undefined;
  };
  const catalog = resolve(resolve(objects.trailer?.value)?.['/Root']);
  const vri = resolve(resolve(catalog?.['/DSS'])?.['/VRI']);
  return Object.keys(vri ?? {}).map((k) => k.slice(1).toUpperCase());
}

/** The VRI key of a signature: upper-case SHA-1 of its /Contents bytes (zero padding included). */
function vriKeyOf(pdf: Uint8Array, index: number): string {
  const ranges = [
    ...Buffer.from(pdf)
      .toString('latin1')
      .matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)/g),
  ]
    .map((m) => m.slice(1).map(Number))
    .sort((a, b) => a[2]! + a[3]! - (b[2]! + b[3]!));
  const [, b, c] = ranges[index]!;
  const hex = Buffer.from(pdf.subarray(b! + 1, c! - 1)).toString('latin1');
  return createHash('sha1').update(Buffer.from(hex, 'hex')).digest('hex').toUpperCase();
}

describe('the DSS is dated by the revision that last changed it', () => {
  it('a second B-LT signature on a document that already has a DSS is B-LT, not B-T', async () => {
    let pdf = await signPdf(await fixture('two-pages.pdf'), {
      signer: await pki.signer('First LT'),
      level: 'B-LT',
      timestamper,
      revocation: { crlProvider },
    });
    const afterFirst = pdf.length;
    pdf = await signPdf(pdf, {
      signer: await pki.signer('Second LT', 'ec'),
      level: 'B-LT',
      timestamper,
      revocation: { crlProvider },
    });
    const report = await check(pdf);
    expect(report.signatures.map((s) => s.level)).toEqual(['B-LT', 'B-LT']);
    expect(report.signatures.every((s) => s.isValid)).toBe(true);
    // qpdf, independently: the first DSS knew only the first signature; the DSS as the file
    // ends also holds the second one's VRI entry, so it was updated after the second signature.
    const second = vriKeyOf(pdf, 1);
    expect(qpdfVriKeys(pdf, afterFirst, 'first-revs.pdf')).not.toContain(second);
    expect(qpdfVriKeys(pdf, pdf.length, 'all-revs.pdf')).toContain(second);
    expect(qpdfVriKeys(pdf, pdf.length, 'all-revs.pdf')).toContain(vriKeyOf(pdf, 0));
    const file = writeTemp(dir, 'lt-twice.pdf', pdf);
    expect(qpdfCheck(file).status).toBe(0);
    expect(pdfsig(file, db).output.match(/Signature is Valid/g)).toHaveLength(2);
  });

  it('a second B-LTA signature is B-LTA and the first stays B-LTA', async () => {
    let pdf = await signPdf(await fixture('minimal.pdf'), {
      signer: await pki.signer('First LTA'),
      level: 'B-LTA',
      timestamper,
      revocation: { crlProvider },
    });
    pdf = await signPdf(pdf, {
      signer: await pki.signer('Second LTA'),
      level: 'B-LTA',
      timestamper,
      revocation: { crlProvider },
    });
    const report = await check(pdf);
    expect(report.signatures.map((s) => [s.kind, s.level])).toEqual([
      ['signature', 'B-LTA'],
      ['document-timestamp', 'none'],
      ['signature', 'B-LTA'],
      ['document-timestamp', 'none'],
    ]);
    expect(report.isValid).toBe(true);
  });

  it('a DSS written before a signature does not make that signature B-LT', async () => {
    let pdf = await signPdf(await fixture('minimal.pdf'), {
      signer: await pki.signer('Early LT'),
      level: 'B-LT',
      timestamper,
      revocation: { crlProvider },
    });
    pdf = await signPdf(pdf, { signer: await pki.signer('Late T'), level: 'B-T', timestamper });
    const report = await check(pdf);
    expect(report.signatures.map((s) => s.level)).toEqual(['B-LT', 'B-T']);
  });
});

describe('a signature without its own time-stamp is never B-LT or B-LTA', () => {
  it('B-B covered by a later DSS and document time-stamp is reported B-T, with the reason', async () => {
    const bb = await signPdf(await fixture('two-pages.pdf'), { signer: await pki.signer('Plain BB') });
    const pdf = await extendToLta(bb, { timestamper, revocation: { crlProvider } });
    const report = await check(pdf);
    const [sig, docTs] = report.signatures;
    expect(docTs!.kind).toBe('document-timestamp');
    expect(sig!.timestamp).toBeUndefined();
    expect(sig!.level).toBe('B-T');
    expect(sig!.levelNotes?.join(' ')).toMatch(/No signature time-stamp/);
    expect(sig!.levelNotes?.join(' ')).toMatch(/do not make it B-LT or B-LTA/);
    expect(sig!.isValid).toBe(true);
    // openssl, independently: the signer info has no unsigned time-stamp attribute
    // (id-aa-signatureTimeStampToken, 1.2.840.113549.1.9.16.2.14), the reason pyHanko's
    // pades-lta profile refuses this signature.
    const cms = writeTemp(dir, 'bb.cms', extractSignatures(pdf)[0]!.cms);
    const printed = run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cms]);
    expect(printed.status).toBe(0);
    expect(printed.output).toMatch(/signerInfos/);
    expect(printed.output).not.toMatch(/id-smime-aa-timeStampToken|1\.2\.840\.113549\.1\.9\.16\.2\.14/);
    // A signature made with its own time-stamp in the same way reaches B-LTA.
    const bt = await signPdf(await fixture('two-pages.pdf'), {
      signer: await pki.signer('Stamped BT'),
      level: 'B-T',
      timestamper,
    });
    const btCms = writeTemp(dir, 'bt.cms', extractSignatures(bt)[0]!.cms);
    expect(run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', btCms]).output).toMatch(
      /id-smime-aa-timeStampToken/,
    );
    const ltaReport = await check(await extendToLta(bt, { timestamper, revocation: { crlProvider } }));
    expect(ltaReport.signatures[0]!.level).toBe('B-LTA');
    expect(ltaReport.signatures[0]!.levelNotes).toBeUndefined();
  });

  it('B-B with a document time-stamp and no DSS is B-T (the time-stamp proves the time)', async () => {
    const bb = await signPdf(await fixture('minimal.pdf'), { signer: await pki.signer('BB DocTs') });
    const report = await check(await addDocumentTimestamp(bb, { timestamper }));
    expect(report.signatures[0]!.level).toBe('B-T');
    expect(report.signatures[0]!.levelNotes?.join(' ')).toMatch(/No signature time-stamp/);
  });
});
