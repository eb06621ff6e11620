import { createVerify } from 'node:crypto';
import { parseCertificate } from '@signx/pades';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { createSoftHsmToken } from '../../../test/softhsm-kit.js';
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
import { type KeysDeps, keysDeps } from './keys.deps.js';
import { keysErrors } from './keys.errors.js';

// A real PKCS#11 module: SoftHSM2 with a token in a temp directory of this test's own.
const admin = userActor('019a0000-0000-7000-8000-0000000000c1', [can['keys.certificate.manage']]);
const ORG = { legal_name: 'Example Seal Holder Ltd', uscc: '91110000802100433B' };
let hsm: ReturnType<typeof createSoftHsmToken>;
let t: ModuleTestContext;
let deps: KeysDeps;
const db = () => t.database.db;

beforeAll(() => {
  hsm = createSoftHsmToken('signx-keys');
});
afterAll(() => hsm.cleanup());
beforeEach(async () => {
  t = await createModuleTestContext([auditModule, keysModule], {
    env: { KEYS_PKCS11_LIBRARY: hsm.library, KEYS_PKCS11_TOKEN: hsm.tokenLabel, KEYS_PKCS11_PIN: hsm.pin },
  });
  deps = keysDeps(t.ctx);
});
afterEach(async () => {
  deps.close();
  await t.close();
});

async function issueInHsm() {
  const prepared = prepareGeneratedKey(deps, admin, { ...ORG, storage: 'pkcs11' });
  return inTransaction(db(), (trx) => recordCertificate(trx, deps, admin, ORG, prepared));
}

async function signAndVerify(certificateId: string) {
  const signer = await keys.signerFor(t.ctx, certificateId);
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
    expect(deps.token().protection(objectId)).toEqual({
      sensitive: true,
      extractable: false,
      neverExtractable: true,
    });
    // The private value cannot be read out of the token.
    expect(deps.token().tryExport(objectId)).toBe('CKR_ATTRIBUTE_SENSITIVE');
    const cert = await signAndVerify(row.id);
    expect(Buffer.from(cert.spki).toString('base64')).toBe(key.spki);
  });

  it('rotates to a new token key: old certificate still good, new signatures by the new key', async () => {
    const old = await issueInHsm();
    const prepared = await prepareRotation(deps, admin, old.id);
    const next = await inTransaction(db(), (trx) => rotateCertificate(trx, deps, admin, old.id, prepared));
    const cert = await signAndVerify(old.id);
    expect(cert.serial.replace(/^0+/, '')).toBe(next.serial.replace(/^0+/, ''));
    const rows = await db()
      .selectFrom('keys_managed_keys')
      .select(['storage', 'state', 'token_object_id'])
      .execute();
    expect(rows.map((r) => r.state).sort()).toEqual(['active', 'retired']);
    expect(new Set(rows.map((r) => r.token_object_id)).size).toBe(2);
    expect(rows.every((r) => r.storage === 'pkcs11')).toBe(true);
    expect(await t.ctx.trust.statusOf(old.serial)).toEqual({ status: 'good' });
  });

  it('refuses a wrong PIN at open, and an HSM key when no token is configured', async () => {
    const { openPkcs11Token } = await import('../../platform/hsm/pkcs11-token.js');
    expect(() => openPkcs11Token({ ...hsm, pin: '000000' })).toThrow(/CKR_PIN_INCORRECT/);
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
