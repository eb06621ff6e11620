import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCrl } from '@signx/pades';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditActions } from '../../../test/audit-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can } from './keys.catalogue.js';

const adminId = '019a0000-0000-7000-8000-0000000000c1';
const manager = asUser(adminId, [can['keys.certificate.manage']]);
const reader = asUser(adminId, [can['keys.certificate.read']]);
const ORG = { legal_name: '福州示例科技有限公司', uscc: '91350100M000100Y43', storage: 'file' };

let t: TestApp;
const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/keys${url}`, headers, ...(payload ? { payload } : {}) });
const db = () => t.database.db;
const actions = () => auditActions(db(), 'keys.');

/** A PKCS#12 made by OpenSSL, with O and organizationIdentifier in its (self-signed) certificate. */
function opensslPkcs12(password: string): string {
  const dir = t.dataDir;
  const key = join(dir, 'org.key');
  const cert = join(dir, 'org.crt');
  const p12 = join(dir, 'org.p12');
  const subj = '/C=CN/O=Imported Org Ltd/CN=Imported Org Ltd/organizationIdentifier=NTRCN-91440300708461136T';
  execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', key]);
  execFileSync('openssl', [
    'req',
    '-new',
    '-x509',
    '-key',
    key,
    '-out',
    cert,
    '-days',
    '30',
    '-subj',
    subj,
    '-utf8',
  ]);
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    key,
    '-in',
    cert,
    '-out',
    p12,
    '-passout',
    `pass:${password}`,
  ]);
  return readFileSync(p12).toString('base64');
}

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());
beforeEach(async () => {
  await db().deleteFrom('keys_self_tests').execute();
  await db().deleteFrom('keys_org_certificates').execute();
  await db().deleteFrom('keys_managed_keys').execute();
});

describe('keys routes', () => {
  it('generates a file key and certificate (201), lists it, and replays a retry', async () => {
    const headers = { ...manager, 'idempotency-key': 'gen-1' };
    const created = await inject('POST', '/certificates', headers, ORG);
    expect(created.statusCode).toBe(201);
    const body = created.json().data;
    expect(body).toMatchObject({
      legal_name: ORG.legal_name,
      uscc: ORG.uscc,
      storage: 'file',
      state: 'active',
    });
    expect(body.allowed_actions).toEqual(['rotate', 'revoke']);
    expect(body.days_left).toBeGreaterThan(700);
    const again = await inject('POST', '/certificates', headers, ORG);
    expect(again.json().data.id).toBe(body.id);
    const list = await inject('GET', '/certificates', reader);
    expect(list.json().data.items.map((c: { id: string }) => c.id)).toEqual([body.id]);
    expect(list.json().data.items[0].allowed_actions).toEqual([]);
    expect(await actions()).toContain('keys.certificate.issued');
  });

  it('generates the key algorithm asked for, and refuses one it does not make (400) storing nothing', async () => {
    const bad = await inject('POST', '/certificates', manager, { ...ORG, algorithm: 'RSA-1024' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      {
        field: 'algorithm',
        message: 'Unsupported key algorithm RSA-1024: use EC-P256, EC-P384, RSA-2048, RSA-3072, RSA-4096',
      },
    ]);
    expect(await db().selectFrom('keys_managed_keys').selectAll().execute()).toEqual([]);
    const headers = { ...manager, 'idempotency-key': 'gen-rsa' };
    const created = await inject('POST', '/certificates', headers, { ...ORG, algorithm: 'RSA-2048' });
    expect(created.statusCode).toBe(201);
    expect(created.json().data.algorithm).toBe('RSA-2048');
  });

  it('refuses a wrong credit code (40083) and a reader (403), storing nothing', async () => {
    const bad = await inject('POST', '/certificates', manager, { ...ORG, uscc: '91350100M000100Y44' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe(40083);
    const denied = await inject('POST', '/certificates', reader, ORG);
    expect(denied.statusCode).toBe(403);
    expect(await db().selectFrom('keys_org_certificates').selectAll().execute()).toEqual([]);
  });

  it('imports a PKCS#12 and refuses a wrong password with 40084', async () => {
    const pkcs12 = opensslPkcs12('p12-secret');
    const wrong = await inject('POST', '/certificates/import', manager, { pkcs12, password: 'nope' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe(40084);
    const imported = await inject('POST', '/certificates/import', manager, {
      pkcs12,
      password: 'p12-secret',
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().data).toMatchObject({
      legal_name: 'Imported Org Ltd',
      uscc: '91440300708461136T',
      source: 'pkcs12',
      storage: 'file',
    });
    const selfTest = await inject('POST', '/self-test', manager);
    expect(selfTest.json().data).toMatchObject({ tested: 1, results: [{ ok: true }] });
  });

  it('rotates, then revokes the successor: the platform CRL lists it at once', async () => {
    const first = (await inject('POST', '/certificates', manager, ORG)).json().data;
    const rotated = await inject('POST', `/certificates/${first.id}/rotate`, manager, {});
    expect(rotated.statusCode).toBe(201);
    const next = rotated.json().data;
    expect(next.predecessor_id).toBe(first.id);
    const old = (await inject('GET', `/certificates/${first.id}`, reader)).json().data;
    expect(old).toMatchObject({ state: 'superseded', successor_id: next.id });
    const again = await inject('POST', `/certificates/${first.id}/rotate`, manager, {});
    expect(again.json().code).toBe(40981);
    const revoked = await inject('POST', `/certificates/${next.id}/revoke`, manager, {
      reason: 'keyCompromise',
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().data.state).toBe('revoked');
    const crl = await t.app.inject({ method: 'GET', url: '/pki/issuing.crl' });
    const serials = parseCrl(new Uint8Array(crl.rawPayload)).entries.map((x) => x.serial);
    expect(serials).toContain(next.serial);
    expect(serials).not.toContain(first.serial);
    expect((await actions()).slice(-3)).toEqual([
      'keys.certificate.issued',
      'keys.certificate.rotated',
      'keys.certificate.revoked',
    ]);
  });

  it('lists the platform root, CA and TSA keys with where they live (file keys here)', async () => {
    const res = await inject('GET', '/platform', reader);
    expect(res.statusCode).toBe(200);
    const rows = res.json().data as {
      role: string;
      storage: string;
      label: string | null;
      days_left: number;
    }[];
    expect(rows.map((r) => [r.role, r.storage, r.label])).toEqual([
      ['root', 'file', null],
      ['issuing', 'file', null],
      ['tsa', 'file', null],
    ]);
    expect(rows.every((r) => r.days_left > 300)).toBe(true);
  });
});
