import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  login,
  mailedCode,
  testPassword,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { verifySigningReauthentication } from './step-up-proof.service.js';

describe('MFA: TOTP binding, sign-in challenge, code reuse, recovery and email codes, step-up', () => {
  let t: IdentityTestApp;
  let secret: string;
  let recovery: string[];
  const code = (at = t.clock.now().getTime()) => authenticator.clone({ epoch: at }).generate(secret);
  const post = (url: string, token: string | null, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: token ? bearer(token) : {}, payload });

  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    await createUserWith(t.app, { username: 'tina', roles: ['operations_specialist'] });
    await createUserWith(t.app, { username: 'mona', roles: ['auditor'], email: 'mona@example.test' });
  });
  afterAll(() => t.close());

  it('binds TOTP in two steps (password, then a valid code) and returns recovery codes once', async () => {
    const token = await tokenFor(t.app, 'tina');
    expect((await post('/auth/mfa/bind', token, { password: 'wrong-Password-1' })).statusCode).toBe(400);
    const bind = await post('/auth/mfa/bind', token, { password: testPassword });
    expect(bind.statusCode, bind.body).toBe(200);
    secret = bind.json().data.secret;
    const stored = await t.app.signx.db.selectFrom('totp_factors').selectAll().executeTakeFirstOrThrow();
    expect(stored.secret_encrypted).not.toContain(secret);
    expect((await post('/auth/mfa/bind/confirm', token, { code: '000000' })).statusCode).toBe(400);
    const confirm = await post('/auth/mfa/bind/confirm', token, { code: code() });
    expect(confirm.statusCode, confirm.body).toBe(200);
    recovery = confirm.json().data.recovery_codes;
    expect(recovery).toHaveLength(10);
    const hashes = await t.app.signx.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(hashes.map((h) => h.code_hash)).not.toContain(recovery[0]);
    expect(await auditRows(t.app, 'identity.mfa.bound')).toHaveLength(1);
  });

  it('asks for the second factor at sign-in, and refuses a TOTP code used twice in its window', async () => {
    t.clock.advance(60_000);
    const first = await login(t.app, 'tina');
    expect(first.json().data).toMatchObject({
      status: 'mfa_required',
      methods: ['totp', 'recovery', 'email'],
    });
    expect(first.json().data.tokens).toBeUndefined();
    const current = code();
    const ok = await post('/auth/mfa/verify', null, {
      challenge_token: first.json().data.challenge_token,
      method: 'totp',
      code: current,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data.access_token).toBeTruthy();
    expect(ok.headers['cache-control']).toBe('no-store');
    const second = await login(t.app, 'tina');
    const replay = await post('/auth/mfa/verify', null, {
      challenge_token: second.json().data.challenge_token,
      method: 'totp',
      code: current,
    });
    expect(replay.statusCode).toBe(401);
    const log = await t.app.signx.db
      .selectFrom('login_log')
      .selectAll()
      .where('username', '=', 'tina')
      .where('reason', '=', 'wrong_totp')
      .execute();
    expect(log).toHaveLength(1);
    const used = await post('/auth/mfa/verify', null, {
      challenge_token: first.json().data.challenge_token,
      method: 'totp',
      code: code(),
    });
    expect(used.statusCode).toBe(401);
  });

  it('accepts a recovery code once', async () => {
    const start = async () => (await login(t.app, 'tina')).json().data.challenge_token;
    const ok = await post('/auth/mfa/verify', null, {
      challenge_token: await start(),
      method: 'recovery',
      code: recovery[0] as string,
    });
    expect(ok.statusCode).toBe(200);
    const again = await post('/auth/mfa/verify', null, {
      challenge_token: await start(),
      method: 'recovery',
      code: recovery[0] as string,
    });
    expect(again.statusCode).toBe(401);
  });

  it('requires MFA for a role that demands it, completed with an emailed code', async () => {
    const admin = await tokenFor(t.app, 'root');
    const auditor = await t.app.signx.db
      .selectFrom('roles')
      .select('id')
      .where('code', '=', 'auditor')
      .executeTakeFirstOrThrow();
    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/roles/${auditor.id}`,
      headers: bearer(admin),
      payload: { mfa_required: true },
    });
    expect(change.statusCode, change.body).toBe(200);
    const first = await login(t.app, 'mona');
    expect(first.json().data).toMatchObject({ status: 'mfa_required', methods: ['email'] });
    const challenge = first.json().data.challenge_token;
    expect((await post('/auth/mfa/email', null, { challenge_token: challenge })).statusCode).toBe(200);
    const mailed = await mailedCode(t.app, 'mona@example.test');
    const wrong = mailed === '000000' ? '111111' : '000000';
    expect(
      (await post('/auth/mfa/verify', null, { challenge_token: challenge, method: 'email', code: wrong }))
        .statusCode,
    ).toBe(401);
    const ok = await post('/auth/mfa/verify', null, {
      challenge_token: challenge,
      method: 'email',
      code: mailed,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stored = await t.app.signx.db
      .selectFrom('one_time_codes')
      .select('code_hash')
      .where('purpose', '=', 'login_mfa')
      .execute();
    expect(stored.map((s) => s.code_hash)).not.toContain(mailed);
  });

  it('step-up: the first signature in a session needs password + second factor, later ones one secret', async () => {
    t.clock.advance(60_000);
    const challenge = (await login(t.app, 'tina')).json().data.challenge_token;
    const tokens = (
      await post('/auth/mfa/verify', null, { challenge_token: challenge, method: 'totp', code: code() })
    ).json().data;
    const verify = (proof: string) =>
      inTransaction(t.app.signx.db, (trx) =>
        verifySigningReauthentication(trx, t.app.signx, {
          proof,
          userId: tokensUser,
          sessionId: tokens.session_id,
        }),
      );
    const tokensUser = (
      await t.app.signx.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'tina')
        .executeTakeFirstOrThrow()
    ).id;
    const passwordOnly = (await post('/auth/step-up', tokens.access_token, { password: testPassword })).json()
      .data;
    expect(passwordOnly.factors).toEqual(['password']);
    await expect(verify(passwordOnly.proof)).rejects.toThrow(/second factor/);
    expect((await post('/auth/step-up', tokens.access_token, { password: 'Wrong-Pass-1' })).statusCode).toBe(
      401,
    );
    t.clock.advance(30_000);
    const both = (
      await post('/auth/step-up', tokens.access_token, {
        password: testPassword,
        method: 'totp',
        code: code(),
      })
    ).json().data;
    expect(both.factors).toEqual(['password', 'totp']);
    await expect(verify(both.proof)).resolves.toEqual({
      factors: ['password', 'totp'],
      firstInSession: true,
    });
    await expect(verify(both.proof)).rejects.toThrow();
    const later = (await post('/auth/step-up', tokens.access_token, { password: testPassword })).json().data;
    await expect(verify(later.proof)).resolves.toEqual({ factors: ['password'], firstInSession: false });
    t.clock.advance(6 * 60_000);
    const stale = (await post('/auth/step-up', tokens.access_token, { password: testPassword })).json().data;
    t.clock.advance(6 * 60_000);
    await expect(verify(stale.proof)).rejects.toThrow();
    expect((await auditRows(t.app, 'identity.step_up.failed')).length).toBe(1);
  });

  it('unbinds TOTP only with password and a fresh code', async () => {
    t.clock.advance(60_000);
    const challenge = (await login(t.app, 'tina')).json().data.challenge_token;
    const token = (
      await post('/auth/mfa/verify', null, {
        challenge_token: challenge,
        method: 'recovery',
        code: recovery[1] as string,
      })
    ).json().data.access_token;
    expect(
      (await post('/auth/mfa/unbind', token, { password: testPassword, code: '123456' })).statusCode,
    ).toBe(400);
    t.clock.advance(30_000);
    expect((await post('/auth/mfa/unbind', token, { password: testPassword, code: code() })).statusCode).toBe(
      200,
    );
    expect(await t.app.signx.db.selectFrom('totp_factors').selectAll().execute()).toEqual([]);
    expect((await login(t.app, 'tina')).json().data.status).toBe('authenticated');
  });

  it('wrong second factors count toward the account lockout', async () => {
    await createUserWith(t.app, { username: 'lena', roles: ['auditor'], email: 'lena@example.test' });
    for (let i = 0; i < 5; i += 1) {
      const challenge = (await login(t.app, 'lena')).json().data.challenge_token;
      expect(
        (
          await post('/auth/mfa/verify', null, {
            challenge_token: challenge,
            method: 'email',
            code: '000000',
          })
        ).statusCode,
      ).toBe(401);
    }
    const locked = await t.app.signx.db
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', 'lena')
      .executeTakeFirstOrThrow();
    expect(locked.locked_until).not.toBeNull();
    expect((await login(t.app, 'lena')).statusCode).toBe(401);
  });
});
