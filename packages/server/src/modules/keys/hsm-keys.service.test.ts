import { createVerify } from 'node:crypto';
import { parseCertificate, signPdf, validate } from '@signx/pades';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createModuleTestContext } from '../../../test/module-test-context.js';
import { useSoftHsmKeys } from '../../../test/softhsm-kit.js';
import { userActor } from '../../../test/test-principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { isDomainError } from '../../platform/errors.js';
import { auditModule } from '../audit/index.js';
import {
  prepareGeneratedKey,
  prepareRotation,
  recordCertificate,
  rotateCertificate,
} from './certificates.service.js';
import { keys, keysModule } from './index.js';
import { can } from './keys.catalogue.js';
import { keysDeps } from './keys.deps.js';
import { keysErrors } from './keys.errors.js';

// A real PKCS#11 module: SoftHSM2 with a token in a temp directory of this test's own.
const admin = userActor('019a0000-0000-7000-8000-0000000000c1', [can['keys.certificate.manage']]);
const ORG = { legal_name: 'Example Seal Holder Ltd', uscc: '91110000802100433B' };
const hsm = useSoftHsmKeys('signx-keys');
const db = () => hsm.t.database.db;

async function issueInHsm() {
  const prepared = prepareGeneratedKey(hsm.deps, admin, { ...ORG, storage: 'pkcs11' });
  return inTransaction(db(), (trx) => recordCertificate(trx, hsm.deps, admin, ORG, prepared));
}

async function signAndVerify(certificateId: string) {
  const signer = await keys.signerFor(hsm.t.ctx, certificateId);
  const data = Buffer.from('signed attributes stand-in');
  const signature = await signer.sign(data);
  const cert = parseCertificate(signer.certificate);
  expect(signer.algorithm).toBe('ECDSA');
  expect(createVerify('sha256').update(data).verify(cert.publicKey, signature)).toBe(true);
  return cert;
}

describe('organisation keys in a PKCS#11 token (SoftHSM2)', () => {
  it('generates the key inside the token, non-extractable and sensitive, and signs with it', async () => {
    const row = await issueInHsm();
    const key = await db().selectFrom('keys_managed_keys').selectAll().executeTakeFirstOrThrow();
    expect(key).toMatchObject({
      storage: 'pkcs11',
      token_label: 'signx-keys',
      wrapped_key: null,
      algorithm: 'EC-P256',
    });
    const objectId = key.token_object_id as string;
    expect(hsm.deps.token().protection(objectId)).toEqual({
      sensitive: true,
      extractable: false,
      neverExtractable: true,
    });
    // The private value cannot be read out of the token.
    expect(hsm.deps.token().tryExport(objectId)).toBe('CKR_ATTRIBUTE_SENSITIVE');
    const cert = await signAndVerify(row.id);
    expect(Buffer.from(cert.spki).toString('base64')).toBe(key.spki);
  });

  it('signs a PDF (PAdES) with the token key that validates to the platform root', async () => {
    const row = await issueInHsm();
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]);
    const pdf = await doc.save({ useObjectStreams: false });
    const signed = await signPdf(pdf, { signer: await keys.signerFor(hsm.t.ctx, row.id) });
    const report = await validate(signed, {
      trustAnchors: [await hsm.t.ctx.trust.rootCertificate()],
      revocation: 'off',
    });
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]?.isValid).toBe(true);
  });

  it('rotates to a new token key: old certificate still good, new signatures by the new key', async () => {
    const old = await issueInHsm();
    const prepared = await prepareRotation(db(), hsm.deps, admin, old.id);
    const next = await inTransaction(db(), (trx) =>
      rotateCertificate(trx, hsm.deps, admin, old.id, prepared),
    );
    const cert = await signAndVerify(old.id);
    expect(cert.serial.replace(/^0+/, '')).toBe(next.serial.replace(/^0+/, ''));
    const rows = await db()
      .selectFrom('keys_managed_keys')
      .select(['storage', 'state', 'token_object_id'])
      .execute();
    expect(rows.map((r) => r.state).sort()).toEqual(['active', 'retired']);
    expect(new Set(rows.map((r) => r.token_object_id)).size).toBe(2);
    expect(rows.every((r) => r.storage === 'pkcs11')).toBe(true);
    expect(await hsm.t.ctx.trust.statusOf(old.serial)).toEqual({ status: 'good' });
  });

  it('refuses a wrong PIN at open, and an HSM key when no token is configured', async () => {
    const { openPkcs11Token } = await import('../../platform/hsm/pkcs11-token.js');
    expect(() => openPkcs11Token({ ...hsm.token, pin: '000000' })).toThrow(/CKR_PIN_INCORRECT/);
    const plain = await createModuleTestContext([auditModule, keysModule]);
    try {
      const error = (() => {
        try {
          return prepareGeneratedKey(keysDeps(plain.ctx), admin, { ...ORG, storage: 'pkcs11' });
        } catch (e) {
          return e;
        }
      })();
      expect(isDomainError(error, keysErrors.HSM_NOT_CONFIGURED)).toBe(true);
    } finally {
      await plain.close();
    }
  });
});
