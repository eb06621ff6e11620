import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  reauthenticatedHeaders,
  tokenFor,
} from '../../../test/identity-fixtures.js';
import { passkeyKit, passkeyOrigin } from '../../../test/passkey-kit.js';
import {
  api,
  createRecordsTestApp,
  createSigner,
  policyBody,
  type RecordsTestApp,
  type Signer,
  signBody,
} from '../../../test/records-kit.js';
import type { SoftAuthenticator } from '../../../test/soft-authenticator.js';
import { sweepDormantAccounts } from '../identity/index.js';
import { recordsErrors } from './records.errors.js';

// 21 CFR §11.300 (issue 16 item 7): the credential inventory, immediate revocation of a lost
// device by an administrator, and the dormant-account sweep (manual clock).
let t: RecordsTestApp;
let tina: Signer;
let samToken: string;
let auditorToken: string;
let phone: SoftAuthenticator;
const kit = passkeyKit(() => t);
const db = () => t.app.signx.db;
const password = 'Correct-Horse-7-Battery';
const get = (url: string, token: string) =>
  t.app.inject({ method: 'GET', url: `${api}${url}`, headers: bearer(token) });
const del = (url: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'DELETE', url: `${api}${url}`, headers });
const inventory = (token: string, query = '') => get(`/signature/credential-inventory${query}`, token);
const passkeyRows = (userId: string) =>
  db().selectFrom('identity_passkeys').select(['id', 'revoked_at']).where('user_id', '=', userId).execute();
const totpBound = async (userId: string) =>
  (await db().selectFrom('totp_factors').select('user_id').where('user_id', '=', userId).execute()).length;
const signaturesOf = (userId: string) =>
  db().selectFrom('records_signatures').select('id').where('user_id', '=', userId).execute();
const statusOf = async (username: string) =>
  (await db().selectFrom('users').select('status').where('username', '=', username).executeTakeFirstOrThrow())
    .status;

async function passkeyAssertion(token: string) {
  const started = await t.post('/auth/step-up/passkey/options', token, {});
  if (started.statusCode !== 200) throw new Error(started.body);
  const { challenge_id, options } = started.json().data;
  return JSON.stringify({ challenge_id, response: phone.assert(options, { userVerified: true }) });
}

beforeAll(async () => {
  t = await createRecordsTestApp({ PUBLIC_URL: passkeyOrigin, DORMANT_ACCOUNT_DAYS: '30' });
  const created = await t.post('/signature/policies', t.adminToken, policyBody);
  if (created.statusCode !== 201) throw new Error(created.body);
  tina = await createSigner(t, 'tina');
  phone = kit.key();
  expect((await kit.register(tina.token, phone, 'Phone')).statusCode).toBe(201);
  const allowed = await t.app.inject({
    method: 'PUT',
    url: `${api}/signature/settings`,
    headers: bearer(tina.token),
    payload: { is_biometric_enabled: true },
  });
  if (allowed.statusCode !== 200) throw new Error(allowed.body);
  await createUserWith(t.app, { username: 'sam', roles: ['operations_specialist'] });
  samToken = await tokenFor(t.app, 'sam');
  await createUserWith(t.app, { username: 'audrey', roles: ['auditor'] });
  auditorToken = await tokenFor(t.app, 'audrey');
  await createUserWith(t.app, { username: 'idle', roles: ['operations_specialist'] });
});
afterAll(() => t.close());

describe('credential inventory (§11.300)', () => {
  it('shows last sign-in, TOTP, passkeys, PIN and dormancy per user, to auditors and administrators only', async () => {
    const response = await inventory(auditorToken, '?q=tina');
    expect(response.statusCode, response.body).toBe(200);
    const { items, total, dormant_account_days } = response.json().data;
    expect([total, dormant_account_days]).toEqual([1, 30]);
    expect(items[0]).toMatchObject({
      username: 'tina',
      status: 'active',
      has_totp: true,
      passkeys: 1,
      has_pin: true,
      is_pin_expired: false,
      is_dormant: false,
    });
    expect(items[0].last_login_at).not.toBeNull();
    const idle = (await inventory(t.adminToken, '?q=idle')).json().data.items[0];
    expect(idle).toMatchObject({ last_login_at: null, has_totp: false, passkeys: 0, has_pin: false });
    const denied = await inventory(samToken);
    expect(denied.statusCode).toBe(403);
  });

  it('filters and pages; bad filters are refused', async () => {
    const withPasskey = (await inventory(t.adminToken, '?has_passkey=true')).json().data;
    expect(withPasskey.items.map((i: { username: string }) => i.username)).toEqual(['tina']);
    const withoutTotp = (await inventory(t.adminToken, '?has_totp=false&sort=username')).json().data;
    expect(withoutTotp.items.map((i: { username: string }) => i.username)).toEqual([
      'audrey',
      'idle',
      'root',
      'sam',
    ]);
    const paged = (await inventory(t.adminToken, '?page=2&page_size=2&sort=username')).json().data;
    expect([paged.total, paged.pages, paged.items.map((i: { username: string }) => i.username)]).toEqual([
      5,
      3,
      ['root', 'sam'],
    ]);
    expect((await inventory(t.adminToken, '?dormant=true')).json().data.total).toBe(0);
    for (const bad of ['?status=gone', '?sort=password_hash', '?page_size=0', '?has_totp=maybe'])
      expect((await inventory(t.adminToken, bad)).statusCode, bad).toBe(400);
  });
});

describe('an administrator revokes a lost device at once', () => {
  it('a non-administrator cannot revoke another user’s passkey or authenticator; nothing changes', async () => {
    const [key] = await passkeyRows(tina.id);
    const headers = await reauthenticatedHeaders(t.app, samToken);
    expect((await del(`/users/${tina.id}/passkeys/${key?.id}`, headers)).statusCode).toBe(403);
    expect((await del(`/users/${tina.id}/mfa`, headers)).statusCode).toBe(403);
    expect((await get(`/users/${tina.id}/passkeys`, samToken)).statusCode).not.toBe(200);
    expect(await passkeyRows(tina.id)).toEqual([{ id: key?.id, revoked_at: null }]);
    expect(await totpBound(tina.id)).toBe(1);
  });

  it('revoking a passkey needs a step-up proof, then refuses an assertion made before it', async () => {
    const listed = (await get(`/users/${tina.id}/passkeys`, t.adminToken)).json().data.items;
    expect(listed.map((p: { name: string }) => p.name)).toEqual(['Phone']);
    const keyId = listed[0].id as string;
    const noProof = await del(`/users/${tina.id}/passkeys/${keyId}`, bearer(t.adminToken));
    expect(noProof.statusCode).toBe(403);
    expect((await passkeyRows(tina.id))[0]?.revoked_at).toBeNull();
    const pending = await passkeyAssertion(tina.token); // the device's answer, made before the revocation
    const revoked = await del(
      `/users/${tina.id}/passkeys/${keyId}`,
      await reauthenticatedHeaders(t.app, t.adminToken),
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await passkeyRows(tina.id))[0]?.revoked_at).not.toBeNull();
    const events = await auditRows(t.app, 'identity.passkey.revoked');
    expect(events.map((e) => e.entity_id)).toEqual([tina.id]);
    const sign = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'L-1' }),
      credentials: { password, passkey: pending },
    });
    expect(sign.statusCode).not.toBe(201);
    expect([recordsErrors.COMPONENT_UNAVAILABLE.api, recordsErrors.CEREMONY_FAILED.api]).toContain(
      sign.json().code,
    );
    expect(await signaturesOf(tina.id)).toEqual([]);
    const again = await del(
      `/users/${tina.id}/passkeys/${keyId}`,
      await reauthenticatedHeaders(t.app, t.adminToken),
    );
    expect(again.statusCode).toBe(404);
  });

  it('removing the authenticator makes a TOTP ceremony fail at once', async () => {
    const code = t.totp(tina);
    const removed = await del(`/users/${tina.id}/mfa`, await reauthenticatedHeaders(t.app, t.adminToken));
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await totpBound(tina.id)).toBe(0);
    const sign = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'L-2' }),
      credentials: { password, totp: code },
    });
    expect(sign.statusCode).not.toBe(201);
    expect(await signaturesOf(tina.id)).toEqual([]);
    const row = (await inventory(t.adminToken, '?q=tina')).json().data.items[0];
    expect([row.has_totp, row.passkeys]).toEqual([false, 0]);
  });
});

describe('dormant accounts (§11.300(b))', () => {
  it('the sweep disables accounts unused for DORMANT_ACCOUNT_DAYS, one audit row each, never the last active super administrator', async () => {
    await createAdmin(t.app, 'root2'); // a second super administrator who never signed in
    t.clock.advance(31 * 86_400_000);
    const first = await sweepDormantAccounts(t.app.signx);
    const names = async (ids: string[]) =>
      (
        await db()
          .selectFrom('users')
          .select('username')
          .where('id', 'in', ids.length ? ids : ['-'])
          .execute()
      )
        .map((r) => r.username)
        .sort();
    expect(await names(first.disabled)).toEqual(['audrey', 'idle', 'root', 'sam', 'tina']);
    expect(await names(first.kept)).toEqual(['root2']);
    expect(await statusOf('root2')).toBe('active');
    const audits = await auditRows(t.app, 'identity.user.disabled');
    expect(audits).toHaveLength(5);
    expect(new Set(audits.map((a) => a.reason))).toEqual(new Set(['dormant: no sign-in for 30 days']));
    // the sessions ended with the accounts
    expect((await get('/me', tina.token)).statusCode).toBe(401);
    // a second run changes nothing
    expect(await sweepDormantAccounts(t.app.signx)).toEqual({ disabled: [], kept: first.kept });
    // once another super administrator is active, the dormant one goes too
    await createAdmin(t.app, 'root3');
    const root3 = await tokenFor(t.app, 'root3');
    const dormant = (await inventory(root3, '?dormant=true')).json().data;
    expect(
      dormant.items.map((i: { username: string; is_dormant: boolean }) => [i.username, i.is_dormant]),
    ).toEqual([['root2', true]]);
    const second = await sweepDormantAccounts(t.app.signx);
    expect([await names(second.disabled), second.kept]).toEqual([['root2'], []]);
    expect(await statusOf('root3')).toBe('active');
  });

  it('does nothing when DORMANT_ACCOUNT_DAYS is 0', async () => {
    const off = await createIdentityTestApp({ DORMANT_ACCOUNT_DAYS: '0' });
    try {
      await createUserWith(off.app, { username: 'old' });
      off.clock.advance(400 * 86_400_000);
      expect(await sweepDormantAccounts(off.app.signx)).toEqual({ disabled: [], kept: [] });
      const row = await off.app.signx.db
        .selectFrom('users')
        .select('status')
        .where('username', '=', 'old')
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('active');
    } finally {
      await off.close();
    }
  });
});
