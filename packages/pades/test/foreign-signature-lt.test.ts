import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDss,
  createCrl,
  createIssuingCa,
  createRootCa,
  type DssReport,
  extendToLta,
  issueSignerCertificate,
  PdfReader,
  signPdf,
  type Timestamper,
  toPem,
  validate,
} from '../src/index.js';
import { ocspRespond } from '../src/pki/ocsp-responder.js';
import { loopbackServer } from '../src/pki/pki.fixture.js';
import type { CaMaterial } from '../src/pki/pki.types.js';
import { readDss } from '../src/validate/dss-reader.js';
import { pdfsig, qpdfCheck, run, writeTemp } from './external-tools.js';
import { fixture } from './fixtures/pdf-fixtures.js';
import { createTimestampedWorkspace, type TestPki } from './test-pki.js';

/**
 * B-LT/B-LTA on a PDF that already carries a third party's signature: our signature is
 * extended in full; the other signer's validation data is fetched from the responders its
 * certificates name (loopback HTTP here, through the injected fetch) or, when it cannot be had,
 * reported instead of refusing our signature.
 */
let pki: TestPki;
let timestamper: Timestamper;
let dir: string;
let db: string;
let server: Awaited<ReturnType<typeof loopbackServer>>;
let foreignRoot: CaMaterial;
let foreignIssuing: CaMaterial;
let ocspCalls = 0;

beforeAll(async () => {
  ({ pki, dir, db, timestamper } = await createTimestampedWorkspace('SignX Foreign-Test TSA', {
    chain: true,
  }));
  server = await loopbackServer(async (req, body, res) => {
    if (req.url === '/ocsp') {
      ocspCalls += 1;
      res.setHeader('content-type', 'application/ocsp-response');
      res.end(
        await ocspRespond(body, {
          issuer: foreignIssuing.certificate,
          responder: foreignIssuing,
          statusOf: () => ({ status: 'good' }),
        }),
      );
    } else if (req.url === '/root.crl') res.end(await createCrl(foreignRoot, []));
    else res.writeHead(404).end();
  });
  foreignRoot = await createRootCa({ commonName: 'Other Company Root' });
  foreignIssuing = await createIssuingCa(foreignRoot, {
    commonName: 'Other Company CA',
    crlUrl: `${server.url}/root.crl`,
  });
});

afterAll(async () => {
  await server.close();
});

const crlProvider = async (issuer: Uint8Array) => {
  const ca = [pki.root, pki.issuing].find((c) => Buffer.from(c.certificate).equals(Buffer.from(issuer)));
  return ca ? createCrl(ca, []) : undefined;
};

/** A PDF signed by a third party (another CA), with or without OCSP/CRL URLs in its chain. */
async function foreignSigned(
  withUrls: boolean,
  level: 'B-B' | 'B-T',
): Promise<{ pdf: Uint8Array; certificate: Uint8Array }> {
  let ca = foreignIssuing;
  if (!withUrls) {
    // A CA that names no OCSP responder or CRL anywhere: nothing can be fetched.
    const root = await createRootCa({ commonName: 'Offline Root' });
    ca = await createIssuingCa(root, { commonName: 'Offline CA' });
  }
  const issued = await issueSignerCertificate(ca, {
    legalName: withUrls ? 'Third Party Online' : 'Third Party Offline',
    ocspUrl: withUrls ? `${server.url}/ocsp` : undefined,
  });
  const pdf = await signPdf(await fixture('two-pages.pdf'), {
    signer: issued.signer,
    level,
    timestamper,
    fieldName: withUrls ? 'Theirs' : undefined,
  });
  return { pdf, certificate: issued.certificate };
}

describe('B-LT / B-LTA over a third party signature', () => {
  it('fetches the third party revocation data online and brings both signatures to B-LTA', async () => {
    const { pdf: theirs, certificate: signerCert } = await foreignSigned(true, 'B-T');
    const reports: DssReport[] = [];
    ocspCalls = 0;
    const pdf = await signPdf(theirs, {
      signer: await pki.signer('Our Signer'),
      level: 'B-LTA',
      timestamper,
      fieldName: 'Ours',
      revocation: { crlProvider, fetch, onReport: (r) => reports.push(r) },
    });
    expect(ocspCalls).toBeGreaterThan(0);
    expect(reports[0]!.gaps).toEqual([]);
    expect(reports[0]!.extended).toEqual(expect.arrayContaining(['Theirs', 'Ours']));
    const report = await validate(pdf, {
      trustAnchors: [pki.root.certificate, foreignRoot.certificate],
      revocation: 'embedded',
    });
    const byField = Object.fromEntries(report.signatures.map((s) => [s.fieldName, s]));
    expect(byField.Theirs!.level).toBe('B-LTA');
    expect(byField.Theirs!.revocation.status).toBe('good');
    expect(byField.Ours!.level).toBe('B-LTA');
    expect(report.isValid).toBe(true);

    // Independently: qpdf accepts the file, pdfsig verifies every signature, and openssl
    // verifies the OCSP response embedded for the third party's certificate.
    const file = writeTemp(dir, 'foreign-lta.pdf', pdf);
    expect(qpdfCheck(file).status).toBe(0);
    expect(pdfsig(file, db).output.match(/Signature is Valid/g)!.length).toBeGreaterThanOrEqual(2);
    const dss = readDss(new PdfReader(pdf));
    const verified = dss.ocspResponses.map((resp, i) => {
      const respin = writeTemp(dir, `resp${i}.der`, resp);
      return run('openssl', [
        'ocsp',
        '-no_nonce',
        '-respin',
        respin,
        '-issuer',
        writeTemp(dir, 'f-issuer.pem', toPem(foreignIssuing.certificate, 'CERTIFICATE')),
        '-cert',
        writeTemp(dir, 'f-signer.pem', toPem(signerCert, 'CERTIFICATE')),
        '-CAfile',
        writeTemp(dir, 'f-root.pem', toPem(foreignRoot.certificate, 'CERTIFICATE')),
      ]).output;
    });
    expect(
      verified.some((o) => /Response verify OK/.test(o) && /: good/.test(o)),
      verified.join('\n'),
    ).toBe(true);
  });

  it('signs our B-LTA over a third party signature whose status cannot be had, and reports the gap', async () => {
    const { pdf: theirs } = await foreignSigned(false, 'B-B');
    const reports: DssReport[] = [];
    const pdf = await signPdf(theirs, {
      signer: await pki.signer('Our Sealer'),
      level: 'B-LTA',
      timestamper,
      fieldName: 'Seal',
      revocation: { crlProvider, fetch, onReport: (r) => reports.push(r) },
    });
    expect(reports[0]!.extended).toContain('Seal');
    expect(reports[0]!.gaps).toHaveLength(1);
    const gap = reports[0]!.gaps[0]!;
    expect(gap.fieldName).toBe('Signature1');
    expect(gap.subject).toContain('Third Party Offline');
    expect(gap.reasons.join(' ')).toMatch(/names no OCSP responder or CRL distribution point/);
    const report = await validate(pdf, { trustAnchors: [pki.root.certificate], revocation: 'embedded' });
    const byField = Object.fromEntries(report.signatures.map((s) => [s.fieldName, s]));
    expect(byField.Seal!.level).toBe('B-LTA');
    expect(byField.Seal!.isValid).toBe(true);
    // Theirs: no signature time-stamp, no revocation data → honest B-T (time from the document time-stamp).
    expect(byField.Signature1!.level).toBe('B-T');
    expect(byField.Signature1!.levelNotes?.join(' ')).toMatch(/No signature time-stamp/);
    const file = writeTemp(dir, 'foreign-gap.pdf', pdf);
    expect(qpdfCheck(file).status).toBe(0);
    expect(pdfsig(file, db).output).toMatch(/Signature is Valid/);
  });

  it('a third party B-T signature without obtainable status stays B-T after our B-LT', async () => {
    const { pdf: theirs } = await foreignSigned(false, 'B-T');
    const pdf = await signPdf(theirs, {
      signer: await pki.signer('Our LT'),
      level: 'B-LT',
      timestamper,
      fieldName: 'OursLt',
      revocation: { crlProvider },
    });
    const report = await validate(pdf, { trustAnchors: [pki.root.certificate], revocation: 'embedded' });
    const byField = Object.fromEntries(report.signatures.map((s) => [s.fieldName, s]));
    expect(byField.OursLt!.level).toBe('B-LT');
    expect(byField.Signature1!.level).toBe('B-T');
    expect(byField.Signature1!.levelNotes?.join(' ')).toMatch(/no OCSP response or CRL/);
  });

  it('still refuses when our own signature cannot get its validation data', async () => {
    const { pdf: theirs } = await foreignSigned(false, 'B-B');
    await expect(
      signPdf(theirs, { signer: await pki.signer('No CRL'), level: 'B-LT', timestamper, revocation: {} }),
    ).rejects.toMatchObject({ code: 'REVOCATION_UNAVAILABLE' });
  });

  it('addDss / extendToLta without `required` keep refusing incomplete data (all signatures required)', async () => {
    const { pdf: theirs } = await foreignSigned(false, 'B-T');
    await expect(addDss(theirs, { crlProvider })).rejects.toMatchObject({ code: 'REVOCATION_UNAVAILABLE' });
  });

  it('extendToLta with `required` naming our fields seals over a third party signature and reports the gap', async () => {
    const { pdf: theirs } = await foreignSigned(false, 'B-T');
    const sealed = await signPdf(theirs, {
      signer: await pki.signer('Platform Seal'),
      level: 'B-T',
      timestamper,
      fieldName: 'SignX_Platform_Seal',
    });
    const reports: DssReport[] = [];
    const lta = await extendToLta(sealed, {
      timestamper,
      revocation: { crlProvider, required: ['SignX_Platform_Seal'], onReport: (r) => reports.push(r) },
    });
    expect(reports[0]!.extended).toEqual(['SignX_Platform_Seal']);
    expect(reports[0]!.gaps.map((g) => g.fieldName)).toEqual(['Signature1']);
    const report = await validate(lta, { trustAnchors: [pki.root.certificate], revocation: 'embedded' });
    const byField = Object.fromEntries(report.signatures.map((s) => [s.fieldName, s]));
    expect(byField.SignX_Platform_Seal!.level).toBe('B-LTA');
    expect(byField.Signature1!.level).toBe('B-T');
  });
});
