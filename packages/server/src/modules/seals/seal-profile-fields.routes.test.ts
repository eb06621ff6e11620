import { fieldAppearanceText, validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../../test/identity-fixtures.js';
import { createSealsApp, fileContract, sealsCaller, sealsPermissions } from '../../../test/seals-kit.js';
import type { TestApp } from '../../../test/test-app.js';
import { documents } from '../documents/index.js';
import { PLATFORM_DEFAULT, type ProfileSettings } from '../profiles/index.js';

/**
 * Seal apply under the organisation's profile takes the same path as signing requests
 * (`useProfile`): the `seal` layout prints the profile's lines under the seal, the meaning
 * comes from the profile's list (40028 otherwise), the /Location is the profile's; a profile
 * naming a seal allows only that one (40065); a profile naming a certificate signs with it,
 * provided it is the seal organisation's and can sign (40066). Refusals store nothing.
 */
const adminId = '019a0000-0000-7000-8000-00000000a0f1';
const who = sealsCaller(adminId, [
  ...sealsPermissions,
  'keys.certificate.read',
  'keys.certificate.manage',
  'profiles.profile.read',
  'profiles.profile.manage',
]);
let t: TestApp;
const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who, ...(payload ? { payload } : {}) });
const ORG = '福州印章证书科技有限公司';
let certificates: { seal: { id: string; serial: string }; other: { id: string }; stranger: { id: string } };

async function certificate(legal_name: string, uscc: string) {
  const issued = await api('POST', '/keys/certificates', { legal_name, uscc, storage: 'file' });
  expect(issued.statusCode, issued.body).toBe(201);
  return issued.json().data as { id: string; serial: string };
}

async function profile(settings: Partial<ProfileSettings>, base = 0) {
  const saved = await api('POST', '/profiles', {
    scope_type: 'organisation',
    scope_id: ORG,
    name: 'seal profile',
    settings: { ...PLATFORM_DEFAULT, pades_level: 'B-B', ...settings },
    base_version: base,
  });
  expect(saved.statusCode, saved.body).toBe(201);
}

async function authorisedSeal(name: string) {
  const seal = await api('POST', '/seals', {
    organisation: ORG,
    seal_type: 'contract',
    name,
    certificate_id: certificates.seal.id,
  });
  expect(seal.statusCode, seal.body).toBe(201);
  const id = seal.json().data.id as string;
  await api('POST', `/seals/${id}/authorisations`, {
    subject_type: 'user',
    subject_id: adminId,
    valid_from: '2020-01-01T00:00:00.000Z',
    valid_until: '2099-01-01T00:00:00.000Z',
  });
  return id;
}

/** Applies seal `id` to a fresh contract; answers the response and what a refusal must not change. */
async function apply(id: string, extra: { meaning?: string } = {}) {
  const documentId = await fileContract(t, who, 1, { entity_id: `P-${id}`, title: '合同' });
  const response = await api('POST', `/seals/${id}/apply`, {
    document_id: documentId,
    placement: { mode: 'coordinates', page: 1, x: 300, y: 200 },
    ...extra,
  });
  const current = await documents.current(t.database.db, documentId);
  const uses = await t.database.db
    .selectFrom('seal_uses')
    .select('id')
    .where('document_id', '=', documentId)
    .execute();
  return {
    response,
    version: current.version,
    uses: uses.length,
    pdf: () => documents.read(t.app.signx, current.sha256),
  };
}

beforeAll(async () => {
  t = await createSealsApp();
  certificates = {
    seal: await certificate(ORG, '91350100M000100Y43'),
    other: await certificate(ORG, '91440300708461136T'),
    stranger: await certificate('北京别家有限公司', '91110000802100433B'),
  };
}, 120_000);
afterAll(() => t?.close());

describe('seal apply under the organisation profile’s fields, meanings, seal and certificate', () => {
  it('the seal layout prints meaning, organisation and location under the seal; a meaning outside the list is 40028', async () => {
    const sealId = await authorisedSeal('合同专用章');
    await profile({
      location: '福州',
      meanings: ['盖章确认', 'approval'],
      appearance: {
        template: 'seal',
        fields: ['meaning', 'organisation', 'location'],
        font: 'Noto Sans',
        languages: ['zh-CN'],
      },
    });
    const refused = await apply(sealId, { meaning: '随便' });
    expect(refused.response.json(), refused.response.body).toMatchObject({ code: 40028 });
    expect([refused.version, refused.uses]).toEqual([1, 0]);

    const ok = await apply(sealId);
    expect(ok.response.statusCode, ok.response.body).toBe(201);
    const pdf = await ok.pdf();
    const report = await validate(pdf, {
      trustAnchors: [await t.app.signx.trust.rootCertificate()],
      revocation: 'off',
    });
    const [sig] = report.signatures;
    expect([sig!.isValid, sig!.location, sig!.reason]).toEqual([true, '福州', '盖章确认: 合同专用章']);
    const drawn = fieldAppearanceText(pdf, sig!.fieldName);
    for (const line of ['含义:盖章确认', `单位:${ORG}`, '地点:福州']) expect(drawn).toContain(line);
    const [event] = (await auditRows(t.app, 'seals.seal.applied')).filter((e) => e.entity_id === sealId);
    expect(JSON.parse(event!.details!)).toMatchObject({ meaning: '盖章确认', profile_version: 1 });

    // Another layout: the seal alone, no caption lines.
    await profile(
      { meanings: ['approval'], appearance: { ...PLATFORM_DEFAULT.appearance, fields: ['meaning'] } },
      1,
    );
    const plain = await apply(sealId, { meaning: 'approval' });
    expect(plain.response.statusCode, plain.response.body).toBe(201);
    const plainPdf = await plain.pdf();
    const [plainSig] = (await validate(plainPdf, { trustAnchors: [], revocation: 'off' })).signatures;
    expect(fieldAppearanceText(plainPdf, plainSig!.fieldName)).not.toContain('含义');
  });

  it('a profile naming another seal refuses this one (40065); naming a certificate signs with it, or 40066', async () => {
    const prescribed = await authorisedSeal('公章');
    const other = await authorisedSeal('财务专用章');
    await profile({ seal_id: prescribed }, 2);
    const wrongSeal = await apply(other);
    expect(wrongSeal.response.json()).toMatchObject({ code: 40065 });
    expect(wrongSeal.response.json().message).toContain('公章');
    expect([wrongSeal.version, wrongSeal.uses]).toEqual([1, 0]);

    // The profile's certificate, not the seal's, signs.
    await profile({ seal_id: prescribed, certificate_id: certificates.other.id }, 3);
    const signed = await apply(prescribed);
    expect(signed.response.statusCode, signed.response.body).toBe(201);
    const [sig] = (await validate(await signed.pdf(), { trustAnchors: [], revocation: 'off' })).signatures;
    expect(sig!.signerSubject).toContain('NTRCN-91440300708461136T');

    // Another organisation's certificate, an unknown one, a revoked one: 40066, nothing stored.
    await profile({ certificate_id: certificates.stranger.id }, 4);
    const stranger = await apply(prescribed);
    expect(stranger.response.json()).toMatchObject({ code: 40066 });
    expect(stranger.response.json().message).toContain('北京别家有限公司');
    await profile({ certificate_id: '019a0000-0000-7000-8000-0000000dead0' }, 5);
    expect((await apply(prescribed)).response.json()).toMatchObject({ code: 40066 });
    const revoked = await api('POST', `/keys/certificates/${certificates.other.id}/revoke`, {
      reason: 'keyCompromise',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await profile({ certificate_id: certificates.other.id }, 6);
    const dead = await apply(prescribed);
    expect(dead.response.json()).toMatchObject({ code: 40066 });
    expect([dead.version, dead.uses]).toEqual([1, 0]);
  });
});
