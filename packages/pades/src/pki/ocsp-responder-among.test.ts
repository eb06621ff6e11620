import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from './certificate.parser.js';
import { createIssuingCa, issueOcspResponderCertificate } from './certificate-authority.js';
import { buildOcspRequest } from './ocsp-request.js';
import { type OcspAuthority, ocspRespondAmong } from './ocsp-responder.js';
import { findSingleResponse, ocspSigner, parseOcspResponse } from './ocsp-response.parser.js';
import { createFixturePki, type FixturePki, issueSignerCertificate } from './pki.fixture.js';
import type { IssuedSigner } from './pki.types.js';
import { RevocationRegistry } from './revocation-registry.js';

// Two generations of one issuing CA: same subject name under the same root, different keys,
// so only the issuerKeyHash of a CertID tells them apart.
let pki: FixturePki;
let authorities: OcspAuthority[];
let oldCert: IssuedSigner;
let newCert: IssuedSigner;
const registry = new RevocationRegistry();
const revokedAt = new Date(Date.UTC(2026, 11, 7, 9, 0, 0));

beforeAll(async () => {
  pki = await createFixturePki();
  const next = await createIssuingCa(pki.root, { commonName: 'SignX Test Issuing CA' });
  const nextOcsp = await issueOcspResponderCertificate(next, { commonName: 'SignX Test OCSP' });
  expect(parseCertificate(next.certificate).subject).toBe(parseCertificate(pki.issuing.certificate).subject);
  authorities = [
    { issuer: next.certificate, responder: nextOcsp },
    { issuer: pki.issuing.certificate, responder: pki.ocsp },
  ];
  oldCert = await issueSignerCertificate(pki.issuing, { legalName: 'Old Generation' });
  newCert = await issueSignerCertificate(next, { legalName: 'New Generation' });
});

const statusOf = (serial: string) => registry.statusOf(serial);

async function answer(cert: Uint8Array, issuer: Uint8Array) {
  const r = parseOcspResponse(
    await ocspRespondAmong(buildOcspRequest(cert, issuer), authorities, { statusOf }),
  );
  const ca = parseCertificate(issuer);
  return { r, signer: ocspSigner(r, ca), single: findSingleResponse(r, parseCertificate(cert), ca) };
}

describe('ocspRespondAmong: one responder for several CA generations', () => {
  it('answers each certificate through the responder of the CA that issued it', async () => {
    const [current, retired] = authorities as [OcspAuthority, OcspAuthority];
    for (const [cert, ca] of [
      [oldCert.certificate, retired],
      [newCert.certificate, current],
    ] as const) {
      const { r, signer, single } = await answer(cert, ca.issuer);
      expect(r.status).toBe(0);
      expect(signer?.der).toEqual(parseCertificate(ca.responder.certificate).der);
      expect(single?.status).toEqual({ status: 'good' });
    }
  });

  it('reports a revocation of an old-generation certificate with its time and reason', async () => {
    registry.revoke(parseCertificate(oldCert.certificate).serial, 'superseded', revokedAt);
    const { single } = await answer(oldCert.certificate, pki.issuing.certificate);
    expect(single?.status).toEqual({ status: 'revoked', revokedAt, reason: 'superseded' });
  });

  it('answers unauthorized for an issuer it does not serve, malformedRequest for garbage', async () => {
    const { r } = await answer(pki.issuing.certificate, pki.root.certificate);
    expect(r.status).toBe(6);
    expect(r.responses).toEqual([]);
    const bad = await ocspRespondAmong(Buffer.from('not der'), authorities, { statusOf });
    expect(parseOcspResponse(bad).status).toBe(1);
  });
});
