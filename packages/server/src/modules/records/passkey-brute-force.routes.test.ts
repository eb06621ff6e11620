import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testPassword } from '../../../test/identity-fixtures.js';
import { passkeyKit, passkeyOrigin } from '../../../test/passkey-kit.js';
import {
  createRecordsTestApp,
  createSigner,
  policyBody,
  type RecordsTestApp,
  type Signer,
  signBody,
} from '../../../test/records-kit.js';
import type { SoftAuthenticator } from '../../../test/soft-authenticator.js';
import { identityErrors } from '../identity/identity.errors.js';
import { recordsErrors } from './records.errors.js';

// §11.300(d) and seed 002 §10.2.1 for passkeys: failed WebAuthn assertions (a key that is not
// the user's, UV=false) in a signing ceremony or a step-up count in the same account lockout
// as wrong passwords and PINs, and in the ceremony's growing delay and urgent alert.
let t: RecordsTestApp;
const kit = passkeyKit(() => t);
const db = () => t.app.signx.db;

/** A fresh challenge for the caller's session, answered by `authenticator`. */
async function assertion(token: string, authenticator: SoftAuthenticator, userVerified = true) {
  const started = await t.post('/auth/step-up/passkey/options', token, {});
  if (started.statusCode !== 200) throw new Error(started.body);
  const { challenge_id, options } = started.json().data;
  return { challenge_id, response: authenticator.assert(options, { userVerified }) };
}

async function signerWithPasskey(username: string): Promise<{ signer: Signer; key: SoftAuthenticator }> {
  const signer = await createSigner(t, username);
  const key = kit.key();
  expect((await kit.register(signer.token, key, 'Phone')).statusCode).toBe(201);
  const allowed = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/signature/settings',
    headers: bearer(signer.token),
    payload: { is_biometric_enabled: true },
  });
  expect(allowed.statusCode, allowed.body).toBe(200);
  return { signer, key };
}

const lockedUntil = async (userId: string) =>
  (await db().selectFrom('users').select('locked_until').where('id', '=', userId).executeTakeFirstOrThrow())
    .locked_until;

beforeAll(async () => {
  t = await createRecordsTestApp({ PUBLIC_URL: passkeyOrigin });
  const created = await t.post('/signature/policies', t.adminToken, policyBody);
  if (created.statusCode !== 201) throw new Error(created.body);
});
afterAll(() => t.close());

describe('brute force with passkeys', () => {
  it('repeated bad assertions in a signing session: growing delays, one urgent alert, the account locked', async () => {
    const { signer: val, key } = await signerWithPasskey('val');
    const opened = await t.post('/signature/create', val.token, {
      ...signBody(val, { resourceId: 'K-0' }),
      credentials: { password: testPassword, passkey: JSON.stringify(await assertion(val.token, key)) },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { sessionId } = opened.json().data;
    const stranger = kit.key();
    t.delays.length = 0;
    for (let i = 0; i < 6; i++) {
      t.clock.advance(3_000);
      const forged =
        i % 2 === 0 ? await assertion(val.token, stranger) : await assertion(val.token, key, false);
      const refused = await t.post('/signature/create', val.token, {
        ...signBody(val, { resourceId: `K-${i + 1}` }),
        sessionId,
        credentials: { passkey: JSON.stringify(forged) },
      });
      expect([refused.statusCode, refused.json().code]).toEqual([401, recordsErrors.CEREMONY_FAILED.api]);
    }
    expect(t.delays).toHaveLength(6);
    expect(t.delays[3]).toBeGreaterThan(t.delays[0] as number);
    expect(await lockedUntil(val.id)).not.toBeNull();
    const alerts = await db()
      .selectFrom('notification_messages')
      .select(['priority', 'params'])
      .where('template_code', '=', 'records.ceremony-alert')
      .execute();
    expect(alerts.map((a) => a.priority)).toEqual(['urgent']);
    // The right passkey, and the right PIN, are refused while the lock lasts.
    for (const credentials of [
      { passkey: JSON.stringify(await assertion(val.token, key)) },
      { pin: val.pin },
    ]) {
      const right = await t.post('/signature/create', val.token, {
        ...signBody(val, { resourceId: 'K-9' }),
        sessionId,
        credentials,
      });
      expect(right.json().message).toMatch(/locked/);
    }
    const log = await db()
      .selectFrom('records_auth_log')
      .select('failure_reason')
      .where('user_id', '=', val.id)
      .where('authentication_result', '=', 'failure')
      .execute();
    // Five wrong assertions reach the threshold: the sixth try and both right ones meet the lock.
    expect(log.map((row) => row.failure_reason).sort()).toEqual(
      [
        ...['passkey_refused', 'passkey_user_not_verified', 'passkey_refused'],
        ...['passkey_user_not_verified', 'passkey_refused'],
        ...['locked_out', 'locked_out', 'locked_out'],
      ].sort(),
    );
    const signed = await db()
      .selectFrom('records_signatures')
      .select('id')
      .where('user_id', '=', val.id)
      .execute();
    expect(signed).toHaveLength(1);
  });

  it('repeated bad passkey step-ups lock the account; then even the right passkey is refused (40134)', async () => {
    const { signer: wes, key } = await signerWithPasskey('wes');
    const stranger = kit.key();
    for (let i = 0; i < 5; i++) {
      const refused = await t.post('/auth/step-up/passkey', wes.token, await assertion(wes.token, stranger));
      expect(refused.json().code).toBe(identityErrors.PASSKEY_REFUSED.api);
    }
    expect(await lockedUntil(wes.id)).not.toBeNull();
    const right = await t.post('/auth/step-up/passkey', wes.token, await assertion(wes.token, key));
    expect([right.statusCode, right.json().code]).toEqual([401, identityErrors.PASSKEY_ACCOUNT_LOCKED.api]);
    const proofs = await db()
      .selectFrom('login_log')
      .select('reason')
      .where('user_id', '=', wes.id)
      .where('method', '=', 'step_up:passkey')
      .execute();
    expect(proofs.map((p) => p.reason)).toContain('passkey_account_locked');
  });
});
