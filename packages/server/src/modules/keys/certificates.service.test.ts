import { createVerify } from 'node:crypto';
import { organisationOf, parseCertificate, parseCrl, verifyChain } from '@signx/pades';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { userActor } from '../../../test/test-principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { isDomainError } from '../../platform/errors.js';
import { auditModule } from '../audit/index.js';
import {
  prepareGeneratedKey,
  prepareRotation,
  recordCertificate,
  revokeCertificate,
  rotateCertificate,
} from './certificates.service.js';
import { keys, keysModule } from './index.js';
import { can } from './keys.catalogue.js';
import { type KeysDeps, keysDeps } from './keys.deps.js';
import { keysErrors } from './keys.errors.js';

// Runs on SQLite and on PostgreSQL (SIGNX_TEST_DIALECT=postgres).
const adminId = '019a0000-0000-7000-8000-0000000000c1';
const admin = userActor(adminId, [can['keys.certificate.manage']]);
const reader = userActor(adminId, [can['keys.certificate.read']]);
const ORG = { legal_name: '福州示例科技有限公司', uscc: '91350100M000100Y43' };

let t: ModuleTestContext;
let deps: KeysDeps;
const db = () => t.database.db;
const auditRows = () =>
  db()
    .selectFrom('audit_events')
    .select(['action', 'entity_id', 'details'])
    .where('action', 'like', 'keys.%')
    .orderBy('seq')
    .execute();

async function issue(input = ORG) {
  const prepared = prepareGeneratedKey(deps, admin, { ...input, storage: 'file' });
  return inTransaction(db(), (trx) => recordCertificate(trx, deps, admin, input, prepared));
}

async function assertSigns(certificateId: string, expectedSerial: string) {
  const signer = await keys.signerFor(t.ctx, certificateId);
  const data = Buffer.from('canary');
  const signature = await signer.sign(data);
  const cert = parseCertificate(signer.certificate);
  expect(cert.serial.replace(/^0+/, '')).toBe(expectedSerial.replace(/^0+/, ''));
  expect(createVerify('sha256').update(data).verify(cert.publicKey, signature)).toBe(true);
}

beforeEach(async () => {
  t = await createModuleTestContext([auditModule, keysModule]);
  deps = keysDeps(t.ctx);
});
afterEach(async () => {
  deps.close();
  await t.close();
});

describe('organisation certificates with a file key', () => {
  it('issues a certificate naming the organisation and its credit code, chained to the platform root', async () => {
    const row = await issue();
    const info = await keys.certificateInfo(db(), row.id);
    expect(info).toMatchObject({
      legal_name: ORG.legal_name,
      uscc: ORG.uscc,
      state: 'active',
      storage: 'file',
    });
    expect(organisationOf(info.certificate)).toMatchObject({
      organization: ORG.legal_name,
      commonName: ORG.legal_name,
      registrationId: ORG.uscc,
      country: 'CN',
    });
    expect(info.subject).toContain('organizationIdentifier=NTRCN-91350100M000100Y43');
    const root = await t.ctx.trust.rootCertificate();
    const signer = await keys.signerFor(t.ctx, row.id);
    const report = await verifyChain(signer.certificate, {
      trustAnchors: [root],
      intermediates: [...signer.chain],
      revocation: 'off',
    });
    expect(report.problems).toEqual([]);
    await assertSigns(row.id, row.serial);
    const key = await db().selectFrom('keys_managed_keys').selectAll().executeTakeFirstOrThrow();
    expect(key.wrapped_key).toMatch(/^v1\./);
    expect(key.wrapped_key).not.toContain('MIG'); // no PKCS#8 base64 in clear
    expect((await auditRows()).map((r) => r.action)).toEqual(['keys.certificate.issued']);
  });

  it('refuses a code with a wrong check character and stores nothing', async () => {
    const error = await issue({ ...ORG, uscc: '91350100M000100Y44' }).catch((e) => e);
    expect(isDomainError(error, keysErrors.USCC_INVALID)).toBe(true);
    expect(await db().selectFrom('keys_managed_keys').selectAll().execute()).toEqual([]);
    expect(await db().selectFrom('keys_org_certificates').selectAll().execute()).toEqual([]);
  });

  it('refuses a reader who may not manage keys', async () => {
    expect(() => prepareGeneratedKey(deps, reader, { ...ORG, storage: 'file' })).toThrow(/may not manage/);
  });

  it('rotates with overlap: the old certificate stays good, new signatures use the new key', async () => {
    const old = await issue();
    const prepared = await prepareRotation(deps, admin, old.id);
    const next = await inTransaction(db(), (trx) => rotateCertificate(trx, deps, admin, old.id, prepared));
    expect(next.serial).not.toBe(old.serial);
    expect(await keys.currentCertificateId(db(), old.id)).toBe(next.id);
    await assertSigns(old.id, next.serial);
    expect(await t.ctx.trust.statusOf(old.serial)).toEqual({ status: 'good' });
    const info = await keys.certificateInfo(db(), old.id);
    expect(info).toMatchObject({ state: 'superseded', current_id: next.id });
    const again = await prepareRotation(deps, admin, old.id).catch((e) => e);
    expect(isDomainError(again, keysErrors.CERTIFICATE_SUPERSEDED)).toBe(true);
    expect((await auditRows()).map((r) => r.action)).toEqual([
      'keys.certificate.issued',
      'keys.certificate.rotated',
    ]);
  });

  it('revokes: the platform OCSP status and CRL show it at once, and signing refuses', async () => {
    const row = await issue();
    await inTransaction(db(), (trx) => revokeCertificate(trx, deps, admin, row.id, 'keyCompromise'));
    const status = await t.ctx.trust.statusOf(row.serial);
    expect(status).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    const crl = parseCrl(await t.ctx.trust.crl('issuing'));
    expect(crl.entries.map((e) => e.serial)).toContain(row.serial);
    const error = await keys.signerFor(t.ctx, row.id).catch((e) => e);
    expect(isDomainError(error, keysErrors.CERTIFICATE_REVOKED)).toBe(true);
    const twice = await inTransaction(db(), (trx) =>
      revokeCertificate(trx, deps, admin, row.id, 'superseded'),
    ).catch((e) => e);
    expect(isDomainError(twice, keysErrors.CERTIFICATE_REVOKED)).toBe(true);
    expect((await auditRows()).map((r) => r.action)).toEqual([
      'keys.certificate.issued',
      'keys.certificate.revoked',
    ]);
  });

  it('answers 40477 for an unknown certificate', async () => {
    const error = await keys.signerFor(t.ctx, '019a0000-0000-7000-8000-0000000000ff').catch((e) => e);
    expect(isDomainError(error, keysErrors.CERTIFICATE_NOT_FOUND)).toBe(true);
  });
});
