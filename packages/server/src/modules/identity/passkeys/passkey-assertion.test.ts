import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { passkeyKit, passkeyOrigin } from '../../../../test/passkey-kit.js';
import { verifyPasskeyAssertion } from './passkey-assertion.service.js';

/**
 * verifyPasskeyAssertion, the building block the signing ceremony calls: real ES256
 * assertions from a software authenticator, and each way one must be refused.
 */
describe('passkeys: verifyPasskeyAssertion', () => {
  let t: IdentityTestApp;
  let tina: { id: string };
  let olga: { id: string };
  let token: string;
  let olgaToken: string;
  const { key, inject, register, challengeFor, passkeyRow } = passkeyKit(() => t);

  beforeAll(async () => {
    // These cases refuse many of tina's assertions on purpose; that refusals lock the account
    // is its own test (records/passkey-brute-force.routes.test.ts), so the lock is set high here.
    t = await createIdentityTestApp({ PUBLIC_URL: passkeyOrigin, LOCKOUT_THRESHOLD: '50' });
    tina = await createUserWith(t.app, { username: 'tina', roles: ['operations_specialist'] });
    olga = await createUserWith(t.app, { username: 'olga', roles: ['operations_specialist'] });
    token = await tokenFor(t.app, 'tina');
    olgaToken = await tokenFor(t.app, 'olga');
  });
  afterAll(() => t.close());

  it('accepts a valid assertion with UV, advances the counter, and refuses replaying its challenge', async () => {
    const authenticator = key();
    expect((await register(token, authenticator, 'Phone')).statusCode).toBe(201);
    const { challengeId, options, sessionId } = await challengeFor(tina.id, token);
    const response = authenticator.assert(options);
    const input = { userId: tina.id, sessionId, challengeId, response, requireUserVerification: true };
    const used = await verifyPasskeyAssertion(t.app.signx, input);
    expect(used).toMatchObject({
      credentialId: authenticator.id,
      name: 'Phone',
      userVerified: true,
      counter: 1,
    });
    expect(Number((await passkeyRow(authenticator.id))?.counter)).toBe(1);
    expect((await passkeyRow(authenticator.id))?.last_used_at).not.toBeNull();
    await expect(verifyPasskeyAssertion(t.app.signx, input)).rejects.toMatchObject({
      domain: { api: 40125 },
    });
    const other = await challengeFor(tina.id, token);
    const stale = authenticator.assert(options); // signs the used challenge, offered for a new one
    await expect(
      verifyPasskeyAssertion(t.app.signx, { ...input, challengeId: other.challengeId, response: stale }),
    ).rejects.toMatchObject({ domain: { api: 40125 } });
  });

  it('refuses UV=false when user verification is required (signing), and accepts it only when not', async () => {
    const authenticator = key();
    expect((await register(token, authenticator, 'Key without PIN')).statusCode).toBe(201);
    const first = await challengeFor(tina.id, token);
    const noUv = authenticator.assert(first.options, { userVerified: false });
    await expect(
      verifyPasskeyAssertion(t.app.signx, {
        userId: tina.id,
        sessionId: first.sessionId,
        challengeId: first.challengeId,
        response: noUv,
        requireUserVerification: true,
      }),
    ).rejects.toMatchObject({ domain: { api: 40325 } });
    expect(Number((await passkeyRow(authenticator.id))?.counter)).toBe(0);
    const second = await challengeFor(tina.id, token);
    const accepted = await verifyPasskeyAssertion(t.app.signx, {
      userId: tina.id,
      sessionId: second.sessionId,
      challengeId: second.challengeId,
      response: authenticator.assert(second.options, { userVerified: false }),
      requireUserVerification: false,
    });
    expect(accepted.userVerified).toBe(false);
    // Through the step-up route (always UV-required) the same authenticator is refused.
    const opts = await inject('POST', '/auth/step-up/passkey/options', bearer(token));
    const refused = await inject('POST', '/auth/step-up/passkey', bearer(token), {
      challenge_id: opts.json().data.challenge_id,
      response: authenticator.assert(opts.json().data.options, { userVerified: false }),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe(40325);
  });

  it('refuses an assertion for another origin, another RP id, or a challenge it did not sign', async () => {
    const authenticator = key();
    expect((await register(token, authenticator, 'Tablet')).statusCode).toBe(201);
    for (const lie of [
      { origin: 'https://evil.example.test' },
      { rpId: 'evil.example.test' },
      { challenge: 'AAAA' },
    ]) {
      const c = await challengeFor(tina.id, token);
      await expect(
        verifyPasskeyAssertion(t.app.signx, {
          userId: tina.id,
          sessionId: c.sessionId,
          challengeId: c.challengeId,
          response: authenticator.assert(c.options, lie),
          requireUserVerification: true,
        }),
      ).rejects.toMatchObject({ domain: { api: 40125 } });
    }
    expect(Number((await passkeyRow(authenticator.id))?.counter)).toBe(0);
  });

  it('refuses and audits a counter that does not advance (cloned authenticator), keeping the stored counter', async () => {
    const authenticator = key();
    expect((await register(token, authenticator, 'Cloned')).statusCode).toBe(201);
    for (const counter of [5, 6]) {
      const c = await challengeFor(tina.id, token);
      const response = authenticator.assert(c.options, { counter });
      await verifyPasskeyAssertion(t.app.signx, {
        userId: tina.id,
        sessionId: c.sessionId,
        challengeId: c.challengeId,
        response,
        requireUserVerification: true,
      });
    }
    for (const counter of [6, 3]) {
      const c = await challengeFor(tina.id, token);
      await expect(
        verifyPasskeyAssertion(t.app.signx, {
          userId: tina.id,
          sessionId: c.sessionId,
          challengeId: c.challengeId,
          response: authenticator.assert(c.options, { counter }),
          requireUserVerification: true,
        }),
      ).rejects.toMatchObject({ domain: { api: 40326 } });
    }
    const opts = await inject('POST', '/auth/step-up/passkey/options', bearer(token));
    const overHttp = await inject('POST', '/auth/step-up/passkey', bearer(token), {
      challenge_id: opts.json().data.challenge_id,
      response: authenticator.assert(opts.json().data.options, { counter: 2 }),
    });
    expect(overHttp.statusCode).toBe(403);
    expect(overHttp.json()).toMatchObject({ code: 40326 });
    expect(overHttp.body).toContain('passkey_counter_regression');
    expect(Number((await passkeyRow(authenticator.id))?.counter)).toBe(6);
    const clones = await auditRows(t.app, 'identity.passkey.counter_regressed');
    expect(clones).toHaveLength(3);
    expect(clones[1]?.entity_id).toBe(tina.id);
    expect(clones[1]?.details).toContain('"presented_counter":3');
  });

  it("refuses another user's credential, and a challenge of another user or session", async () => {
    const authenticator = key();
    expect((await register(token, authenticator, 'Tina only')).statusCode).toBe(201);
    expect((await register(olgaToken, key(), 'Olga key')).statusCode).toBe(201);
    const olgaChallenge = await challengeFor(olga.id, olgaToken);
    await expect(
      verifyPasskeyAssertion(t.app.signx, {
        userId: olga.id,
        sessionId: olgaChallenge.sessionId,
        challengeId: olgaChallenge.challengeId,
        response: authenticator.assert(olgaChallenge.options),
        requireUserVerification: true,
      }),
    ).rejects.toMatchObject({ domain: { api: 40125 } });
    const tinaChallenge = await challengeFor(tina.id, token);
    const response = authenticator.assert(tinaChallenge.options);
    for (const wrong of [
      { userId: olga.id, sessionId: tinaChallenge.sessionId },
      { userId: tina.id, sessionId: olgaChallenge.sessionId },
    ]) {
      await expect(
        verifyPasskeyAssertion(t.app.signx, {
          ...wrong,
          challengeId: tinaChallenge.challengeId,
          response,
          requireUserVerification: true,
        }),
      ).rejects.toMatchObject({ domain: { api: 40125 } });
    }
  });
});
