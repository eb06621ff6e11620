import { createVerify } from 'node:crypto';
import { checkCertificatePolicy, parseCertificate, signPdf, validate } from '@signx/pades';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfsig } from '../../../test/signing-kit.js';
import { useSoftHsmKeys } from '../../../test/softhsm-kit.js';
import { userActor } from '../../../test/test-principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { isAppError } from '../../platform/errors.js';
import { createPkcs11Signer } from '../../platform/hsm/pkcs11-signer.js';
import {
  prepareGeneratedKey,
  prepareRotation,
  recordCertificate,
  rotateCertificate,
} from './certificates.service.js';
import { keys } from './index.js';
import { can } from './keys.catalogue.js';
import { signAndVerifyCanary } from './lifecycle.service.js';

// RSA and P-384 organisation keys generated in a real PKCS#11 token (SoftHSM2).
const admin = userActor('019a0000-0000-7000-8000-0000000000c3', [can['keys.certificate.manage']]);
const ORG = { legal_name: 'Example RSA Seal Holder Ltd', uscc: '91110000802100433B' };
const hsm = useSoftHsmKeys('signx-key-algs');
const db = () => hsm.t.database.db;

async function issueInHsm(algorithm: string) {
  const prepared = prepareGeneratedKey(hsm.deps, admin, { ...ORG, storage: 'pkcs11', algorithm });
  return inTransaction(db(), (trx) => recordCertificate(trx, hsm.deps, admin, ORG, prepared));
}

async function signedPdf(certificateId: string) {
  const doc = await PDFDocument.create();
  doc.addPage([300, 300]);
  const pdf = await doc.save({ useObjectStreams: false });
  return signPdf(pdf, { signer: await keys.signerFor(hsm.t.ctx, certificateId) });
}

const cases = [
  {
    algorithm: 'RSA-3072',
    signer: { algorithm: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    shape: { type: 'rsa', modulusLength: 3072 },
    // sha256WithRSAEncryption
    signatureOid: '1.2.840.113549.1.1.11',
    stricter: { minRsaBits: 4096 },
  },
  {
    algorithm: 'EC-P384',
    signer: { algorithm: 'ECDSA', hash: 'SHA-384' },
    shape: { type: 'ec', namedCurve: 'secp384r1' },
    // ecdsa-with-SHA384
    signatureOid: '1.2.840.10045.4.3.3',
    stricter: { allowedCurves: ['P-256'] as const },
  },
] as const;

describe('RSA and P-384 keys in a PKCS#11 token (SoftHSM2)', () => {
  for (const c of cases) {
    it(`${c.algorithm}: generated in the token, not extractable, certified with its SPKI, signs a PDF pdfsig accepts`, async () => {
      const row = await issueInHsm(c.algorithm);
      const key = await db().selectFrom('keys_managed_keys').selectAll().executeTakeFirstOrThrow();
      expect(key).toMatchObject({ storage: 'pkcs11', wrapped_key: null, algorithm: c.algorithm });
      const objectId = key.token_object_id as string;
      expect(hsm.deps.token().protection(objectId)).toEqual({
        sensitive: true,
        extractable: false,
        neverExtractable: true,
      });
      expect(hsm.deps.token().tryExport(objectId)).toBe('CKR_ATTRIBUTE_SENSITIVE');

      // The issued certificate carries the token's public key, of the chosen type and size.
      const cert = parseCertificate(Buffer.from(row.certificate, 'base64'));
      expect(Buffer.from(cert.spki).toString('base64')).toBe(key.spki);
      expect(Buffer.from(cert.spki)).toEqual(Buffer.from(hsm.deps.token().publicKey(objectId)));
      expect({
        type: cert.publicKey.asymmetricKeyType,
        ...cert.publicKey.asymmetricKeyDetails,
      }).toMatchObject(c.shape);

      const signer = await keys.signerFor(hsm.t.ctx, row.id);
      expect({ algorithm: signer.algorithm, hash: signer.hash }).toEqual(c.signer);
      const data = Buffer.from('signed attributes stand-in');
      const verifier = createVerify(c.signer.hash.replace('-', '').toLowerCase()).update(data);
      const signature = await signer.sign(data);
      expect(verifier.verify({ key: cert.publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
      // the daily self-test's canary, and a caller asking for SHA-512 (CKM_SHA512_RSA_PKCS / ECDSA over SHA-512)
      await signAndVerifyCanary(signer);
      const sha512 = createPkcs11Signer(hsm.deps.token(), objectId, signer.certificate, [], 'SHA-512');
      expect(sha512.hash).toBe('SHA-512');
      await signAndVerifyCanary(sha512);

      const pdf = await signedPdf(row.id);
      const root = await hsm.t.ctx.trust.rootCertificate();
      const report = await validate(pdf, { trustAnchors: [root], revocation: 'off' });
      expect(report.signatures).toHaveLength(1);
      expect(report.signatures[0]?.isValid).toBe(true);
      // The CMS SignerInfo names the algorithm the token used (OID DER inside the signature).
      const oidDer = (oid: string) => {
        const [a = 0, b = 0, ...rest] = oid.split('.').map(Number);
        const body = [a * 40 + b];
        for (const n of rest) {
          const bytes = [n & 0x7f];
          for (let v = n >> 7; v > 0; v >>= 7) bytes.unshift((v & 0x7f) | 0x80);
          body.push(...bytes);
        }
        return Buffer.from([0x06, body.length, ...body]);
      };
      const contents = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(Buffer.from(pdf).toString('latin1'))?.[1] ?? '';
      expect(Buffer.from(contents, 'hex').includes(oidDer(c.signatureOid))).toBe(true);
      const poppler = pdfsig(pdf, root);
      expect(poppler.out).toContain('Signature is Valid');

      // The profile certificate policy applies to the token certificate: seed 002's floor passes, a stricter one does not.
      expect(checkCertificatePolicy(cert, undefined, signer.hash).ok).toBe(true);
      const strict = checkCertificatePolicy(cert, c.stricter, signer.hash);
      expect(strict.problems.map((p) => p.code)).toEqual(['KEY_STRENGTH']);
    });
  }

  it('rotates an RSA token key to a new RSA key of the same size; the old certificate stays good', async () => {
    const old = await issueInHsm('RSA-2048');
    const prepared = await prepareRotation(db(), hsm.deps, admin, old.id);
    expect(prepared.material).toMatchObject({ storage: 'pkcs11', algorithm: 'RSA-2048' });
    const next = await inTransaction(db(), (trx) =>
      rotateCertificate(trx, hsm.deps, admin, old.id, prepared),
    );
    const signer = await keys.signerFor(hsm.t.ctx, old.id);
    const cert = parseCertificate(signer.certificate);
    expect(cert.serial.replace(/^0+/, '')).toBe(next.serial.replace(/^0+/, ''));
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const rows = await db()
      .selectFrom('keys_managed_keys')
      .select(['algorithm', 'state', 'token_object_id'])
      .orderBy('created_at')
      .execute();
    expect(rows.map((r) => [r.algorithm, r.state])).toEqual([
      ['RSA-2048', 'retired'],
      ['RSA-2048', 'active'],
    ]);
    expect(new Set(rows.map((r) => r.token_object_id)).size).toBe(2);
    expect(await hsm.t.ctx.trust.statusOf(old.serial)).toEqual({ status: 'good' });
    const report = await validate(await signedPdf(old.id), {
      trustAnchors: [await hsm.t.ctx.trust.rootCertificate()],
      revocation: 'off',
    });
    expect(report.signatures[0]?.isValid).toBe(true);
  });

  it('refuses an algorithm it does not make (400) before touching the token or the database', async () => {
    for (const algorithm of ['RSA-1024', 'EC-P521', 'ed25519']) {
      const error = (() => {
        try {
          return prepareGeneratedKey(hsm.deps, admin, { ...ORG, storage: 'pkcs11', algorithm });
        } catch (e) {
          return e;
        }
      })();
      expect(isAppError(error) && error.code).toBe('VALIDATION');
      expect(isAppError(error) && error.fieldErrors?.[0]).toMatchObject({
        field: 'algorithm',
        message: expect.stringContaining(`Unsupported key algorithm ${algorithm}`),
      });
    }
    expect(await db().selectFrom('keys_managed_keys').selectAll().execute()).toEqual([]);
  });
});
