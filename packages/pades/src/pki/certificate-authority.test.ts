import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../cms/oids.js';
import { parseCertificate } from './certificate.parser.js';
import { issueSignerCertificate } from './certificate-authority.js';
import { hasKeyUsage, KEY_USAGE } from './certificate-extensions.parser.js';
import { createFixturePki, type FixturePki, openssl, scratch } from './pki.fixture.js';
import { createPlatformTrustServices } from './trust-services.js';

let pki: FixturePki;
const tmp = scratch();

beforeAll(async () => {
  pki = await createFixturePki();
});

const text = (der: Uint8Array) =>
  openssl(['x509', '-inform', 'DER', '-noout', '-text', '-nameopt', 'utf8'], der).out;

describe('platform CA', () => {
  it('issues a signer certificate openssl reads with the required key usages and a UTF-8 Chinese name', async () => {
    const s = await issueSignerCertificate(pki.issuing, {
      legalName: '王小明',
      email: 'wang@example.cn',
      organization: '示例有限公司',
      ocspUrl: 'http://ocsp.example/',
      crlUrl: 'http://crl.example/ca.crl',
    });
    const out = text(s.certificate);
    expect(out).toContain('Subject: O=示例有限公司, CN=王小明');
    expect(out).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    expect(out).toMatch(/Extended Key Usage:\s+E-mail Protection, 1\.3\.6\.1\.5\.5\.7\.3\.36/);
    expect(out).toContain('email:wang@example.cn');
    expect(out).toContain('OCSP - URI:http://ocsp.example/');
    expect(out).toContain('URI:http://crl.example/ca.crl');
    expect(out).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
  });

  it('builds a chain openssl verifies, for both key families', async () => {
    const root = tmp.pem('root.pem', pki.root.certificate);
    const ica = tmp.pem('ica.pem', pki.issuing.certificate);
    for (const keyType of ['rsa', 'ec'] as const) {
      const s = await issueSignerCertificate(pki.issuing, { legalName: `chain ${keyType}`, keyType });
      const ee = tmp.pem(`ee-${keyType}.pem`, s.certificate);
      const r = openssl(['verify', '-CAfile', root, '-untrusted', ica, '-purpose', 'smimesign', ee]);
      expect(r.out).toContain(': OK');
      expect(s.chain.map((c) => Buffer.from(c).toString('hex'))).toEqual(
        [pki.issuing.certificate, pki.root.certificate].map((c) => Buffer.from(c).toString('hex')),
      );
    }
  });

  it('marks CAs with keyCertSign/cRLSign and a path length, as @peculiar/x509 reads them', () => {
    const cert = new x509.X509Certificate(pki.issuing.certificate);
    const bc = cert.getExtension(x509.BasicConstraintsExtension);
    expect(bc?.ca).toBe(true);
    expect(bc?.pathLength).toBe(0);
    const ku = cert.getExtension(x509.KeyUsagesExtension);
    expect(ku?.usages).toBe(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign);
    expect(cert.issuer).toContain('CN=SignX Test Root');
    const parsed = parseCertificate(pki.issuing.certificate);
    expect(parsed.isCa).toBe(true);
    expect(parsed.pathLength).toBe(0);
    expect(hasKeyUsage(parsed.keyUsage ?? 0, KEY_USAGE.keyCertSign)).toBe(true);
    expect(hasKeyUsage(parsed.keyUsage ?? 0, KEY_USAGE.digitalSignature)).toBe(false);
  });

  it('gives the TSA a critical timeStamping EKU and the OCSP responder OCSPSigning + nocheck', () => {
    expect(text(pki.tsa.certificate)).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
    const ocsp = text(pki.ocsp.certificate);
    expect(ocsp).toMatch(/Extended Key Usage:\s+OCSP Signing/);
    expect(ocsp).toContain('OCSP No Check');
    expect(parseCertificate(pki.ocsp.certificate).hasOcspNoCheck).toBe(true);
    expect(parseCertificate(pki.tsa.certificate).extendedKeyUsage).toEqual([OID.ekuTimeStamping]);
  });

  it('creates the whole platform trust setup in one call', async () => {
    const t = await createPlatformTrustServices({ organization: 'Acme', keyType: 'ec' });
    expect(parseCertificate(t.root.certificate).subject).toBe('CN=Acme Root CA, O=Acme');
    expect(parseCertificate(t.tsaCertificate.certificate).issuer).toBe('CN=Acme Issuing CA, O=Acme');
    const resp = await t.tsa.issueToken(new Uint8Array(32), 'SHA-256');
    expect(resp.length).toBeGreaterThan(500);
  });
});
