import { fieldAppearanceText, parseCertificate, validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createUserWith } from '../../../test/identity-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { documents } from '../documents/index.js';
import { modules } from '../index.js';
import { PLATFORM_DEFAULT, type ProfileSettings } from '../profiles/index.js';
import { can } from './signing.catalogue.js';

/**
 * What a signer's signature carries under the request's profile (profiles `useProfile`): the
 * layout decides which lines, in which order and with which captions; the organisation,
 * location and certificate lines are drawn; the meaning comes from the profile's list and is
 * refused (40028, nothing stored) outside it; the /Location is the profile's.
 */
const admin = asUser('019a0000-0000-7000-8000-0000000000b7', [
  ...Object.values(can),
  'profiles.profile.read',
  'profiles.profile.manage',
  'identity.department.create',
]);
let t: TestApp;
/** Hebrew is drawn in visual order: the text layer reads a Hebrew run right to left. */
const he = (text: string) => [...text.replace(/\s/g, '')].reverse().join('');
let sender: Record<string, string>;

const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

async function saveProfile(scope_id: string, settings: ProfileSettings) {
  const body = { scope_type: 'template', scope_id, name: 'fields profile', settings };
  return call('POST', '/profiles', admin, body);
}

async function sentRequest(code: string) {
  const template = await call('POST', '/digital-signature/templates', sender, {
    template_name: code,
    template_code: code,
    entity_type: 'contract',
  });
  const created = await call('POST', '/digital-signature/requests', sender, {
    entity_type: 'contract',
    entity_id: 78,
    title: 'Supply contract',
    template_code: code,
    signers: [{ signer_name: 'Noa Levi', signer_email: 'noa@example.com' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().data.id as string;
  const sent = await call('POST', `/digital-signature/requests/${id}/send`, sender);
  return {
    id,
    templateId: template.json().data.id as string,
    token: sent.json().data.links[0].token as string,
  };
}
const sign = (token: string, extra: { meaning?: string } = {}) =>
  call(
    'POST',
    '/digital-signature/sign',
    {},
    { token, signature_type: 'typed', signature_data: 'Noa Levi', consent_given: true, ...extra },
  );

async function signed(id: string) {
  const detail = (await call('GET', `/digital-signature/requests/${id}`, sender)).json().data;
  const current = await documents.current(t.database.db, detail.documents[0].document_id);
  const pdf = await documents.read(t.app.signx, current.sha256);
  const report = await validate(pdf, {
    trustAnchors: [await t.app.signx.trust.rootCertificate()],
    revocation: 'off',
  });
  const rows = await t.database.db
    .selectFrom('digital_signatures')
    .select(['certificate', 'status'])
    .where('request_id', '=', id)
    .execute();
  return { pdf, report, rows, signer: detail.signers[0].status as string, version: current.version };
}

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
  const department = await call('POST', '/departments', admin, { name: 'Purchasing' });
  const requester = await createUserWith(t.app, {
    username: 'buyer',
    departmentId: department.json().data.id,
  });
  sender = asUser(requester.id, Object.values(can));
}, 120_000);
afterAll(() => t?.close());

describe('the profile’s printed fields, meanings and layout on a signer’s signature', () => {
  it('detailed layout: the listed order, certificate with issuer, location, meaning from the list', async () => {
    const r = await sentRequest('FIELDS-DETAILED');
    const settings: ProfileSettings = {
      ...PLATFORM_DEFAULT,
      pades_level: 'B-B',
      location: 'תל אביב',
      meanings: ['审批', 'review'],
      appearance: {
        template: 'detailed',
        fields: ['certificate', 'location', 'meaning', 'name'],
        font: 'Noto Sans',
        languages: ['zh-CN', 'he'],
      },
    };
    expect((await saveProfile(r.templateId, settings)).statusCode).toBe(201);
    // A meaning outside the profile's list: 40028, nothing signed or stored.
    const before = await signed(r.id);
    const refused = await sign(r.token, { meaning: 'authorship' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ code: 40028 });
    expect(refused.json().message).toContain('审批; review');
    const after = await signed(r.id);
    expect([after.rows.length, after.signer, after.version]).toEqual([0, 'sent', before.version]);

    const ok = await sign(r.token);
    expect(ok.statusCode, ok.body).toBe(201);
    const { pdf, report, rows } = await signed(r.id);
    expect(report.signatures.map((s) => [s.isValid, s.location, s.reason])).toEqual([
      [true, 'תל אביב', '审批: Supply contract'],
    ]);
    const cert = parseCertificate(
      Buffer.from(rows[0]!.certificate!.replace(/-----[^-]+-----|\s/g, ''), 'base64'),
    );
    const serial = cert.serial.replace(/^0+(?=.)/, '').toUpperCase();
    const issuerCn = /CN=([^,+]+)/.exec(cert.issuer)![1]!.replace(/\s/g, '');
    const drawn = fieldAppearanceText(pdf, 'SignX_Signature_1');
    const lines = [
      `证书/${he('תעודה')}:NoaLevi#${serial.slice(0, 8)}`,
      `(${issuerCn})`,
      // One right-to-left run: caption, colon and value.
      `地点/${he('מקום: תל אביב')}`,
      `含义/${he('משמעות')}:审批`,
      `签署人/${he('נחתם על ידי')}:NoaLevi`,
    ];
    for (const line of lines) expect(drawn).toContain(line);
    const at = lines.map((l) => drawn.indexOf(l));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(drawn).not.toContain('时间');
    const [event] = (await auditRows(t.app, 'signing.request.signed')).filter((e) => e.entity_id === r.id);
    expect(JSON.parse(event!.details!)).toMatchObject({ meaning: '审批' });
  });

  it('compact layout: captions in the first language only, display order; a listed meaning is taken', async () => {
    const r = await sentRequest('FIELDS-COMPACT');
    const settings: ProfileSettings = {
      ...PLATFORM_DEFAULT,
      pades_level: 'B-B',
      meanings: ['approval', 'review'],
      appearance: {
        template: 'compact',
        fields: ['organisation', 'meaning', 'name'],
        font: 'Noto Sans',
        languages: ['he', 'en'],
      },
    };
    expect((await saveProfile(r.templateId, settings)).statusCode).toBe(201);
    expect((await sign(r.token, { meaning: 'review' })).statusCode).toBe(201);
    const drawn = fieldAppearanceText((await signed(r.id)).pdf, 'SignX_Signature_1');
    expect(drawn).toContain(`Review:${he('משמעות')}`);
    expect(drawn).toContain(`NoaLevi:${he('נחתם על ידי')}`);
    expect(drawn.indexOf(he('נחתם על ידי'))).toBeLessThan(drawn.indexOf(he('משמעות')));
    // The platform issues signer certificates without O: the organisation line is left out.
    for (const absent of ['Signedby', 'Meaning', he('ארגון')]) expect(drawn).not.toContain(absent);
  });

  it('refuses a layout or printed field the engine does not know (40022), saving nothing', async () => {
    const bad = (appearance: Partial<ProfileSettings['appearance']>) =>
      saveProfile('no-such-template', {
        ...PLATFORM_DEFAULT,
        appearance: { ...PLATFORM_DEFAULT.appearance, ...appearance },
      });
    const layout = await bad({ template: 'fancy' });
    expect(layout.json()).toMatchObject({ code: 40022 });
    expect(layout.json().message).toContain('"fancy" is not a layout');
    const field = await bad({ fields: ['name', 'salary'] });
    expect(field.json()).toMatchObject({ code: 40022 });
    expect(field.json().message).toContain('salary cannot be printed');
    const listed = (await call('GET', '/profiles', admin)).json().data.items as { scope_id: string }[];
    expect(listed.some((p) => p.scope_id === 'no-such-template')).toBe(false);
  });
});
