import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPadesSignedData } from '../cms/signed-data.builder.js';
import { verifySignedData } from '../cms/signed-data.verifier.js';
import { PadesError } from '../errors.js';
import { toPem } from './pem.codec.js';
import {
  createFixturePki,
  type FixturePki,
  issueSignerCertificate,
  openssl,
  scratch,
} from './pki.fixture.js';
import { signerFromPem, signerFromPkcs12 } from './signer.js';

let pki: FixturePki;
const tmp = scratch();
let certPem: string;
let keyPem: string;
let caPem: string;

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(PadesError);
    return (err as PadesError).code;
  }
}

async function signsVerifiably(signer: Awaited<ReturnType<typeof signerFromPem>>) {
  const digest = createHash(signer.hash.replace('-', '').toLowerCase()).update('payload').digest();
  const cms = await buildPadesSignedData({ signer, documentDigest: digest });
  return (await verifySignedData(cms, digest)).isValid;
}

/** Packs the test signer's key and certificate into a PKCS#12 file; `options` choose ciphers, MAC, password. */
function exportPkcs12(name: string, options: string[]) {
  const p12 = tmp.write(name, '');
  const r = openssl(['pkcs12', '-export', '-inkey', keyPem, '-in', certPem, ...options, '-out', p12]);
  return { p12, r };
}

beforeAll(async () => {
  pki = await createFixturePki();
  const issued = await issueSignerCertificate(pki.issuing, { legalName: 'Zoë Müller', keyType: 'rsa' });
  certPem = tmp.pem('ee.pem', issued.certificate);
  caPem = tmp.write('chain.pem', toPem(pki.issuing.certificate) + toPem(pki.root.certificate));
  keyPem = tmp.write('ee.key', issued.privateKeyPem);
});

describe('signerFromPkcs12', () => {
  it('reads an OpenSSL 3 default (PBES2/AES-256, HMAC-SHA256) file with its chain', async () => {
    const { p12, r } = exportPkcs12('default.p12', ['-certfile', caPem, '-passout', 'pass:s3cret']);
    expect(r.status, r.out).toBe(0);
    const signer = await signerFromPkcs12(readFileSync(p12), 's3cret');
    expect(toPem(signer.certificate)).toBe(readFileSync(certPem, 'utf8'));
    expect(signer.algorithm).toBe('RSASSA-PKCS1-v1_5');
    expect(signer.chain).toHaveLength(2);
    expect(Buffer.compare(signer.chain[0] as Uint8Array, pki.issuing.certificate)).toBe(0);
    expect(await signsVerifiably(signer)).toBe(true);
  });

  it('reads a legacy 3DES/SHA-1 MAC file and honours rsaPadding pss', async () => {
    const legacy = ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'];
    const { p12, r } = exportPkcs12('legacy.p12', [...legacy, '-passout', 'pass:pässwörd']);
    expect(r.status, r.out).toBe(0);
    const signer = await signerFromPkcs12(readFileSync(p12), 'pässwörd', {
      rsaPadding: 'pss',
      hash: 'SHA-512',
    });
    expect(signer.algorithm).toBe('RSA-PSS');
    expect(signer.hash).toBe('SHA-512');
    expect(await signsVerifiably(signer)).toBe(true);
  });

  it('reports a wrong password as BAD_PASSWORD and garbage as INVALID_KEY', async () => {
    const p12 = readFileSync(tmp.dir + '/default.p12');
    expect(await codeOf(signerFromPkcs12(p12, 'wrong'))).toBe('BAD_PASSWORD');
    expect(await codeOf(signerFromPkcs12(Buffer.from('not a pkcs12 file'), 'x'))).toBe('INVALID_KEY');
  });
});

describe('signerFromPem', () => {
  it('accepts PKCS#8 and traditional RSA keys and EC P-384 keys with their default hash', async () => {
    const pem = readFileSync(keyPem, 'utf8');
    const rsa = await signerFromPem(pem, readFileSync(certPem, 'utf8'), [readFileSync(caPem, 'utf8')]);
    expect(rsa.chain).toHaveLength(2);
    const traditional = openssl(['pkey', '-in', keyPem, '-traditional']).stdout.toString();
    expect(traditional).toContain('BEGIN RSA PRIVATE KEY');
    expect((await signerFromPem(traditional, readFileSync(certPem, 'utf8'))).algorithm).toBe(
      'RSASSA-PKCS1-v1_5',
    );
    const ec = await issueSignerCertificate(pki.issuing, { legalName: 'EC', keyType: 'ec', curve: 'P-384' });
    const ecSigner = await signerFromPem(ec.privateKeyPem, toPem(ec.certificate));
    expect([ecSigner.algorithm, ecSigner.hash]).toEqual(['ECDSA', 'SHA-384']);
    expect(await signsVerifiably(ecSigner)).toBe(true);
  });

  it('rejects a key that does not belong to the certificate (INVALID_KEY)', async () => {
    const other = await issueSignerCertificate(pki.issuing, { legalName: 'Other' });
    expect(await codeOf(signerFromPem(other.privateKeyPem, readFileSync(certPem, 'utf8')))).toBe(
      'INVALID_KEY',
    );
  });

  it('reports a wrong passphrase on an encrypted key as BAD_PASSWORD', async () => {
    const enc = openssl(['pkey', '-in', keyPem, '-aes256', '-passout', 'pass:right']).stdout.toString();
    expect(enc).toContain('ENCRYPTED');
    expect(await codeOf(signerFromPem(enc, readFileSync(certPem, 'utf8'), [], { passphrase: 'wrong' }))).toBe(
      'BAD_PASSWORD',
    );
    const ok = await signerFromPem(enc, readFileSync(certPem, 'utf8'), [], { passphrase: 'right' });
    expect(await signsVerifiably(ok)).toBe(true);
  });

  it('refuses RSA-1024 and P-521 keys (UNSUPPORTED)', async () => {
    const rsa1024 = openssl([
      'genpkey',
      '-algorithm',
      'RSA',
      '-pkeyopt',
      'rsa_keygen_bits:1024',
    ]).stdout.toString();
    expect(await codeOf(signerFromPem(rsa1024, readFileSync(certPem, 'utf8')))).toBe('UNSUPPORTED');
    const p521 = openssl([
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-521',
    ]).stdout.toString();
    expect(await codeOf(signerFromPem(p521, readFileSync(certPem, 'utf8')))).toBe('UNSUPPORTED');
  });
});
