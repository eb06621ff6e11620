import { createRootCa, issueSignerCertificate } from '@signx/pades';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { userActor } from '../../../test/test-principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { isDomainError } from '../../platform/errors.js';
import { auditModule } from '../audit/index.js';
import { profilesModule } from './index.js';
import { can } from './profiles.catalogue.js';
import { type ProfilesDeps, profilesDeps } from './profiles.deps.js';
import { profilesErrors } from './profiles.errors.js';
import {
  assertCertificateAllowed,
  getVersion,
  listVersions,
  resolveProfile,
  type SaveProfile,
  saveProfile,
  withTsaFailover,
} from './profiles.service.js';
import { PLATFORM_DEFAULT } from './profiles.settings.js';

// Runs on SQLite (npm test) and on PostgreSQL (SIGNX_TEST_DIALECT=postgres).
const adminId = '019a0000-0000-7000-8000-0000000000a1';
const admin = userActor(adminId, [can['profiles.profile.read'], can['profiles.profile.manage']]);
let t: ModuleTestContext;
let deps: ProfilesDeps;
const db = () => t.database.db;
const save = (input: Partial<SaveProfile> & Pick<SaveProfile, 'scope_type' | 'scope_id'>) =>
  inTransaction(db(), (trx) =>
    saveProfile(trx, deps, admin, { name: 'P', settings: PLATFORM_DEFAULT, ...input }),
  );
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

beforeEach(async () => {
  t = await createModuleTestContext([auditModule, profilesModule]);
  deps = profilesDeps(t.ctx);
});
afterEach(async () => {
  await t.close();
});

describe('signing profiles: versions and audit', () => {
  it('creates version 1, then each save is a new version with the old one readable', async () => {
    const first = await save({ scope_type: 'organisation', scope_id: 'Acme 集团', note: '初始' });
    expect(first.profile.current_version).toBe(1);
    const second = await save({
      scope_type: 'organisation',
      scope_id: 'Acme 集团',
      base_version: 1,
      settings: { ...PLATFORM_DEFAULT, pades_level: 'B-LT', tsa_urls: ['https://tsa.example/1'] },
    });
    expect(second.profile.id).toBe(first.profile.id);
    expect(second.version.version).toBe(2);
    const versions = await listVersions(db(), first.profile.id);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(JSON.parse((await getVersion(db(), first.profile.id, 1)).settings).pades_level).toBe('B-LTA');
    const audits = await db()
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', 'like', 'profiles.%')
      .orderBy('seq')
      .execute();
    expect(audits).toEqual([
      { action: 'profiles.profile.version_saved', entity_id: first.profile.id },
      { action: 'profiles.profile.version_saved', entity_id: first.profile.id },
    ]);
  });

  it('refuses a save from a stale version and writes nothing', async () => {
    await save({ scope_type: 'department', scope_id: 'legal' });
    await save({ scope_type: 'department', scope_id: 'legal', base_version: 1 });
    const err = await failure(save({ scope_type: 'department', scope_id: 'legal', base_version: 1 }));
    expect(isDomainError(err, profilesErrors.PROFILE_VERSION_CONFLICT)).toBe(true);
    const rows = await db().selectFrom('signing_profile_versions').select('version').execute();
    expect(rows.map((r) => r.version).sort()).toEqual([1, 2]);
  });

  it('refuses a platform profile with an id other than "*" and writes nothing', async () => {
    const err = await failure(save({ scope_type: 'platform', scope_id: 'acme' }));
    expect(isDomainError(err, profilesErrors.PROFILE_SCOPE_INVALID)).toBe(true);
    expect(await db().selectFrom('signing_profiles').selectAll().execute()).toEqual([]);
  });
});

describe('resolveProfile', () => {
  it('resolves template → department → organisation → platform default', async () => {
    expect((await resolveProfile(db(), { organisation: 'Acme' })).version).toBe(0);
    await save({ scope_type: 'platform', scope_id: '*', name: 'platform' });
    await save({ scope_type: 'organisation', scope_id: 'Acme', name: 'org' });
    await save({ scope_type: 'department', scope_id: 'legal', name: 'dept' });
    await save({ scope_type: 'template', scope_id: 'tpl-1', name: 'tpl' });
    const r = (target: Parameters<typeof resolveProfile>[1]) =>
      resolveProfile(db(), target).then((x) => `${x.scope_type}:${x.scope_id}`);
    expect(await r({ template: 'tpl-1', department: 'legal', organisation: 'Acme' })).toBe('template:tpl-1');
    expect(await r({ template: 'tpl-2', department: 'legal', organisation: 'Acme' })).toBe(
      'department:legal',
    );
    expect(await r({ department: 'hr', organisation: 'Acme' })).toBe('organisation:Acme');
    expect(await r({ organisation: 'Other' })).toBe('platform:*');
  });
});

describe('certificate policy and TSA failover', () => {
  it('rejects a certificate without the required policy OID before signing', async () => {
    const ca = await createRootCa({ commonName: 'Profiles Root' });
    const cert = (await issueSignerCertificate(ca, { legalName: 'Alice' })).certificate;
    expect(() => assertCertificateAllowed(PLATFORM_DEFAULT, cert, 'SHA-256')).not.toThrow();
    const strict = {
      ...PLATFORM_DEFAULT,
      certificate_policy: { ...PLATFORM_DEFAULT.certificate_policy, policy_oids: ['1.2.3.4'] },
    };
    let err: unknown;
    try {
      assertCertificateAllowed(strict, cert, 'SHA-256');
    } catch (e) {
      err = e;
    }
    expect(isDomainError(err, profilesErrors.PROFILE_CERTIFICATE_REJECTED)).toBe(true);
    expect((err as Error).message).toContain('certificate policies lack 1.2.3.4');
  });

  it('tries each TSA in order until one answers, and names all when none does', async () => {
    const tried: string[] = [];
    const stamp = async (url: string) => {
      tried.push(url);
      if (url !== 'https://b') throw new Error('down');
      return `token from ${url}`;
    };
    expect(await withTsaFailover(['https://a', 'https://b', 'https://c'], stamp)).toBe(
      'token from https://b',
    );
    expect(tried).toEqual(['https://a', 'https://b']);
    await expect(withTsaFailover(['https://a', 'https://c'], stamp)).rejects.toThrow(
      'no time-stamp authority answered (https://a: down; https://c: down)',
    );
  });
});
