import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PadesError } from '../errors.js';
import {
  createFixturePki,
  type FixturePki,
  issueSignerCertificate,
  openssl,
  scratch,
} from '../pki/pki.fixture.js';
import type { Signer } from '../pki/signer.js';
import { OID } from './oids.js';
import {
  assembleSignedData,
  buildPadesSignedData,
  estimateSignedDataSize,
  signedAttributes,
  signerParts,
} from './signed-data.builder.js';
import { parseSignedData } from './signed-data.parser.js';
import { signedDataHash, verifySignedData } from './signed-data.verifier.js';

let pki: FixturePki;
const tmp = scratch();
const data = Buffer.from('%PDF-1.7 pretend these are the signed byte ranges\n');
const digestOf = (s: Signer) => createHash(s.hash.replace('-', '').toLowerCase()).update(data).digest();

const variants = [
  { name: 'RSA PKCS#1 v1.5 SHA-256', o: { keyType: 'rsa' as const } },
  { name: 'RSA-PSS SHA-256', o: { keyType: 'rsa' as const, rsaPadding: 'pss' as const } },
  { name: 'RSA-3072 SHA-512', o: { keyType: 'rsa' as const, rsaBits: 3072, hash: 'SHA-512' as const } },
  { name: 'ECDSA P-256', o: { keyType: 'ec' as const } },
  { name: 'ECDSA P-384', o: { keyType: 'ec' as const, curve: 'P-384' as const } },
];
const signers = new Map<string, Signer>();

function opensslVerify(cms: Uint8Array, content: Uint8Array = data) {
  return openssl([
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    tmp.write('sig.p7s', cms),
    '-content',
    tmp.write('content.bin', content),
    '-CAfile',
    tmp.pem('root.pem', pki.root.certificate),
    '-purpose',
    'any',
    '-out',
    '/dev/null',
  ]);
}

beforeAll(async () => {
  pki = await createFixturePki();
  for (const v of variants) {
    signers.set(
      v.name,
      (await issueSignerCertificate(pki.issuing, { legalName: `李雷 ${v.name}`, ...v.o })).signer,
    );
  }
});

describe('buildPadesSignedData', () => {
  for (const v of variants) {
    it(`${v.name}: openssl cms -verify accepts it and so do we`, async () => {
      const signer = signers.get(v.name) as Signer;
      const cms = await buildPadesSignedData({ signer, documentDigest: digestOf(signer) });
      const r = opensslVerify(cms);
      expect(r.out).toContain('Verification successful');
      const result = await verifySignedData(cms, (h) =>
        createHash(h.replace('-', '').toLowerCase()).update(data).digest(),
      );
      expect(result.problems).toEqual([]);
      expect(result.isValid).toBe(true);
      expect(result.signingCertificate).toBe('v2');
      expect(result.nonConformities).toEqual([]);
      expect(cms.length).toBeLessThanOrEqual(estimateSignedDataSize(signer, false));
      expect(signedDataHash(cms)).toBe(signer.hash);
    });
  }

  it('has exactly content-type, message-digest and signing-certificate-v2, detached, no signing-time', async () => {
    const signer = signers.get('ECDSA P-256') as Signer;
    const parsed = parseSignedData(await buildPadesSignedData({ signer, documentDigest: digestOf(signer) }));
    expect([...parsed.signedAttributeOids].sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
    );
    expect(parsed.hasEmbeddedContent).toBe(false);
    expect(parsed.signerInfo.signingTime).toBeUndefined();
    const ess = parsed.signerInfo.signingCertificateV2?.[0];
    expect(ess?.hash).toBe('SHA-256');
    expect(Buffer.from(ess?.certHash ?? []).toString('hex')).toBe(
      createHash('sha256').update(signer.certificate).digest('hex'),
    );
    expect(ess?.issuerSerial?.serial).toBeTruthy();
    expect(parsed.certificates).toHaveLength(3);
  });

  it('is verified by pkijs as an independent implementation', async () => {
    pkijs.setEngine(
      'node',
      new pkijs.CryptoEngine({
        name: 'node',
        crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'],
      }),
    );
    const signer = signers.get('RSA PKCS#1 v1.5 SHA-256') as Signer;
    const cms = await buildPadesSignedData({ signer, documentDigest: digestOf(signer) });
    const ci = pkijs.ContentInfo.fromBER(cms);
    const sd = new pkijs.SignedData({ schema: ci.content });
    const ok = await sd.verify({ signer: 0, data: new Uint8Array(data).buffer, checkChain: false });
    expect(ok).toBe(true);
    expect(asn1js.fromBER(cms).offset).toBe(cms.length);
  });
});

describe('verifySignedData negative cases', () => {
  it('fails on a wrong digest (both we and openssl)', async () => {
    const signer = signers.get('RSA PKCS#1 v1.5 SHA-256') as Signer;
    const cms = await buildPadesSignedData({ signer, documentDigest: digestOf(signer) });
    const other = Buffer.from(data);
    other[3] = 0x41;
    const r = await verifySignedData(cms, createHash('sha256').update(other).digest());
    expect(r.isValid).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['DIGEST_MISMATCH']);
    expect(opensslVerify(cms, other).out).not.toContain('Verification successful');
  });

  it('fails when one byte of the signature value or of the signed attributes is flipped', async () => {
    for (const name of ['RSA-PSS SHA-256', 'ECDSA P-256']) {
      const signer = signers.get(name) as Signer;
      const cms = await buildPadesSignedData({ signer, documentDigest: digestOf(signer) });
      const sig = parseSignedData(cms).signerInfo.signature;
      const at = Buffer.from(cms).indexOf(Buffer.from(sig)) + 10;
      const flipped = Uint8Array.from(cms);
      flipped[at] = (flipped[at] as number) ^ 0x01;
      const r = await verifySignedData(flipped, digestOf(signer));
      expect(r.isValid).toBe(false);
      expect(r.signatureValid).toBe(false);
      expect(opensslVerify(flipped).out).not.toContain('Verification successful');
    }
  });

  it('reports a CMS made by openssl with signing-time as non-conformant yet cryptographically valid', async () => {
    const s = await issueSignerCertificate(pki.issuing, { legalName: 'Interop', keyType: 'rsa' });
    const args = ['cms', '-sign', '-binary', '-outform', 'DER', '-in', tmp.write('d.bin', data)];
    const signerFiles = [
      '-signer',
      tmp.pem('s.pem', s.certificate),
      '-inkey',
      tmp.write('s.key', s.privateKeyPem),
    ];
    const plain = openssl([...args, ...signerFiles]).stdout;
    const r = await verifySignedData(plain, createHash('sha256').update(data).digest());
    expect(r.isValid).toBe(true);
    expect(r.hasSigningTime).toBe(true);
    expect(r.nonConformities.map((p) => p.code).sort()).toEqual([
      'SIGNING_CERTIFICATE_MISSING',
      'SIGNING_TIME_PRESENT',
    ]);
    const cades = openssl([...args, ...signerFiles, '-cades']).stdout;
    const rc = await verifySignedData(cades, createHash('sha256').update(data).digest());
    expect(rc.signingCertificate).toBe('v2');
    expect(rc.signingCertificateBound).toBe(true);
  });

  it('reports a missing signer certificate and a signing-certificate-v2 naming another certificate', async () => {
    const signer = signers.get('ECDSA P-256') as Signer;
    const parts = signerParts({}, signer.certificate, [], signer.algorithm, signer.hash);
    const signedAttrs = signedAttributes(digestOf(signer), parts);
    const signature = await signer.sign(signedAttrs);
    const bare = assembleSignedData({ parts, signedAttrs, signature, includeCertificates: false });
    const r = await verifySignedData(bare, digestOf(signer));
    expect(r.problems.map((p) => p.code)).toEqual(['SIGNER_CERTIFICATE_MISSING']);
    const other = signers.get('ECDSA P-384') as Signer;
    const wrongEss = signerParts({}, other.certificate, [], signer.algorithm, signer.hash);
    const attrs = signedAttributes(digestOf(signer), {
      ...parts,
      signingCertificateV2: wrongEss.signingCertificateV2,
    });
    const cms = assembleSignedData({ parts, signedAttrs: attrs, signature: await signer.sign(attrs) });
    const m = await verifySignedData(cms, digestOf(signer));
    expect(m.signatureValid).toBe(true);
    expect(m.problems.map((p) => p.code)).toEqual(['SIGNING_CERTIFICATE_MISMATCH']);
  });

  it('throws MALFORMED_CMS on garbage', () => {
    expect(() => parseSignedData(Buffer.from('30030201', 'hex'))).toThrow(PadesError);
    try {
      parseSignedData(Buffer.from('3003020101', 'hex'));
      expect.unreachable();
    } catch (err) {
      expect((err as PadesError).code).toBe('MALFORMED_CMS');
    }
  });
});
