import { validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealsApp, fileContract, sealsCaller, sealsPermissions } from '../../../test/seals-kit.js';
import { pdfsig } from '../../../test/signing-kit.js';
import type { TestApp } from '../../../test/test-app.js';
import { documents } from '../documents/index.js';
import { sealsErrors } from './seals.errors.js';

/** A seal bound to a keys-module organisation certificate (file key) signs with that certificate. */
const adminId = '019a0000-0000-7000-8000-00000000a001';
const who = sealsCaller(adminId, [
  ...sealsPermissions.filter((p) => p !== 'seals.log.read'),
  'keys.certificate.read',
  'keys.certificate.manage',
]);
let t: TestApp;
const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createSealsApp();
}, 120_000);
afterAll(() => t?.close());

describe('a seal bound to an organisation certificate', () => {
  it('signs with that certificate: validators and pdfsig name the organisation', async () => {
    const legalName = '福州印章证书科技有限公司';
    const issued = await api('POST', '/keys/certificates', {
      legal_name: legalName,
      uscc: '91350100M000100Y43',
      storage: 'file',
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const certificate = issued.json().data as { id: string; serial: string };
    const seal = await api('POST', '/seals', {
      organisation: 'Other name',
      seal_type: 'contract',
      name: '合同专用章',
      certificate_id: certificate.id,
    });
    expect(seal.statusCode, seal.body).toBe(201);
    expect(seal.json().data).toMatchObject({ certificate_id: certificate.id, organisation: legalName });
    const sealId = seal.json().data.id;
    await api('POST', `/seals/${sealId}/authorisations`, {
      subject_type: 'user',
      subject_id: adminId,
      valid_from: '2020-01-01T00:00:00.000Z',
      valid_until: '2099-01-01T00:00:00.000Z',
    });
    const documentId = await fileContract(t, who, 1, { entity_id: 'K-1', title: '证书合同' });
    const applied = await api('POST', `/seals/${sealId}/apply`, {
      document_id: documentId,
      placement: { mode: 'coordinates', page: 1, x: 350, y: 120 },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const current = await documents.current(t.database.db, documentId);
    const pdf = await documents.read(t.app.signx, current.sha256);
    const root = await t.app.signx.trust.rootCertificate();
    const report = await validate(pdf, { trustAnchors: [root], revocation: 'off' });
    // No profile configured: the platform default (B-LTA) adds a document time-stamp after it.
    expect(report.signatures.map((s) => s.kind)).toEqual(['signature', 'document-timestamp']);
    expect(report.signatures[0]).toMatchObject({ isValid: true });
    expect(report.signatures[0]!.signerSubject).toContain(legalName);
    expect(report.signatures[0]!.signerSubject).toContain('NTRCN-91350100M000100Y43');
    const checked = pdfsig(pdf, root);
    expect(checked.out).toContain('Signature is Valid');
    expect(checked.out).toContain(legalName);

    // A revoked certificate cannot be bound to a new seal: 40081, nothing stored.
    const revoked = await api('POST', `/keys/certificates/${certificate.id}/revoke`, {
      reason: 'keyCompromise',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const refused = await api('POST', '/seals', {
      organisation: 'x',
      seal_type: 'finance',
      name: '财务专用章',
      certificate_id: certificate.id,
    });
    expect(refused.json().code).toBe(sealsErrors.SEAL_CERTIFICATE_NOT_ACTIVE.api);
    expect(
      await t.database.db.selectFrom('seals').select('id').where('name', '=', '财务专用章').execute(),
    ).toEqual([]);
  });
});
