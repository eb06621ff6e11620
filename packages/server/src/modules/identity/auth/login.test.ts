import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  login,
  testPassword,
  tokenFor,
} from '../../../../test/identity-fixtures.js';

const stable = (body: string) => {
  const { timestamp: _t, request_id: _r, ...rest } = JSON.parse(body);
  return rest;
};

describe('sign-in: passwords, unknown users, lockout, throttling, login log', () => {
  let t: IdentityTestApp;
  beforeAll(async () => {
    t = await createIdentityTestApp({ LOGIN_IP_MAX_FAILURES: '8' });
    await createAdmin(t.app);
    await createUserWith(t.app, { username: 'alice', roles: ['operations_specialist'] });
    await createUserWith(t.app, { username: 'bob' });
    await createUserWith(t.app, { username: 'carol' });
  });
  afterAll(() => t.close());

  it('signs in, returns a token pair, and logs + audits the success', async () => {
    const response = await login(t.app, 'Alice');
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json().data;
    expect(data.status).toBe('authenticated');
    expect(data.tokens.refresh_token).toMatch(/^sxr_/);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(data.tokens.access_token),
    });
    expect(me.json().data.user.username).toBe('alice');
    const log = await t.app.signx.db
      .selectFrom('login_log')
      .selectAll()
      .where('username', '=', 'Alice')
      .execute();
    expect(log).toMatchObject([{ result: 'success', method: 'password', ip: '10.0.0.1', reason: null }]);
    const audits = await auditRows(t.app, 'identity.login.succeeded');
    expect(audits.some((a) => a.actor_name === 'Alice' && a.ip === '10.0.0.1')).toBe(true);
  });

  it('token responses (login, refresh, step-up proof, API key) carry Cache-Control: no-store', async () => {
    await createUserWith(t.app, { username: 'cachey', roles: ['developer'] });
    const signIn = await login(t.app, 'cachey', testPassword, '10.0.9.1');
    const tokens = signIn.json().data.tokens;
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: tokens.refresh_token },
    });
    const access = refreshed.json().data.access_token;
    const stepUp = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/step-up',
      headers: bearer(access),
      payload: { password: testPassword },
    });
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(access),
      payload: { name: 'cache test', permissions: ['jobs.queue.read'] },
    });
    for (const response of [signIn, refreshed, stepUp, key]) {
      expect(response.statusCode, response.body).toBeLessThan(300);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers a wrong password and an unknown username identically, and logs both', async () => {
    const wrong = await login(t.app, 'bob', 'Wrong-Password-1', '10.0.1.1');
    const unknown = await login(t.app, 'nobody-here', 'Wrong-Password-1', '10.0.1.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(stable(unknown.body)).toEqual(stable(wrong.body));
    const rows = await t.app.signx.db
      .selectFrom('login_log')
      .selectAll()
      .where('ip', '=', '10.0.1.1')
      .orderBy('at')
      .execute();
    expect(rows.map((r) => r.reason).sort()).toEqual(['unknown_user', 'wrong_password']);
    expect(rows.find((r) => r.reason === 'unknown_user')?.user_id).toBeNull();
    const failed = await auditRows(t.app, 'identity.login.failed');
    expect(failed.filter((a) => a.ip === '10.0.1.1')).toHaveLength(2);
  });

  it('locks the account after 5 failures for 30 minutes, with the same answer, then lets it in again', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await login(t.app, 'carol', 'Wrong-Password-1', `10.0.2.${i}`)).statusCode).toBe(401);
    const user = await t.app.signx.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'carol')
      .executeTakeFirstOrThrow();
    expect(user.locked_until).toBe('2026-11-22T08:30:00.000Z');
    const locked = await login(t.app, 'carol', testPassword, '10.0.2.9');
    const unknown = await login(t.app, 'ghost', testPassword, '10.0.2.9');
    expect(locked.statusCode).toBe(401);
    expect(stable(locked.body)).toEqual(stable(unknown.body));
    const reasons = await t.app.signx.db
      .selectFrom('login_log')
      .select('reason')
      .where('username', '=', 'carol')
      .execute();
    expect(reasons.map((r) => r.reason)).toContain('locked_out');
    t.clock.advance(31 * 60_000);
    expect((await login(t.app, 'carol', testPassword, '10.0.2.9')).statusCode).toBe(200);
    const after = await t.app.signx.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'carol')
      .executeTakeFirstOrThrow();
    expect(after.locked_until).toBeNull();
    expect(after.failed_attempts).toBe(0);
  });

  it('refuses a disabled account with the same answer', async () => {
    await createUserWith(t.app, { username: 'dave' });
    await t.app.signx.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('username', '=', 'dave')
      .execute();
    const response = await login(t.app, 'dave', testPassword, '10.0.3.1');
    expect(response.statusCode).toBe(401);
    const row = await t.app.signx.db
      .selectFrom('login_log')
      .selectAll()
      .where('username', '=', 'dave')
      .executeTakeFirstOrThrow();
    expect(row.reason).toBe('account_disabled');
  });

  it('throttles an IP after too many failures (even for a correct password) without touching other IPs', async () => {
    for (let i = 0; i < 8; i += 1) await login(t.app, `guess${i}`, 'Wrong-Password-1', '10.0.4.4');
    const throttled = await login(t.app, 'alice', testPassword, '10.0.4.4');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe(42901);
    expect((await login(t.app, 'alice', testPassword, '10.0.4.5')).statusCode).toBe(200);
  });

  it('rejects bad input with a validation error and logs nothing', async () => {
    const before = await t.app.signx.db.selectFrom('login_log').select('id').execute();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'alice', password: 'x', admin: true },
    });
    expect(response.statusCode).toBe(400);
    expect((await t.app.signx.db.selectFrom('login_log').select('id').execute()).length).toBe(before.length);
  });

  it('forces a generated password to be changed before anything else works', async () => {
    const user = await createUserWith(t.app, { username: 'erin' });
    await t.app.signx.db
      .updateTable('users')
      .set({ must_change_password: 1 })
      .where('id', '=', user.id)
      .execute();
    const response = await login(t.app, 'erin');
    expect(response.json().data.must_change_password).toBe(true);
    const token = response.json().data.tokens.access_token;
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(token) });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().details.reason).toBe('password_change_required');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode,
    ).toBe(200);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/change',
      headers: bearer(token),
      payload: { current_password: testPassword, new_password: 'Brand-New-Pass-42' },
    });
    expect(change.statusCode, change.body).toBe(200);
    const stored = await t.app.signx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.must_change_password).toBe(0);
    expect((await auditRows(t.app, 'identity.password.changed')).some((a) => a.entity_id === user.id)).toBe(
      true,
    );
    expect(await tokenFor(t.app, 'erin', 'Brand-New-Pass-42')).toBeTruthy();
  });

  it('lists the login log for administrators, newest first, filtered by result', async () => {
    await createAdmin(t.app, 'logadmin');
    const token = await tokenFor(t.app, 'logadmin');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/login-log?result=failure&page_size=100',
      headers: bearer(token),
    });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().data.items as { result: string; at: string; reason: string }[];
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((i) => i.result === 'failure')).toBe(true);
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort().reverse());
    expect(items.map((i) => i.reason)).toEqual(
      expect.arrayContaining(['unknown_user', 'wrong_password', 'locked_out']),
    );
  });
});
