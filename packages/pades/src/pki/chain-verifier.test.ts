import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../cms/oids.js';
import { parseCertificate } from './certificate.parser.js';
import { verifyChain } from './chain-verifier.js';
import { createCrl } from './crl.service.js';
import { buildOcspRequest } from './ocsp-request.js';
import { type OcspResponderOptions, ocspRespond } from './ocsp-responder.js';
import { createFixturePki, type FixturePki, issueSignerCertificate, loopbackServer } from './pki.fixture.js';
import type { IssuedSigner } from './pki.types.js';
import { RevocationRegistry } from './revocation-registry.js';

let pki: FixturePki;
let other: FixturePki;
let alice: IssuedSigner;
let mallory: IssuedSigner;
const registry = new RevocationRegistry();
const revokedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
let responder: OcspResponderOptions;
let server: Awaited<ReturnType<typeof loopbackServer>>;
let hits = 0;

beforeAll(async () => {
  server = await loopbackServer(async (req, body, res) => {
    hits++;
    if (req.url === '/ocsp') res.end(await ocspRespond(body, responder));
    else if (req.url === '/root.crl') res.end(await createCrl(pki.root, []));
    else res.writeHead(404).end();
  });
  pki = await createFixturePki({ crlUrl: `${server.url}/root.crl` });
  other = await createFixturePki();
  const urls = { ocspUrl: `${server.url}/ocsp` };
  alice = await issueSignerCertificate(pki.issuing, { legalName: 'Alice', ...urls });
  mallory = await issueSignerCertificate(pki.issuing, { legalName: 'Mallory', ...urls });
  registry.revoke(parseCertificate(mallory.certificate).serial, 'keyCompromise', revokedAt);
  responder = {
    issuer: pki.issuing.certificate,
    responder: { certificate: pki.ocsp.certificate, privateKeyPem: pki.ocsp.privateKeyPem },
    statusOf: (s) => registry.statusOf(s),
  };
});
afterAll(() => server.close());

const ocspFor = (c: IssuedSigner) =>
  ocspRespond(buildOcspRequest(c.certificate, pki.issuing.certificate), responder);
const base = () => ({ intermediates: [pki.issuing.certificate], trustAnchors: [pki.root.certificate] });

describe('verifyChain', () => {
  it('validates a good chain with embedded OCSP (leaf) and CRL (issuing CA)', async () => {
    const report = await verifyChain(alice.certificate, {
      ...base(),
      revocation: 'embedded',
      ocspResponses: [await ocspFor(alice)],
      crls: [await createCrl(pki.root, [])],
    });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.isValid && report.isTrusted).toBe(true);
    expect(report.path.map((e) => e.subject)).toEqual([
      'CN=Alice',
      'CN=SignX Test Issuing CA',
      'CN=SignX Test Root, O=SignX 测试',
    ]);
    expect(report.path.map((e) => `${e.revocation.status}/${e.revocation.source}`)).toEqual([
      'good/ocsp',
      'good/crl',
      'not-checked/none',
    ]);
    expect(report.used.certificates).toContainEqual(pki.ocsp.certificate);
  });

  it('reports a revoked certificate as revoked, with its time, when validated after the revocation', async () => {
    const report = await verifyChain(mallory.certificate, {
      ...base(),
      revocation: 'embedded',
      ocspResponses: [await ocspFor(mallory)],
    });
    expect(report.isValid).toBe(false);
    expect(report.problems.map((p) => p.code)).toContain('REVOKED');
    expect(report.path[0]?.revocation).toMatchObject({
      status: 'revoked',
      source: 'ocsp',
      revokedAt,
      reason: 'keyCompromise',
    });
    const before = await verifyChain(mallory.certificate, {
      ...base(),
      at: new Date(revokedAt.getTime() - 1000),
      revocation: 'embedded',
      ocspResponses: [await ocspFor(mallory)],
      crls: [await createCrl(pki.root, [])],
    });
    expect(before.problems).toEqual([]);
    expect(before.path[0]?.revocation.status).toBe('revoked');
  });

  it('finds revocation through a CRL as well', async () => {
    const crl = await createCrl(pki.issuing, registry.entries());
    const report = await verifyChain(mallory.certificate, { ...base(), revocation: 'embedded', crls: [crl] });
    expect(report.path[0]?.revocation).toMatchObject({ status: 'revoked', source: 'crl' });
    expect(report.problems.map((p) => p.code)).toContain('REVOKED');
  });

  it('flags an expired certificate and a not-yet-valid time', async () => {
    const old = await issueSignerCertificate(pki.issuing, {
      legalName: 'Old',
      notBefore: new Date(Date.now() - 3 * 86_400_000),
      validityDays: 1,
    });
    const report = await verifyChain(old.certificate, { ...base(), revocation: 'off' });
    expect(report.problems.map((p) => p.code)).toEqual(['EXPIRED']);
    const early = await verifyChain(alice.certificate, {
      ...base(),
      revocation: 'off',
      at: new Date(Date.now() - 86_400_000),
    });
    expect(early.problems.map((p) => p.code)).toContain('NOT_YET_VALID');
  });

  it('rejects a chain that does not lead to the given trust anchor', async () => {
    const report = await verifyChain(alice.certificate, {
      intermediates: [pki.issuing.certificate],
      trustAnchors: [other.root.certificate],
      revocation: 'off',
    });
    expect(report.isTrusted).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['NO_PATH_TO_TRUST_ANCHOR']);
  });

  it('detects a forged issuer (same name, other key)', async () => {
    const forged = await verifyChain(alice.certificate, {
      ...base(),
      intermediates: [],
      trustAnchors: [pki.root.certificate, other.issuing.certificate],
      revocation: 'off',
    });
    expect(forged.isValid).toBe(false);
  });

  it('warns when revocation cannot be determined, and checks online with the injected fetch', async () => {
    const offline = await verifyChain(alice.certificate, { ...base(), revocation: 'embedded' });
    expect(offline.isValid).toBe(true);
    expect(offline.warnings.map((w) => w.code)).toEqual(['REVOCATION_UNKNOWN', 'REVOCATION_UNKNOWN']);
    hits = 0;
    const online = await verifyChain(mallory.certificate, { ...base(), revocation: 'online', fetch });
    expect(hits).toBe(2);
    expect(online.path[0]?.revocation).toMatchObject({ status: 'revoked', source: 'ocsp', online: true });
    expect(online.path[1]?.revocation).toMatchObject({ status: 'good', source: 'crl', online: true });
    expect(online.used.ocspResponses).toHaveLength(1);
    expect(online.used.crls).toHaveLength(1);
  });

  it('enforces a required EKU (a signer certificate is no TSA)', async () => {
    const tsa = await verifyChain(pki.tsa.certificate, {
      ...base(),
      revocation: 'off',
      requiredEku: OID.ekuTimeStamping,
    });
    expect(tsa.problems).toEqual([]);
    const notTsa = await verifyChain(alice.certificate, {
      ...base(),
      revocation: 'off',
      requiredEku: OID.ekuTimeStamping,
    });
    expect(notTsa.problems.map((p) => p.code)).toEqual(['EXTENDED_KEY_USAGE']);
  });
});
