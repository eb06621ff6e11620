import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  login,
  testPassword,
  tokenFor,
} from '../../../../test/identity-fixtures.js';

/**
 * Guessing and flooding: every wrong secret counts toward the lockout wherever it is
 * entered, and the lockout and the per-IP throttle hold against a parallel burst.
 */
describe('abuse: one secret verifier, atomic lockout and IP throttle, invalid input', () => {
  let t: IdentityTestApp;
  beforeAll(async () => {
    t = await createIdentityTestApp({ LOGIN_IP_MAX_FAILURES: '20', LOCKOUT_THRESHOLD: '5' });
  });
  afterAll(() => t.close());

  const db = () => t.app.signx.db;
  const logRows = (username: string) =>
    db().selectFrom('login_log').selectAll().where('username', '=', username).orderBy('at').execute();
  const userRow = (username: string) =>
    db().selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

  it('wrong current passwords on signed-in endpoints lock the account, reach the login log and the audit trail', async () => {
    await createUserWith(t.app, { username: 'guessed' });
    const token = await tokenFor(t.app, 'guessed');
    const wrong = 'Not-The-Password-9';
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), payload });
    const answers = [
      await post('/auth/password/change', { current_password: wrong, new_password: 'Another-Good-Pass-5' }),
      await post('/auth/password/change', { current_password: wrong, new_password: 'Another-Good-Pass-5' }),
      await post('/auth/mfa/bind', { password: wrong }),
      await post('/auth/mfa/recovery-codes', { password: wrong, code: '123456' }),
      await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: bearer(token),
        payload: { email: 'thief@evil.example', current_password: wrong },
      }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([400, 400, 400, 400, 400]);
    const user = await userRow('guessed');
    expect(user.locked_until).not.toBeNull();
    expect(user.email).toBe('guessed@example.test');
    const failures = (await logRows('guessed')).filter((r) => r.result === 'failure');
    expect(failures.map((r) => r.method)).toEqual([
      'password_change',
      'password_change',
      'mfa_bind',
      'mfa_recovery_codes',
      'profile_email',
    ]);
    expect(failures.every((r) => r.reason === 'wrong_password')).toBe(true);
    const audited = (await auditRows(t.app, 'identity.secret.rejected')).filter(
      (a) => a.entity_id === user.id,
    );
    expect(audited).toHaveLength(5);
    const locked = await login(t.app, 'guessed', testPassword, '10.9.9.9');
    expect(locked.statusCode).toBe(401);
    expect((await logRows('guessed')).at(-1)?.reason).toBe('locked_out');
  });

  it('a parallel burst of 40 wrong passwords evaluates exactly LOCKOUT_THRESHOLD of them', async () => {
    await createUserWith(t.app, { username: 'burst' });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login(t.app, 'burst', `Wrong-Password-${i}`, `10.20.${Math.floor(i / 10)}.${i % 10}`),
      ),
    );
    expect(answers.every((a) => a.statusCode === 401)).toBe(true);
    const reasons = (await logRows('burst')).map((r) => r.reason);
    expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked_out')).toHaveLength(35);
    expect((await userRow('burst')).locked_until).not.toBeNull();
  });

  it('a parallel burst of 40 sign-ins from one IP evaluates exactly LOGIN_IP_MAX_FAILURES; the 429 says when to retry', async () => {
    const ip = '10.30.0.1';
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(t.app, `nobody${i}`, 'Wrong-Password-1', ip)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const evaluated = await db()
      .selectFrom('login_log')
      .select('reason')
      .where('ip', '=', ip)
      .where('reason', '!=', 'ip_throttled')
      .execute();
    expect(evaluated).toHaveLength(20);
    const throttled = answers.find((a) => a.statusCode === 429);
    expect(throttled?.json().code).toBe(42901);
    const retryAfter = Number(throttled?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await login(t.app, 'nobody', 'Wrong-Password-1', ip)).statusCode).toBe(401);
  });

  it('a sign-in with a lone surrogate is refused with 40001, logged and counted', async () => {
    const ip = '10.40.0.1';
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"eve\\ud800","password":"x"}',
      remoteAddress: ip,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe(40001);
    const rows = await db().selectFrom('login_log').selectAll().where('ip', '=', ip).execute();
    expect(rows).toMatchObject([{ result: 'failure', reason: 'invalid_input', username: 'eve\ufffd' }]);
    const counter = await db()
      .selectFrom('login_throttle')
      .select('attempts')
      .where('ip', '=', ip)
      .executeTakeFirstOrThrow();
    expect(counter.attempts).toBe(1);
  });
});
