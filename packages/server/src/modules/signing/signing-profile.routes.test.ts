import { fieldAppearanceText, validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWith } from '../../../test/identity-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { documents } from '../documents/index.js';
import { modules } from '../index.js';
import { PLATFORM_DEFAULT, type ProfileSettings } from '../profiles/index.js';
import { can } from './signing.catalogue.js';

/**
 * Signing a request checks the signer's certificate against the request's signing profile
 * (its template's, else the requester's department's) before anything is signed: a
 * certificate the profile refuses gets 40024 naming the failed requirement, and no
 * signature, document version or signer state is stored.
 */
const profilePermissions = ['profiles.profile.read', 'profiles.profile.manage'];
const admin = asUser('019a0000-0000-7000-8000-0000000000a7', [
  ...Object.values(can),
  ...profilePermissions,
  'identity.department.create',
]);
const api = '/api/v1';
let t: TestApp;
let sender: Record<string, string>;
let departmentId = '';

const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });
/** Only certificates on P-384 keys: the platform issues P-256 ones, so this profile refuses them. */
const p384Only: ProfileSettings = {
  ...PLATFORM_DEFAULT,
  certificate_policy: { ...PLATFORM_DEFAULT.certificate_policy, allowed_curves: ['P-384'] },
};

async function saveProfile(scope_type: string, scope_id: string, settings: ProfileSettings, base = 0) {
  const body = { scope_type, scope_id, name: `${scope_type} profile`, settings, base_version: base };
  const saved = await call('POST', '/profiles', admin, body);
  expect(saved.statusCode, saved.body).toBe(201);
}

/** A sent one-signer request on a new template; answers ids, the template id and the link token. */
async function sentRequest(code: string, by = sender) {
  const template = await call('POST', '/digital-signature/templates', by, {
    template_name: code,
    template_code: code,
    entity_type: 'contract',
  });
  expect(template.statusCode, template.body).toBe(201);
  const created = await call('POST', '/digital-signature/requests', by, {
    entity_type: 'contract',
    entity_id: 77,
    title: 'Framework agreement',
    template_code: code,
    signers: [{ signer_name: 'Noa Levi', signer_email: 'noa@example.com' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().data.id as string;
  const sent = await call('POST', `/digital-signature/requests/${id}/send`, by);
  const [link] = sent.json().data.links;
  return { id, templateId: template.json().data.id as string, token: link.token as string };
}
const sign = (token: string, extra: { reason?: string } = {}) =>
  call(
    'POST',
    '/digital-signature/sign',
    {},
    {
      token,
      signature_type: 'typed',
      signature_data: 'Noa Levi',
      consent_given: true,
      ...extra,
    },
  );

/** The request's signed PDF, validated against the platform root (revocation off). */
async function signedPdf(id: string, by = sender) {
  const detail = (await call('GET', `/digital-signature/requests/${id}`, by)).json().data;
  const current = await documents.current(t.database.db, detail.documents[0].document_id);
  const pdf = await documents.read(t.app.signx, current.sha256);
  const report = await validate(pdf, {
    trustAnchors: [await t.app.signx.trust.rootCertificate()],
    revocation: 'off',
  });
  return { pdf, report };
}

/** What signing would have changed: signatures, the signer's status, the document's version. */
async function state(id: string) {
  const signatures = await t.database.db
    .selectFrom('digital_signatures')
    .select('id')
    .where('request_id', '=', id)
    .execute();
  const detail = (await call('GET', `/digital-signature/requests/${id}`, sender)).json().data;
  const current = await documents.current(t.database.db, detail.documents[0].document_id);
  return { signatures: signatures.length, signer: detail.signers[0].status, version: current.version };
}

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
  const department = await call('POST', '/departments', admin, { name: 'Legal' });
  expect(department.statusCode, department.body).toBe(201);
  departmentId = department.json().data.id;
  const requester = await createUserWith(t.app, { username: 'requester', departmentId });
  sender = asUser(requester.id, Object.values(can));
}, 120_000);
afterAll(() => t?.close());

describe('signing under the request’s signing profile', () => {
  it('refuses a certificate the template’s profile rejects (40024), storing nothing; signs once the profile allows it', async () => {
    const r = await sentRequest('PROFILE-TPL');
    await saveProfile('template', r.templateId, p384Only);
    const before = await state(r.id);
    const refused = await sign(r.token);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe(40024);
    expect(refused.json().message).toContain('EC curve prime256v1 is not one of P-384');
    expect(await state(r.id)).toEqual(before);
    expect(before).toMatchObject({ signatures: 0, signer: 'sent' });

    await saveProfile('template', r.templateId, PLATFORM_DEFAULT, 1);
    const signed = await sign(r.token);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(await state(r.id)).toMatchObject({ signatures: 1, signer: 'signed', version: before.version + 1 });
  });

  it('falls back to the requester’s department profile; a template profile overrides it', async () => {
    await saveProfile('department', departmentId, p384Only);
    const viaDepartment = await sentRequest('PROFILE-DEPT');
    const refused = await sign(viaDepartment.token);
    expect(refused.json().code, refused.body).toBe(40024);
    expect((await state(viaDepartment.id)).signatures).toBe(0);

    const overridden = await sentRequest('PROFILE-OVERRIDE');
    await saveProfile('template', overridden.templateId, PLATFORM_DEFAULT);
    const signed = await sign(overridden.token);
    expect(signed.statusCode, signed.body).toBe(201);
  });

  it('signs at the profile’s PAdES level with its TSAs: B-B has no time-stamp; no TSA answering is 503, nothing stored', async () => {
    const plain = await sentRequest('PROFILE-LEVEL-BB');
    await saveProfile('template', plain.templateId, { ...PLATFORM_DEFAULT, pades_level: 'B-B' });
    const signed = await sign(plain.token);
    expect(signed.statusCode, signed.body).toBe(201);
    const detail = (await call('GET', `/digital-signature/requests/${plain.id}`, sender)).json().data;
    const current = await documents.current(t.database.db, detail.documents[0].document_id);
    const report = await validate(await documents.read(t.app.signx, current.sha256), {
      trustAnchors: [await t.app.signx.trust.rootCertificate()],
      revocation: 'off',
    });
    expect(report.signatures.map((r) => [r.kind, r.level, r.isValid])).toEqual([['signature', 'B-B', true]]);

    // The profile's only TSA is on loopback, which the outbound client refuses: no time-stamp,
    // so no B-T signature either — 503 naming the TSA, and nothing signed or stored.
    const deadTsa = 'http://127.0.0.1:9/tsa';
    const stamped = await sentRequest('PROFILE-LEVEL-BT');
    await saveProfile('template', stamped.templateId, {
      ...PLATFORM_DEFAULT,
      pades_level: 'B-T',
      tsa_urls: [deadTsa],
    });
    const before = await state(stamped.id);
    const refused = await sign(stamped.token);
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.json().message).toContain(deadTsa);
    expect(await state(stamped.id)).toEqual(before);
  });

  it('draws the profile’s fields in its caption languages and font, and signs with its default reason', async () => {
    const r = await sentRequest('PROFILE-LOOK');
    const look: ProfileSettings = {
      ...PLATFORM_DEFAULT,
      pades_level: 'B-B',
      appearance: { template: 'standard', fields: ['name'], font: 'Noto Serif SC', languages: ['zh-CN'] },
      reasons: ['合同签署', 'Approval'],
    };
    await saveProfile('template', r.templateId, look);
    // A reason outside the profile's list: 40022, nothing signed or stored.
    const before = await state(r.id);
    const refused = await sign(r.token, { reason: 'Because' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ code: 40022 });
    expect(refused.json().message).toContain('合同签署; Approval');
    expect(await state(r.id)).toEqual(before);

    const signed = await sign(r.token);
    expect(signed.statusCode, signed.body).toBe(201);
    const { pdf, report } = await signedPdf(r.id);
    // The engine writes /Reason as "<§11.50 meaning>: <reason>", as for every SignX signature.
    expect(report.signatures.map((s) => [s.isValid, s.reason])).toEqual([[true, 'approval: 合同签署']]);
    const drawn = fieldAppearanceText(pdf, 'SignX_Signature_1');
    expect(drawn).toContain('签署人:NoaLevi');
    for (const absent of ['时间', 'Time', 'Signedby', '原因', '合同签署'])
      expect(drawn).not.toContain(absent);
    expect(pdf.includes(Buffer.from('DejaVuSerif'))).toBe(true);
  });

  it('keeps every line and the request language’s captions under the built-in default', async () => {
    // Requested by the admin, who has no department: no profile applies.
    const r = await sentRequest('PROFILE-DEFAULT-LOOK', admin);
    const signed = await sign(r.token, { reason: 'Any reason' });
    expect(signed.statusCode, signed.body).toBe(201);
    const { pdf, report } = await signedPdf(r.id, admin);
    expect(report.signatures.map((s) => [s.isValid, s.reason])).toEqual([[true, 'approval: Any reason']]);
    const drawn = fieldAppearanceText(pdf, 'SignX_Signature_1');
    for (const line of ['Signedby:NoaLevi', 'Reason:Anyreason', 'Time:']) expect(drawn).toContain(line);
  });

  it('refuses a profile whose font the engine does not embed (40022), saving nothing', async () => {
    const settings = {
      ...PLATFORM_DEFAULT,
      appearance: { ...PLATFORM_DEFAULT.appearance, font: 'Comic Sans' },
    };
    const body = { scope_type: 'organisation', scope_id: 'acme-fonts', name: 'fonts', settings };
    const refused = await call('POST', '/profiles', admin, body);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe(40022);
    expect(refused.json().message).toContain('"Comic Sans" is not a font the signing engine embeds');
    const serifHebrew = { ...settings, appearance: { ...settings.appearance, font: 'Noto Serif' } };
    const hebrew = await call('POST', '/profiles', admin, { ...body, settings: serifHebrew });
    expect(hebrew.json().message, hebrew.body).toContain('no Hebrew glyphs');
    const listed = (await call('GET', '/profiles', admin)).json().data.items as { scope_id: string }[];
    expect(listed.some((p) => p.scope_id === 'acme-fonts')).toBe(false);
  });
});
