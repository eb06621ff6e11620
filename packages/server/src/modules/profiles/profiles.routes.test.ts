import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postDocument, scopedHeaderAuthModule } from '../../../test/documents-kit.js';
import { contractPdf } from '../../../test/seals-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { modules } from '../index.js';
import { profilesErrors } from './profiles.errors.js';
import { PLATFORM_DEFAULT } from './profiles.settings.js';

const adminId = '019a0000-0000-7000-8000-00000000a001';
const who = (permissions: string[]) => ({
  'x-test-user': adminId,
  'x-test-permissions': permissions.join(','),
  'x-test-scope': 'all',
});
const manager = who(['profiles.profile.read', 'profiles.profile.manage']);
const reader = who(['profiles.profile.read']);
let t: TestApp;
const api = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const body = (extra: object = {}) => ({
  scope_type: 'organisation',
  scope_id: '北京示例科技有限公司',
  name: '合同签署',
  settings: PLATFORM_DEFAULT,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, scopedHeaderAuthModule] } });
});
afterAll(() => t?.close());

describe('profiles routes', () => {
  it('creates, versions, lists history and resolves a profile', async () => {
    const created = await api('POST', '/profiles', manager, body({ note: 'first' }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.profile.id as string;
    const settings = { ...PLATFORM_DEFAULT, pades_level: 'B-LT', tsa_urls: ['https://tsa.example/a'] };
    const v2 = await api('POST', '/profiles', manager, body({ settings, base_version: 1 }));
    expect(v2.statusCode, v2.body).toBe(201);
    const detail = (await api('GET', `/profiles/${id}`, reader)).json().data;
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const old = (await api('GET', `/profiles/${id}/versions/1`, reader)).json().data;
    expect(old.settings.pades_level).toBe('B-LTA');
    const resolved = await api(
      'GET',
      `/profiles/resolve?organisation=${encodeURIComponent('北京示例科技有限公司')}`,
      reader,
    );
    expect(resolved.json().data).toMatchObject({ scope_type: 'organisation', version: 2 });
    expect(resolved.json().data.settings.tsa_urls).toEqual(['https://tsa.example/a']);
  });

  it('refuses a stale save, an invalid setting and a reader, leaving versions untouched', async () => {
    const stale = await api('POST', '/profiles', manager, body({ base_version: 1 }));
    expect(stale.json().code).toBe(profilesErrors.PROFILE_VERSION_CONFLICT.api);
    const weak = {
      ...PLATFORM_DEFAULT,
      certificate_policy: { ...PLATFORM_DEFAULT.certificate_policy, min_rsa_bits: 1024 },
    };
    const invalid = await api('POST', '/profiles', manager, body({ settings: weak, base_version: 2 }));
    expect(invalid.statusCode).toBe(400);
    const denied = await api('POST', '/profiles', reader, body({ base_version: 2 }));
    expect(denied.statusCode).toBe(403);
    const rows = await t.database.db.selectFrom('signing_profile_versions').select('version').execute();
    expect(rows.map((r) => r.version).sort()).toEqual([1, 2]);
  });
});

describe('GET /profiles/default', () => {
  it('returns the built-in default to a reader and refuses without profiles.profile.read', async () => {
    const res = await api('GET', '/profiles/default', reader);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toEqual(PLATFORM_DEFAULT);
    const denied = await api('GET', '/profiles/default', who(['documents.document.read']));
    expect(denied.statusCode).toBe(403);
    // It is the built-in default, not a configured platform profile, even once one exists.
    const platform = await api('POST', '/profiles', manager, {
      scope_type: 'platform',
      scope_id: '*',
      name: 'Platform',
      settings: { ...PLATFORM_DEFAULT, pades_level: 'B-T' },
    });
    expect(platform.statusCode, platform.body).toBe(201);
    expect((await api('GET', '/profiles/default', reader)).json().data.pades_level).toBe('B-LTA');
  });
});

describe('seal apply uses the organisation profile', () => {
  it('refuses to seal when the certificate lacks the profile’s required policy OID, sealing nothing', async () => {
    const all = who([
      'profiles.profile.read',
      'profiles.profile.manage',
      'seals.seal.manage',
      'seals.authorisation.manage',
      'seals.seal.use',
      'documents.document.read',
      'documents.document.upload',
    ]);
    const filed = await postDocument(
      t,
      all,
      { category: 'contract', entity_type: 'contract', entity_id: 'C-9', title: '合同' },
      { name: 'c.pdf', bytes: await contractPdf(1), type: 'application/pdf' },
    );
    const documentId = filed.json().data.document.id as string;
    const organisation = '严格策略有限公司';
    const seal = await api('POST', '/seals', all, { organisation, seal_type: 'contract', name: '合同章' });
    const sealId = seal.json().data.id as string;
    await api('POST', `/seals/${sealId}/authorisations`, all, {
      subject_type: 'user',
      subject_id: adminId,
      categories: ['contract'],
      valid_from: '2020-01-01T00:00:00.000Z',
      valid_until: '2099-01-01T00:00:00.000Z',
    });
    const strict = {
      ...PLATFORM_DEFAULT,
      certificate_policy: { ...PLATFORM_DEFAULT.certificate_policy, policy_oids: ['1.2.156.1.99'] },
    };
    const saved = await api('POST', '/profiles', all, body({ scope_id: organisation, settings: strict }));
    expect(saved.statusCode, saved.body).toBe(201);
    const applied = await api('POST', `/seals/${sealId}/apply`, all, {
      document_id: documentId,
      placement: { mode: 'coordinates', page: 1, x: 100, y: 100 },
    });
    expect(applied.json().code, applied.body).toBe(profilesErrors.PROFILE_CERTIFICATE_REJECTED.api);
    expect(applied.json().message).toContain('certificate policies lack 1.2.156.1.99');
    const uses = await t.database.db
      .selectFrom('seal_uses')
      .selectAll()
      .where('seal_id', '=', sealId)
      .execute();
    expect(uses).toEqual([]);
  });
});
