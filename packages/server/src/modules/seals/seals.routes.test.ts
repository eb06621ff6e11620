import { validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions } from '../../../test/audit-kit.js';
import { createSealsApp, fileContract, sealsCaller } from '../../../test/seals-kit.js';
import { pdfsig } from '../../../test/signing-kit.js';
import type { TestApp } from '../../../test/test-app.js';
import { documents } from '../documents/index.js';
import { sealsErrors } from './seals.errors.js';

const adminId = '019a0000-0000-7000-8000-00000000a001';
const clerkId = '019a0000-0000-7000-8000-00000000c002';
const strangerId = '019a0000-0000-7000-8000-00000000d003';
const who = sealsCaller;
let t: TestApp;
let documentId: string;
const api = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const uses = () => t.database.db.selectFrom('seal_uses').selectAll().execute();

beforeAll(async () => {
  t = await createSealsApp();
  documentId = await fileContract(t, who(adminId), 3, { entity_id: 'C-1', title: '采购合同' });
});
afterAll(() => t?.close());

async function newSeal(body: object) {
  const res = await api('POST', '/seals', who(adminId), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data as { id: string; preview_svg: string | null; status: string };
}

describe('seal registry', () => {
  it('generates a contract seal with an SVG preview, audits it, and refuses a duplicate name', async () => {
    const seal = await newSeal({
      organisation: '北京示例科技有限公司',
      seal_type: 'contract',
      name: '合同专用章',
    });
    expect(seal.preview_svg).toContain('>专<');
    expect(seal.preview_svg).toContain('<polygon');
    const dup = await api('POST', '/seals', who(adminId), {
      organisation: '北京示例科技有限公司',
      seal_type: 'contract',
      name: '合同专用章',
    });
    expect(dup.json().code).toBe(sealsErrors.SEAL_NAME_TAKEN.api);
    expect(await auditActions(t.database.db, 'seals.')).toContain('seals.seal.created');
  });

  it('refuses a picture that is not a PNG by content, storing nothing', async () => {
    const before = (await t.database.db.selectFrom('seals').select('id').execute()).length;
    const res = await api('POST', '/seals', who(adminId), {
      organisation: 'X',
      seal_type: 'custom',
      name: 'fake',
      image_base64: Buffer.from('GIF89a not a seal').toString('base64'),
    });
    expect(res.json().code).toBe(sealsErrors.SEAL_IMAGE_INVALID.api);
    expect((await t.database.db.selectFrom('seals').select('id').execute()).length).toBe(before);
  });

  it('moves through the status table and refuses what it does not list', async () => {
    const seal = await newSeal({ organisation: 'Status Co', seal_type: 'finance', name: '财务专用章' });
    const suspend = await api('POST', `/seals/${seal.id}/events`, who(adminId), {
      event: 'suspend',
      note: '遗失',
    });
    expect(suspend.json().data.status).toBe('suspended');
    expect(
      (await api('POST', `/seals/${seal.id}/events`, who(adminId), { event: 'suspend' })).json().code,
    ).toBe(40902);
    expect(
      (await api('POST', `/seals/${seal.id}/events`, who(adminId), { event: 'retire' })).json().data.status,
    ).toBe('retired');
    expect(
      (await api('POST', `/seals/${seal.id}/events`, who(adminId), { event: 'reactivate' })).statusCode,
    ).toBe(409);
  });
});

describe('applying a seal', () => {
  it('is refused without an authorisation, then seals over the keyword as the organisation (B-T) and logs the use', async () => {
    const seal = await newSeal({ organisation: '上海盖章有限公司', seal_type: 'contract', name: '合同章' });
    const placement = { mode: 'keyword', keyword: '甲方（盖章）', occurrence: 'last' };
    const denied = await api('POST', `/seals/${seal.id}/apply`, who(clerkId), {
      document_id: documentId,
      placement,
    });
    expect(denied.json().code).toBe(sealsErrors.SEAL_NOT_AUTHORISED.api);
    expect(await uses()).toHaveLength(0);
    const grant = await api('POST', `/seals/${seal.id}/authorisations`, who(adminId), {
      subject_type: 'user',
      subject_id: clerkId,
      categories: ['contract'],
      valid_from: '2020-01-01T00:00:00.000Z',
      valid_until: '2099-01-01T00:00:00.000Z',
    });
    expect(grant.statusCode).toBe(201);
    const missing = await api('POST', `/seals/${seal.id}/apply`, who(clerkId), {
      document_id: documentId,
      placement: { mode: 'keyword', keyword: '丙方（盖章）', occurrence: 'all' },
    });
    expect(missing.json().code).toBe(sealsErrors.SEAL_KEYWORD_NOT_FOUND.api);
    const stranger = await api('POST', `/seals/${seal.id}/apply`, who(strangerId), {
      document_id: documentId,
      placement,
    });
    expect(stranger.json().code).toBe(sealsErrors.SEAL_NOT_AUTHORISED.api);
    const applied = await api('POST', `/seals/${seal.id}/apply`, who(clerkId), {
      document_id: documentId,
      placement,
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json().data).toMatchObject({
      user_id: clerkId,
      document_version: 1,
      sealed_version: 2,
      pages: [3],
    });
    const current = await documents.current(t.database.db, documentId);
    const pdf = await documents.read(t.app.signx, current.sha256);
    const root = await t.app.signx.trust.rootCertificate();
    const report = await validate(pdf, { trustAnchors: [root], revocation: 'off' });
    // No profile configured: the platform default (B-LTA) adds a document time-stamp after it.
    expect(report.signatures.map((s) => s.kind)).toEqual(['signature', 'document-timestamp']);
    expect(report.signatures[0]).toMatchObject({ isValid: true });
    expect(report.signatures[0]!.signerSubject).toContain('上海盖章有限公司');
    const checked = pdfsig(pdf, root);
    expect(checked.out).toContain('Signature is Valid');
    expect(checked.out).toContain('上海盖章有限公司');
    const log = await api('GET', `/seals/uses?seal_id=${seal.id}`, who(adminId));
    expect(log.json().data.items).toHaveLength(1);
  });

  it('puts a cross-page seal over every page in one signature', async () => {
    const seal = await newSeal({ organisation: '骑缝章公司', seal_type: 'company', name: '公章' });
    await api('POST', `/seals/${seal.id}/authorisations`, who(adminId), {
      subject_type: 'user',
      subject_id: clerkId,
      valid_from: '2020-01-01T00:00:00.000Z',
      valid_until: '2099-01-01T00:00:00.000Z',
    });
    const applied = await api('POST', `/seals/${seal.id}/apply`, who(clerkId), {
      document_id: documentId,
      placement: { mode: 'cross_page' },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json().data.pages).toEqual([1, 2, 3]);
    const current = await documents.current(t.database.db, documentId);
    const pdf = await documents.read(t.app.signx, current.sha256);
    const report = await validate(pdf, {
      trustAnchors: [await t.app.signx.trust.rootCertificate()],
      revocation: 'off',
    });
    // The earlier seal, its document time-stamp (platform default B-LTA), this one and its own.
    expect(report.signatures.map((s) => [s.kind, s.isValid])).toEqual([
      ['signature', true],
      ['document-timestamp', true],
      ['signature', true],
      ['document-timestamp', true],
    ]);
  });
});
