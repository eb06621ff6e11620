import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  reauthenticatedHeaders,
  testPassword,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { SoftAuthenticator } from '../../../../test/soft-authenticator.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { verifySigningReauthentication } from '../mfa/step-up-proof.service.js';
import { createPasskeyAssertionOptions, verifyPasskeyAssertion } from './passkey-assertion.service.js';

const origin = 'https://sign.example.test';
const rpId = 'sign.example.test';

describe('passkeys: WebAuthn registration, assertion, step-up, revocation', () => {
  let t: IdentityTestApp;
  let tina: { id: string };
  let olga: { id: string };
  let token: string;
  const key = () => new SoftAuthenticator(origin, rpId);
  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    headers: object,
    payload?: object,
  ) => t.app.inject({ method, url: `/api/v1${url}`, headers: headers as Record<string, string>, payload });
  const sessionOf = async (userId: string) =>
    (
      await t.app.signx.db
        .selectFrom('user_sessions')
        .select('id')
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
  /** The session behind an access token (its `sid` claim). */
  const sessionOfToken = (accessToken: string) =>
    JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()).sid as string;
  const passkeyRow = (credentialId: string) =>
    t.app.signx.db
      .selectFrom('identity_passkeys')
      .selectAll()
      .where('credential_id', '=', credentialId)
      .executeTakeFirst();

  /** Registers `authenticator` for the user behind `bearerToken` through the API. */
  async function register(bearerToken: string, authenticator: SoftAuthenticator, name = 'Laptop key') {
    const started = await inject(
      'POST',
      '/auth/passkeys/registration/options',
      await reauthenticatedHeaders(t.app, bearerToken),
    );
    expect(started.statusCode, started.body).toBe(200);
    const { challenge_id, options } = started.json().data;
    return inject('POST', '/auth/passkeys/registration', bearer(bearerToken), {
      challenge_id,
      name,
      response: authenticator.register(options),
    });
  }

  /** Assertion options for the user's current session, through the exported service. */
  async function challengeFor(userId: string) {
    const sessionId = await sessionOf(userId);
    const started = await createPasskeyAssertionOptions(t.app.signx, { userId, sessionId });
    return { ...started, sessionId };
  }

  beforeAll(async () => {
    t = await createIdentityTestApp({ PUBLIC_URL: origin });
    tina = await createUserWith(t.app, { username: 'tina', roles: ['operations_specialist'] });
    olga = await createUserWith(t.app, { username: 'olga', roles: ['operations_specialist'] });
    token = await tokenFor(t.app, 'tina');
  });
  afterAll(() => t.close());

  it('registers a passkey only after a step-up, from real attestation bytes, and audits it', async () => {
    const withoutProof = await inject('POST', '/auth/passkeys/registration/options', bearer(token));
    expect(withoutProof.statusCode).toBe(403);
    expect(withoutProof.json().code).toBe(40302);
    const authenticator = key();
    const done = await register(token, authenticator);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().data).toMatchObject({ name: 'Laptop key', transports: ['usb'], revoked_at: null });
    expect(done.json().data.public_key).toBeUndefined();
    const row = await passkeyRow(authenticator.id);
    expect(row?.user_id).toBe(tina.id);
    expect(Number(row?.counter)).toBe(0);
    expect((await auditRows(t.app, 'identity.passkey.registered')).map((r) => r.entity_id)).toEqual([
      tina.id,
    ]);
    const list = await inject('GET', '/me/passkeys', bearer(token));
    expect(list.json().data.items.map((p: { name: string }) => p.name)).toEqual(['Laptop key']);
  });

  it('refuses a registration made for another origin or RP id, or replaying its challenge', async () => {
    for (const lie of [{ origin: 'https://evil.example.test' }, { rpId: 'evil.example.test' }]) {
      const started = await inject(
        'POST',
        '/auth/passkeys/registration/options',
        await reauthenticatedHeaders(t.app, token),
      );
      const { challenge_id, options } = started.json().data;
      const authenticator = key();
      const refused = await inject('POST', '/auth/passkeys/registration', bearer(token), {
        challenge_id,
        name: 'Phished',
        response: authenticator.register(options, lie),
      });
      expect(refused.statusCode, refused.body).toBe(401);
      expect(refused.json().code).toBe(40125);
      expect(await passkeyRow(authenticator.id)).toBeUndefined();
      // The challenge was used up by the refused try: the honest answer cannot reuse it.
      const replay = await inject('POST', '/auth/passkeys/registration', bearer(token), {
        challenge_id,
        name: 'Replay',
        response: authenticator.register(options),
      });
      expect(replay.json().code).toBe(40125);
      expect(await passkeyRow(authenticator.id)).toBeUndefined();
    }
    expect((await auditRows(t.app, 'identity.passkey.refused')).length).toBeGreaterThanOrEqual(4);
  });

  it('accepts a valid assertion with UV, advances the counter, and refuses replaying its challenge', async () => {
    const authenticator = key();
    expect((await register(token, authenticator, 'Phone')).statusCode).toBe(201);
    const { challengeId, options, sessionId } = await challengeFor(tina.id);
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
    const other = await challengeFor(tina.id);
    const stale = authenticator.assert(options); // signs the used challenge, offered for a new one
    await expect(
      verifyPasskeyAssertion(t.app.signx, { ...input, challengeId: other.challengeId, response: stale }),
    ).rejects.toMatchObject({ domain: { api: 40125 } });
  });

  it('refuses UV=false when user verification is required (signing), and accepts it only when not', async () => {
    const authenticator = key();
    expect((await register(token, authenticator, 'Key without PIN')).statusCode).toBe(201);
    const first = await challengeFor(tina.id);
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
    const second = await challengeFor(tina.id);
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
      const c = await challengeFor(tina.id);
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
      const c = await challengeFor(tina.id);
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
      const c = await challengeFor(tina.id);
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
    expect(Number((await passkeyRow(authenticator.id))?.counter)).toBe(6);
    const clones = await auditRows(t.app, 'identity.passkey.counter_regressed');
    expect(clones).toHaveLength(2);
    expect(clones[1]?.entity_id).toBe(tina.id);
    expect(clones[1]?.details).toContain('"presented_counter":3');
  });

  it('refuses a revoked passkey at once in every session, and audits the revocation', async () => {
    const authenticator = key();
    const created = await register(token, authenticator, 'Lost phone');
    const otherSession = await tokenFor(t.app, 'tina');
    const c = await challengeFor(tina.id); // the newest session: otherSession's
    const revoked = await inject('DELETE', `/me/passkeys/${created.json().data.id}`, bearer(token));
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().data.revoked_at).not.toBeNull();
    await expect(
      verifyPasskeyAssertion(t.app.signx, {
        userId: tina.id,
        sessionId: c.sessionId,
        challengeId: c.challengeId,
        response: authenticator.assert(c.options),
        requireUserVerification: true,
      }),
    ).rejects.toMatchObject({ domain: { api: 40125 } });
    const list = await inject('GET', '/me/passkeys', bearer(otherSession));
    expect(list.json().data.items.map((p: { name: string }) => p.name)).not.toContain('Lost phone');
    expect((await auditRows(t.app, 'identity.passkey.revoked')).length).toBe(1);
    const again = await inject('DELETE', `/me/passkeys/${created.json().data.id}`, bearer(token));
    expect(again.statusCode).toBe(404);
  });

  it("refuses another user's credential, and a challenge of another user or session", async () => {
    const authenticator = key();
    expect((await register(token, authenticator, 'Tina only')).statusCode).toBe(201);
    const olgaToken = await tokenFor(t.app, 'olga');
    expect((await register(olgaToken, key(), 'Olga key')).statusCode).toBe(201);
    const olgaChallenge = await challengeFor(olga.id);
    await expect(
      verifyPasskeyAssertion(t.app.signx, {
        userId: olga.id,
        sessionId: olgaChallenge.sessionId,
        challengeId: olgaChallenge.challengeId,
        response: authenticator.assert(olgaChallenge.options),
        requireUserVerification: true,
      }),
    ).rejects.toMatchObject({ domain: { api: 40125 } });
    const tinaChallenge = await challengeFor(tina.id);
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

  it('steps up with password and passkey into a proof the signing verifier accepts as first signature', async () => {
    const fresh = await tokenFor(t.app, 'tina');
    const authenticator = key();
    expect((await register(fresh, authenticator, 'Signing key')).statusCode).toBe(201);
    const opts = await inject('POST', '/auth/step-up/passkey/options', bearer(fresh));
    expect(opts.statusCode, opts.body).toBe(200);
    const stepUp = await inject('POST', '/auth/step-up/passkey', bearer(fresh), {
      challenge_id: opts.json().data.challenge_id,
      response: authenticator.assert(opts.json().data.options),
      password: testPassword,
    });
    expect(stepUp.statusCode, stepUp.body).toBe(200);
    expect(stepUp.json().data.factors).toEqual(['password', 'passkey']);
    const sessionId = sessionOfToken(fresh);
    const verdict = await inTransaction(t.app.signx.db, (trx) =>
      verifySigningReauthentication(trx, t.app.signx, {
        proof: stepUp.json().data.proof,
        userId: tina.id,
        sessionId,
      }),
    );
    expect(verdict).toEqual({ factors: ['password', 'passkey'], firstInSession: true });
  });

  it('renames a passkey, and refuses a bad name or another user’s passkey without changing anything', async () => {
    const list = await inject('GET', '/me/passkeys', bearer(token));
    const id = list.json().data.items[0].id as string;
    const bad = await inject('PATCH', `/me/passkeys/${id}`, bearer(token), { name: 'evil\u202ename' });
    expect(bad.statusCode).toBe(400);
    const olgaToken = await tokenFor(t.app, 'olga');
    const foreign = await inject('PATCH', `/me/passkeys/${id}`, bearer(olgaToken), { name: 'Mine now' });
    expect(foreign.statusCode).toBe(404);
    const foreignRevoke = await inject('DELETE', `/me/passkeys/${id}`, bearer(olgaToken));
    expect(foreignRevoke.statusCode).toBe(404);
    const before = await t.app.signx.db
      .selectFrom('identity_passkeys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(before.name).toBe('Laptop key');
    expect(before.revoked_at).toBeNull();
    const renamed = await inject('PATCH', `/me/passkeys/${id}`, bearer(token), { name: 'Work laptop' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().data.name).toBe('Work laptop');
    expect((await auditRows(t.app, 'identity.passkey.renamed')).length).toBe(1);
  });
});
