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
import { passkeyKit, passkeyOrigin } from '../../../../test/passkey-kit.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { verifySigningReauthentication } from '../mfa/step-up-proof.service.js';
import { verifyPasskeyAssertion } from './passkey-assertion.service.js';

/**
 * Passkey registration (after a step-up, from real attestation bytes), the caller's own
 * passkeys (rename, revoke at once), and step-up with a passkey into a signing proof.
 */
describe('passkeys: registration, own passkeys, step-up', () => {
  let t: IdentityTestApp;
  let tina: { id: string };
  let token: string;
  let olgaToken: string;
  const { key, inject, register, challengeFor, passkeyRow, sessionOf } = passkeyKit(() => t);

  beforeAll(async () => {
    t = await createIdentityTestApp({ PUBLIC_URL: passkeyOrigin });
    tina = await createUserWith(t.app, { username: 'tina', roles: ['operations_specialist'] });
    await createUserWith(t.app, { username: 'olga', roles: ['operations_specialist'] });
    token = await tokenFor(t.app, 'tina');
    olgaToken = await tokenFor(t.app, 'olga');
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

  it('refuses a revoked passkey at once in every session, and audits the revocation', async () => {
    const authenticator = key();
    const created = await register(token, authenticator, 'Lost phone');
    const otherSession = await tokenFor(t.app, 'tina');
    const c = await challengeFor(tina.id, otherSession);
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
    const sessionId = sessionOf(fresh);
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
