import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../cms/oids.js';
import { certificatePolicies } from './certificate.builder.js';
import { createRootCa, issueSignerCertificate, issueTsaCertificate } from './certificate-authority.js';
import { checkCertificatePolicy, DEFAULT_CERTIFICATE_POLICY } from './certificate-policy-check.js';
import type { CaMaterial } from './pki.types.js';

/** checkCertificatePolicy: what a signing profile demands of the signer's certificate. */
const QUALIFIED = '0.4.0.194112.1.2';
let ca: CaMaterial;

beforeAll(async () => {
  ca = await createRootCa({ commonName: 'Check Root' });
});

const codes = (r: ReturnType<typeof checkCertificatePolicy>) => r.problems.map((p) => p.code);

describe('checkCertificatePolicy', () => {
  it('passes a P-256 signer certificate with the default policy (seed 002 floor)', async () => {
    const alice = await issueSignerCertificate(ca, { legalName: 'Alice' });
    expect(checkCertificatePolicy(alice.certificate)).toEqual({ ok: true, problems: [] });
    expect(checkCertificatePolicy(alice.certificate, DEFAULT_CERTIFICATE_POLICY, 'SHA-384').ok).toBe(true);
  });

  it('requires listed policy OIDs and EKUs', async () => {
    const plain = await issueSignerCertificate(ca, { legalName: 'Plain' });
    const qualified = await issueSignerCertificate(ca, {
      legalName: 'Q',
      extraExtensions: [certificatePolicies([QUALIFIED])],
    });
    const policy = { policyOids: [QUALIFIED], extendedKeyUsage: [OID.ekuDocumentSigning] };
    const r = checkCertificatePolicy(plain.certificate, policy);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ code: 'POLICY_OID', message: `certificate policies lack ${QUALIFIED}` }]);
    expect(checkCertificatePolicy(qualified.certificate, policy).ok).toBe(true);
  });

  it('rejects a certificate whose key usage cannot sign documents', async () => {
    const tsa = await issueTsaCertificate(ca, { commonName: 'TSA' });
    const r = checkCertificatePolicy(tsa.certificate, {
      keyUsage: ['nonRepudiation'],
      extendedKeyUsage: [OID.ekuDocumentSigning],
    });
    expect(codes(r)).toEqual(['KEY_USAGE', 'EXTENDED_KEY_USAGE']);
    expect(r.problems[0]?.message).toBe('key usage lacks nonRepudiation');
  });

  it('enforces the minimum RSA size and the allowed curves', async () => {
    const rsa = await issueSignerCertificate(ca, { legalName: 'RSA', keyType: 'rsa' });
    expect(checkCertificatePolicy(rsa.certificate).ok).toBe(true);
    const r = checkCertificatePolicy(rsa.certificate, { minRsaBits: 3072 });
    expect(r.problems).toEqual([{ code: 'KEY_STRENGTH', message: 'RSA key of 2048 bits is below 3072' }]);
    const ec = await issueSignerCertificate(ca, { legalName: 'EC' });
    const p384only = checkCertificatePolicy(ec.certificate, { allowedCurves: ['P-384', 'P-521'] });
    expect(p384only.problems[0]?.message).toBe('EC curve prime256v1 is not one of P-384, P-521');
  });

  it('rejects a signing hash outside the allowed set', async () => {
    const alice = await issueSignerCertificate(ca, { legalName: 'Alice' });
    const r = checkCertificatePolicy(alice.certificate, { allowedHashes: ['SHA-384', 'SHA-512'] }, 'SHA-256');
    expect(codes(r)).toEqual(['HASH_ALGORITHM', 'HASH_ALGORITHM']);
    expect(r.problems[1]?.message).toBe('signing hash SHA-256 is not one of SHA-384, SHA-512');
  });
});
