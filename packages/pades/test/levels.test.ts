import { beforeAll, describe, expect, it } from 'vitest';
import { extendToLta, parseSignedData, signPdf, type Timestamper, validate } from '../src/index.js';
import { extractSignatures, opensslTsVerify, pdfsig, qpdfCheck, writeTemp } from './external-tools.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { createTimestampedWorkspace, emptyCrls, type TestPki } from './test-pki.js';

let pki: TestPki;
let timestamper: Timestamper;
let crlProvider: ReturnType<typeof emptyCrls>;
let dir: string;
let db: string;

beforeAll(async () => {
  ({ pki, dir, db, timestamper } = await createTimestampedWorkspace('SignX Test TSA', { chain: true }));
  crlProvider = emptyCrls(pki);
});

describe('PAdES levels B-T, B-LT and B-LTA', () => {
  it('B-T: the signature time-stamp verifies with openssl ts and the level is B-T', async () => {
    const pdf = await signPdf(await fixture('minimal.pdf'), {
      signer: await pki.signer('Tina T'),
      level: 'B-T',
      timestamper,
    });
    const file = writeTemp(dir, 'bt.pdf', pdf);
    expect(qpdfCheck(file).status).toBe(0);
    expect(pdfsig(file, db).output).toContain('Signature is Valid');
    const [sig] = extractSignatures(pdf);
    const cms = parseSignedData(sig!.cms);
    const token = cms.signerInfo.timestampTokens[0]!;
    expect(opensslTsVerify(dir, token, cms.signerInfo.signature, pki.root.certificate).output).toContain(
      'Verification: OK',
    );
    expect(opensslTsVerify(dir, token, Buffer.from('other data'), pki.root.certificate).output).not.toContain(
      'Verification: OK',
    );
    const report = await validate(pdf, { trustAnchors: [pki.root.certificate], revocation: 'off' });
    expect(report.signatures[0]!.level).toBe('B-T');
    expect(report.signatures[0]!.timestamp?.isValid).toBe(true);
  });

  it('B-T fails loudly when no time-stamp authority answers (never silently B-B)', async () => {
    const broken: Timestamper = { timestamp: async () => Promise.reject(new Error('connection refused')) };
    await expect(
      signPdf(await fixture('minimal.pdf'), {
        signer: await pki.signer('No TSA'),
        level: 'B-T',
        timestamper: broken,
      }),
    ).rejects.toThrow();
  });

  it('B-LT then B-LTA: DSS with CRLs and VRI, document time-stamp verified by openssl, renewal keeps all valid', async () => {
    const signer = await pki.signer('Lena LTA');
    const lt = await signPdf(await fixture('two-pages.pdf'), {
      signer,
      level: 'B-LT',
      timestamper,
      revocation: { crlProvider },
    });
    const ltReport = await validate(lt, { trustAnchors: [pki.root.certificate], revocation: 'embedded' });
    expect(ltReport.hasDss).toBe(true);
    expect(ltReport.signatures[0]!.level).toBe('B-LT');
    const lta = await extendToLta(lt, { timestamper, revocation: { crlProvider } });
    const renewed = await extendToLta(lta, { timestamper, revocation: { crlProvider } });
    const file = writeTemp(dir, 'lta.pdf', renewed);
    expect(qpdfCheck(file).status).toBe(0);
    const block = pdfsig(file, db).output.split(/Signature #\d+:/)[1] ?? '';
    expect(block).toContain('Signature is Valid');
    const docTs = extractSignatures(renewed).filter((s) => s.subFilter === 'ETSI.RFC3161');
    expect(docTs).toHaveLength(2);
    for (const ts of docTs)
      expect(opensslTsVerify(dir, ts.cms, ts.signed, pki.root.certificate).output).toContain(
        'Verification: OK',
      );
    const report = await validate(renewed, { trustAnchors: [pki.root.certificate], revocation: 'embedded' });
    expect(report.signatures.map((s) => s.kind)).toEqual([
      'signature',
      'document-timestamp',
      'document-timestamp',
    ]);
    expect(report.signatures[0]!.level).toBe('B-LTA');
    expect(report.signatures.every((s) => s.isValid)).toBe(true);
  });
});
