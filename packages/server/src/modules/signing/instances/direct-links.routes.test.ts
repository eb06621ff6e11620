import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, onePagePdf, readyTemplate } from '../../../../test/signing-instances-kit.js';
import { drawnPng } from '../../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../../test/test-principal.js';
import { modules } from '../../index.js';
import { can } from '../signing.catalogue.js';
import { signingErrors } from '../signing.errors.js';
import { instanceLimits } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';

const owner = asUser('019a0000-0000-7000-8000-0000000000f1', Object.values(can));
let t: TestApp;
const db = () => t.database.db;
const inject = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
  ip = '10.1.1.1',
) =>
  t.app.inject({ method, url: `${api}${url}`, headers, remoteAddress: ip, ...(payload ? { payload } : {}) });
const visitor = (n: number) => ({ signer_name: `Visitor ${n}`, signer_email: `visitor${n}@example.com` });
const requestCount = async () =>
  (await db().selectFrom('digital_signature_requests').select('id').execute()).length;

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());

describe('template setup', () => {
  it('stores PDFs by content, refuses a non-PDF body and roles that cannot sign', async () => {
    const id = await readyTemplate(t, owner, 'SETUP');
    const setup = (await inject('GET', `/templates/${id}/setup`, undefined, owner)).json().data;
    expect(setup.documents.map((d: { file_name: string }) => d.file_name)).toEqual(['Service agreement.pdf']);
    expect(setup.roles.map((r: { role_key: string; is_open: boolean }) => [r.role_key, r.is_open])).toEqual([
      ['client', true],
      ['company', false],
    ]);
    expect(setup.bulk_columns).toEqual(['client.name', 'client.email', 'client.phone', 'entity_id', 'title']);
    const fake = await t.app.inject({
      method: 'POST',
      url: `${api}/templates/${id}/documents?file_name=fake`,
      headers: { ...owner, 'content-type': 'application/pdf' },
      payload: Buffer.from('hello, this is plain text and not a pdf at all\n'),
    });
    // the documents module refuses what it does not accept at all; an accepted type that is not a PDF is ours to refuse
    expect([fake.statusCode, fake.json().code]).toEqual([415, 41560]);
    const png = await t.app.inject({
      method: 'POST',
      url: `${api}/templates/${id}/documents?file_name=image`,
      headers: { ...owner, 'content-type': 'application/pdf' },
      payload: drawnPng(),
    });
    expect([png.statusCode, png.json().code]).toEqual([400, signingErrors.DOCUMENT_NOT_PDF.api]);
    const viewers = await t.app.inject({
      method: 'PUT',
      url: `${api}/templates/${id}/roles`,
      headers: owner,
      payload: { roles: [{ role_key: 'a', role: 'viewer' }] },
    });
    expect(viewers.json().code).toBe(instancesErrors.TEMPLATE_ROLES_INVALID.api);
    const after = (await inject('GET', `/templates/${id}/setup`, undefined, owner)).json().data;
    expect(after.documents).toHaveLength(1);
    expect(after.roles).toHaveLength(2);
  });

  it('needs signing.template.manage', async () => {
    const id = await readyTemplate(t, owner, 'SETUP-ACCESS');
    const reader = asUser('019a0000-0000-7000-8000-0000000000f2', ['signing.template.read']);
    expect((await inject('POST', `/templates/${id}/direct-link`, {}, reader)).statusCode).toBe(403);
    expect((await inject('POST', `/templates/${id}/direct-link`, {})).statusCode).toBe(401);
    expect(await db().selectFrom('digital_signature_direct_links').selectAll().execute()).toEqual([]);
  });
});

describe('direct links', () => {
  it('publishes a 256-bit secret stored only as its SHA-256; a visitor signs a new instance', async () => {
    const id = await readyTemplate(t, owner, 'DIRECT');
    const issued = await inject('POST', `/templates/${id}/direct-link`, {}, owner);
    expect(issued.statusCode).toBe(201);
    const { token, url, direct_link } = issued.json().data;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(url).toMatch(new RegExp(`/direct/${token}$`));
    expect(direct_link).toMatchObject({ role_key: 'client', is_enabled: true, use_count: 0 });
    const row = await db()
      .selectFrom('digital_signature_direct_links')
      .selectAll()
      .where('template_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);

    const page = await inject('GET', `/direct/${token}`);
    expect(page.json().data).toMatchObject({
      template_name: 'Service agreement DIRECT',
      role_label: 'Client',
    });
    const signed = await inject('POST', `/direct/${token}`, { ...visitor(1), language: 'he' });
    expect(signed.statusCode, signed.body).toBe(201);
    const own = signed.json().data;
    const signingPage = await inject('GET', `/signing-page/${own.token}`);
    expect(signingPage.statusCode).toBe(200);
    const request = await db()
      .selectFrom('digital_signature_requests')
      .selectAll()
      .where('request_number', '=', own.request_number)
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({
      status: 'sent',
      template_id: id,
      entity_type: 'contract',
      language: 'he',
    });
    const signers = await db()
      .selectFrom('digital_signature_signers')
      .selectAll()
      .where('request_id', '=', request.id)
      .orderBy('signing_order')
      .execute();
    expect(signers.map((s) => [s.signer_name, s.signer_email, s.signing_order])).toEqual([
      ['Visitor 1', 'visitor1@example.com', 1],
      ['ACME Ltd', 'sign@acme.test', 2],
    ]);
    // the template's PDF, filed on the new record (same bytes)
    const templateDoc = await db()
      .selectFrom('digital_signature_template_documents')
      .select('document_id')
      .where('template_id', '=', id)
      .executeTakeFirstOrThrow();
    const [source, copy] = await Promise.all([
      db()
        .selectFrom('document_versions')
        .select('storage_key as sha256')
        .where('document_id', '=', templateDoc.document_id)
        .executeTakeFirstOrThrow(),
      db()
        .selectFrom('digital_signature_request_documents')
        .select('sent_sha256')
        .where('request_id', '=', request.id)
        .executeTakeFirstOrThrow(),
    ]);
    expect(copy.sent_sha256).toBe(source.sha256);
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'ip'])
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['signing.direct_link.issued', 'signing.direct_link.used']),
    );
    expect(audit.find((a) => a.action === 'signing.direct_link.used')?.ip).toBe('10.1.1.1');
  });

  it('rotating kills the old secret; disabling stops every use, enabling restores it', async () => {
    const id = await readyTemplate(t, owner, 'ROTATE');
    const first = (await inject('POST', `/templates/${id}/direct-link`, {}, owner)).json().data.token;
    const second = (await inject('POST', `/templates/${id}/direct-link`, {}, owner)).json().data.token;
    const before = await requestCount();
    const old = await inject('POST', `/direct/${first}`, visitor(2));
    expect([old.statusCode, old.json().code]).toEqual([401, instancesErrors.DIRECT_LINK_INVALID.api]);
    expect((await inject('GET', `/direct/${first}`)).statusCode).toBe(401);
    const off = await inject('PATCH', `/templates/${id}/direct-link`, { is_enabled: false }, owner);
    expect(off.json().data.is_enabled).toBe(false);
    expect((await inject('POST', `/direct/${second}`, visitor(3))).json().code).toBe(
      instancesErrors.DIRECT_LINK_INVALID.api,
    );
    expect((await inject('GET', `/direct/${second}`)).statusCode).toBe(401);
    expect(await requestCount()).toBe(before);
    await inject('PATCH', `/templates/${id}/direct-link`, { is_enabled: true }, owner);
    expect((await inject('POST', `/direct/${second}`, visitor(4))).statusCode).toBe(201);
    // an inactive template's link is dead too
    await t.app.inject({
      method: 'PUT',
      url: `${api}/templates/${id}`,
      headers: owner,
      payload: { is_active: false },
    });
    expect((await inject('POST', `/direct/${second}`, visitor(5))).statusCode).toBe(401);
    const actions = (
      await db().selectFrom('audit_events').select('action').where('entity_id', '=', id).execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['signing.direct_link.disabled', 'signing.direct_link.enabled']),
    );
  });

  it('refuses a link when another role has no fixed person', async () => {
    const id = await readyTemplate(t, owner, 'TWO-OPEN', [{ role_key: 'buyer' }, { role_key: 'seller' }]);
    const refused = await inject('POST', `/templates/${id}/direct-link`, {}, owner);
    expect(refused.json().code).toBe(instancesErrors.TEMPLATE_ROLES_INVALID.api);
    expect(
      await db()
        .selectFrom('digital_signature_direct_links')
        .selectAll()
        .where('template_id', '=', id)
        .execute(),
    ).toEqual([]);
  });

  it('rate-limits submissions per client IP; an unknown link counts too, other addresses go on', async () => {
    const id = await readyTemplate(t, owner, 'LIMIT');
    const token = (await inject('POST', `/templates/${id}/direct-link`, {}, owner)).json().data.token;
    // guessing links is throttled like using one
    for (let i = 0; i < instanceLimits.directLinkPerIp - 1; i++)
      expect(
        (await inject('POST', `/direct/${'x'.repeat(43)}`, visitor(10), {}, '10.7.7.7')).statusCode,
      ).toBe(401);
    expect((await inject('POST', `/direct/${token}`, visitor(11), {}, '10.7.7.7')).statusCode).toBe(201);
    const before = await requestCount();
    const limited = await inject('POST', `/direct/${token}`, visitor(12), {}, '10.7.7.7');
    expect([limited.statusCode, limited.json().code]).toEqual([429, 42901]);
    expect(await requestCount()).toBe(before);
    expect((await inject('POST', `/direct/${token}`, visitor(13), {}, '10.8.8.8')).statusCode).toBe(201);
  });

  it('validates the visitor’s fields and stores nothing on bad input', async () => {
    const id = await readyTemplate(t, owner, 'BADINPUT');
    const token = (await inject('POST', `/templates/${id}/direct-link`, {}, owner)).json().data.token;
    const before = await requestCount();
    for (const bad of [
      { signer_name: '', signer_email: 'a@b.co' },
      { signer_name: 'X', signer_email: 'not-mail' },
      { signer_name: 'X' },
    ])
      expect((await inject('POST', `/direct/${token}`, bad, {}, '10.2.2.2')).statusCode).toBe(400);
    expect(await requestCount()).toBe(before);
    expect(await onePagePdf('x')).toBeInstanceOf(Buffer);
  });
});
