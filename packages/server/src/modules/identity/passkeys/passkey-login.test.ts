import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  login,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { passkeyKit, passkeyOrigin } from '../../../../test/passkey-kit.js';
import type { SoftAuthenticator } from '../../../../test/soft-authenticator.js';

/** A passkey as the second step of a sign-in (POST /auth/mfa/passkey/options, /auth/mfa/passkey). */
describe('passkeys: sign-in second factor', () => {
  let t: IdentityTestApp;
  let authenticator: SoftAuthenticator;
  const { key, inject, register } = passkeyKit(() => t);
  const challenge = async () => {
    const first = await login(t.app, 'tina');
    expect(first.json().data.status).toBe('mfa_required');
    return first.json().data as { challenge_token: string; methods: string[] };
  };
  const options = async (challengeToken: string) => {
    const started = await inject(
      'POST',
      '/auth/mfa/passkey/options',
      {},
      { challenge_token: challengeToken },
    );
    expect(started.statusCode, started.body).toBe(200);
    return started.json().data as { challenge_id: string; options: { challenge: string } };
  };

  beforeAll(async () => {
    t = await createIdentityTestApp({ PUBLIC_URL: passkeyOrigin });
    await createUserWith(t.app, { username: 'tina', roles: ['operations_specialist'] });
    authenticator = key();
    expect((await register(await tokenFor(t.app, 'tina'), authenticator, 'Phone')).statusCode).toBe(201);
    // Her role starts requiring MFA: sign-in now asks for a second factor.
    await t.app.signx.db
      .updateTable('roles')
      .set({ mfa_required: 1 })
      .where('code', '=', 'operations_specialist')
      .execute();
    await t.app.signx.db
      .updateTable('identity_state')
      .set((eb) => ({ authz_version: eb('authz_version', '+', 1) }))
      .execute();
  });
  afterAll(() => t.close());

  it('offers the passkey, refuses UV=false (counted against the challenge), then signs in with a verified passkey', async () => {
    const pending = await challenge();
    expect(pending.methods).toEqual(['email', 'passkey']);
    const first = await options(pending.challenge_token);
    const refused = await inject(
      'POST',
      '/auth/mfa/passkey',
      {},
      {
        challenge_token: pending.challenge_token,
        challenge_id: first.challenge_id,
        response: authenticator.assert(first.options, { userVerified: false }),
      },
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe(40325);
    const row = await t.app.signx.db
      .selectFrom('one_time_codes')
      .select('attempts')
      .where('purpose', '=', 'login_challenge')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    const second = await options(pending.challenge_token);
    const ok = await inject(
      'POST',
      '/auth/mfa/passkey',
      {},
      {
        challenge_token: pending.challenge_token,
        challenge_id: second.challenge_id,
        response: authenticator.assert(second.options),
      },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data.access_token).toBeTruthy();
    const logged = await t.app.signx.db
      .selectFrom('login_log')
      .select(['method', 'result'])
      .where('method', '=', 'password+passkey')
      .execute();
    expect(logged.map((l) => l.result).sort()).toEqual(['failure', 'success']);
    // The sign-in challenge was used up: the same proof cannot open a second session.
    const third = await inject(
      'POST',
      '/auth/mfa/passkey/options',
      {},
      { challenge_token: pending.challenge_token },
    );
    expect(third.statusCode).toBe(401);
  });

  it('refuses an invalid sign-in challenge and a replayed passkey challenge', async () => {
    const bogus = await inject(
      'POST',
      '/auth/mfa/passkey/options',
      {},
      { challenge_token: 'sxc_not-a-real-token' },
    );
    expect(bogus.statusCode).toBe(401);
    const a = await challenge();
    const b = await challenge();
    const forA = await options(a.challenge_token);
    // A passkey challenge of the same user is accepted with either sign-in challenge: both
    // proved the password. It still works only once.
    const used = await inject(
      'POST',
      '/auth/mfa/passkey',
      {},
      {
        challenge_token: b.challenge_token,
        challenge_id: forA.challenge_id,
        response: authenticator.assert(forA.options),
      },
    );
    expect(used.statusCode, used.body).toBe(200);
    const replay = await inject(
      'POST',
      '/auth/mfa/passkey',
      {},
      {
        challenge_token: a.challenge_token,
        challenge_id: forA.challenge_id,
        response: authenticator.assert(forA.options),
      },
    );
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe(40125);
  });
});
