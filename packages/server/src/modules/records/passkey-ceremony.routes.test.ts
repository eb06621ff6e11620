import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../test/identity-fixtures.js';
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
import { recordsErrors } from './records.errors.js';

// The passkey as a ceremony component (issue 16 item 2): WebAuthn with user verification
// required, through the API, with a software authenticator making real ES256 assertions.
let t: RecordsTestApp;
let tina: Signer;
let phone: SoftAuthenticator;
const kit = passkeyKit(() => t);
const signaturesOf = (userId: string) =>
  t.app.signx.db.selectFrom('records_signatures').select('id').where('user_id', '=', userId).execute();
const settings = (token: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/signature/settings', headers: bearer(token) });

/** A fresh challenge for the caller's session, answered by `authenticator` (UV unless told). */
async function assertion(token: string, authenticator: SoftAuthenticator, userVerified = true) {
  const started = await t.post('/auth/step-up/passkey/options', token, {});
  if (started.statusCode !== 200) throw new Error(started.body);
  const { challenge_id, options } = started.json().data;
  return JSON.stringify({ challenge_id, response: authenticator.assert(options, { userVerified }) });
}

beforeAll(async () => {
  t = await createRecordsTestApp({ PUBLIC_URL: passkeyOrigin });
  const created = await t.post('/signature/policies', t.adminToken, policyBody);
  if (created.statusCode !== 201) throw new Error(created.body);
  tina = await createSigner(t, 'tina');
  phone = kit.key();
  expect((await kit.register(tina.token, phone, 'Phone')).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('a passkey in the signing ceremony', () => {
  it('is available only once the user has a passkey and allowed its use', async () => {
    const passkeyState = async () =>
      ((await settings(tina.token)).json().data.components as { name: string; available: boolean }[]).find(
        (c) => c.name === 'passkey',
      )?.available;
    expect(await passkeyState()).toBe(false);
    const refused = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'P-0' }),
      credentials: { password: 'Correct-Horse-7-Battery', passkey: await assertion(tina.token, phone) },
    });
    expect([refused.statusCode, refused.json().code]).toEqual([400, recordsErrors.COMPONENT_UNAVAILABLE.api]);
    const allowed = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/signature/settings',
      headers: bearer(tina.token),
      payload: { is_biometric_enabled: true },
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(await passkeyState()).toBe(true);
    expect(await signaturesOf(tina.id)).toEqual([]);
  });

  it('signs with password + passkey, continues the session with the passkey alone, refuses UV=false and a replay', async () => {
    const first = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'P-1' }),
      credentials: { password: 'Correct-Horse-7-Battery', passkey: await assertion(tina.token, phone) },
    });
    expect(first.statusCode, first.body).toBe(201);
    const { sessionId, fullCeremony } = first.json().data;
    expect(fullCeremony).toBe(true);

    const notVerified = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'P-2' }),
      sessionId,
      credentials: { passkey: await assertion(tina.token, phone, false) },
    });
    expect([notVerified.statusCode, notVerified.json().code]).toEqual([
      401,
      recordsErrors.CEREMONY_FAILED.api,
    ]);
    expect(await signaturesOf(tina.id)).toHaveLength(1);

    const proof = await assertion(tina.token, phone);
    const next = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'P-2' }),
      sessionId,
      credentials: { passkey: proof },
    });
    expect([next.statusCode, next.json().data.fullCeremony, next.json().data.sessionId]).toEqual([
      201,
      false,
      sessionId,
    ]);
    const replayed = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'P-3' }),
      sessionId,
      credentials: { passkey: proof },
    });
    expect([replayed.statusCode, replayed.json().code]).toEqual([401, recordsErrors.CEREMONY_FAILED.api]);
    const malformed = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'P-3' }),
      sessionId,
      credentials: { passkey: '{"challenge_id": 7}' },
    });
    expect([malformed.statusCode, malformed.json().code]).toEqual([401, recordsErrors.CEREMONY_FAILED.api]);
    expect(await signaturesOf(tina.id)).toHaveLength(2);
    const log = await t.app.signx.db
      .selectFrom('records_auth_log')
      .select(['authentication_result', 'failure_reason'])
      .where('user_id', '=', tina.id)
      .where('authentication_result', '=', 'failure')
      .execute();
    const reasons = log.map((row) => row.failure_reason ?? '').join(' ');
    for (const reason of ['passkey_user_not_verified', 'passkey_refused', 'passkey_malformed'])
      expect(reasons).toContain(reason);
  });
});
