import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login } from '../../../test/identity-fixtures.js';
import {
  createRecordsTestApp,
  createSigner,
  policyBody,
  type RecordsTestApp,
  type Signer,
  signBody,
} from '../../../test/records-kit.js';
import { recordsErrors } from './records.errors.js';

// 21 CFR §11.200: the ceremony, end to end through the HTTP API with the real identity module.
let t: RecordsTestApp;
let tina: Signer;
const db = () => t.app.signx.db;
const signatures = (userId: string) =>
  db()
    .selectFrom('records_signatures')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
const authLog = (userId: string) =>
  db()
    .selectFrom('records_auth_log')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('attempt_time')
    .execute();
const sign = (signer: Signer, payload: object, token = signer.token) =>
  t.post('/signature/create', token, payload);

beforeAll(async () => {
  t = await createRecordsTestApp();
  const created = await t.post('/signature/policies', t.adminToken, policyBody);
  if (created.statusCode !== 201) throw new Error(created.body);
  tina = await createSigner(t, 'tina');
});
afterAll(() => t.close());

describe('the signing ceremony (21 CFR §11.200)', () => {
  it('refuses a signature without a meaning, or with one the policy does not list, storing nothing', async () => {
    const credentials = { password: 'Correct-Horse-7-Battery', totp: t.totp(tina) };
    for (const signatureMean of [undefined, '  ', 'witness']) {
      const body = { ...signBody(tina, { resourceId: 'B-0' }), signatureMean, credentials };
      const refused = await sign(tina, body);
      expect([refused.statusCode, refused.json().code]).toEqual([400, recordsErrors.MEANING_NOT_ALLOWED.api]);
    }
    expect(await signatures(tina.id)).toEqual([]);
    expect(await authLog(tina.id)).toEqual([]);
  });

  it('three signatures in one session: one full ceremony, then one private component each', async () => {
    const first = await sign(tina, {
      ...signBody(tina, { resourceId: 'B-1' }),
      credentials: { password: 'Correct-Horse-7-Battery', totp: t.totp(tina) },
    });
    expect(first.statusCode, first.body).toBe(201);
    const { sessionId, fullCeremony } = first.json().data;
    expect(fullCeremony).toBe(true);
    const pinOnly = await sign(tina, {
      ...signBody(tina, { resourceId: 'B-2' }),
      sessionId,
      credentials: { pin: tina.pin },
    });
    expect([pinOnly.statusCode, pinOnly.json().data.fullCeremony, pinOnly.json().data.sessionId]).toEqual([
      201,
      false,
      sessionId,
    ]);
    // a password alone is not a private component that may continue a session
    const passwordOnly = await sign(tina, {
      ...signBody(tina, { resourceId: 'B-3' }),
      sessionId,
      credentials: { password: 'Correct-Horse-7-Battery' },
    });
    expect([passwordOnly.statusCode, passwordOnly.json().code]).toEqual([
      401,
      recordsErrors.CEREMONY_FAILED.api,
    ]);
    t.clock.advance(31_000);
    const totpOnly = await sign(tina, {
      ...signBody(tina, { resourceId: 'B-3' }),
      sessionId,
      credentials: { totp: t.totp(tina) },
    });
    expect([totpOnly.statusCode, totpOnly.json().data.fullCeremony]).toEqual([201, false]);
    const rows = await signatures(tina.id);
    expect(rows.map((r) => [r.resource_id, r.signature_type, r.signing_session_id])).toEqual([
      ['B-1', 'enhanced:password+totp', sessionId],
      ['B-2', 'enhanced:pin', sessionId],
      ['B-3', 'enhanced:totp', sessionId],
    ]);
    const log = await authLog(tina.id);
    expect(log.map((r) => [r.authentication_method, r.authentication_result, r.failure_reason])).toEqual([
      ['full:password+totp', 'success', null],
      ['pin', 'success', null],
      ['password', 'failure', 'private_component_required'],
      ['totp', 'success', null],
    ]);
    expect(rows.every((r) => !r.signature_value.includes('approval'))).toBe(true);
  });

  it('after the idle timeout the full ceremony is needed again, in a new session', async () => {
    const opened = await sign(tina, {
      ...signBody(tina, { resourceId: 'B-4' }),
      credentials: { password: 'Correct-Horse-7-Battery', pin: tina.pin },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { sessionId } = opened.json().data;
    t.clock.advance((policyBody.session_timeout + 1) * 60_000);
    const stale = await sign(tina, {
      ...signBody(tina, { resourceId: 'B-5' }),
      sessionId,
      credentials: { pin: tina.pin },
    });
    expect([stale.statusCode, stale.json().code]).toEqual([401, recordsErrors.CEREMONY_FAILED.api]);
    const ended = await db()
      .selectFrom('records_signing_sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(ended.terminated_reason).toBe('idle_timeout');
    const again = await sign(tina, {
      ...signBody(tina, { resourceId: 'B-5' }),
      sessionId,
      credentials: { password: 'Correct-Horse-7-Battery', totp: t.totp(tina) },
    });
    expect([again.statusCode, again.json().data.fullCeremony]).toEqual([201, true]);
    expect(again.json().data.sessionId).not.toBe(sessionId);
  });

  it('authenticate opens a session that covers the next signature; terminate ends it', async () => {
    t.clock.advance(31_000);
    const auth = await t.post('/authentication/authenticate', tina.token, {
      userId: tina.id,
      credentials: { password: 'Correct-Horse-7-Battery', totp: t.totp(tina) },
      resourceType: 'batch_record',
      operationType: 'release',
    });
    expect(auth.statusCode, auth.body).toBe(200);
    const { sessionId } = auth.json().data;
    const first = await sign(tina, { ...signBody(tina, { resourceId: 'B-6' }), sessionId });
    expect([first.statusCode, first.json().data.fullCeremony]).toEqual([201, true]);
    const second = await sign(tina, { ...signBody(tina, { resourceId: 'B-7' }), sessionId });
    expect(second.statusCode).toBe(401);
    const state = await t.post('/authentication/verify-session', tina.token, { sessionId });
    expect(state.json().data).toMatchObject({ active: true, signatures: 1, factors: ['password', 'totp'] });
    expect(
      (await t.post('/authentication/terminate-session', tina.token, { sessionId })).json().data,
    ).toEqual({ terminated: true });
    const after = await t.post('/authentication/verify-session', tina.token, { sessionId });
    expect(after.json().data).toMatchObject({ active: false, ended_because: 'terminated_by_user' });
    const pin = await sign(tina, {
      ...signBody(tina, { resourceId: 'B-7' }),
      sessionId,
      credentials: { pin: tina.pin },
    });
    expect(pin.statusCode).toBe(401);
  });

  it('a session opened with two components carries no signature of a three-component policy', async () => {
    t.clock.advance(31_000);
    const strict = {
      ...policyBody,
      operation_type: 'destroy',
      policy_name: 'Destroy',
      authentication_factors: 3,
    };
    expect((await t.post('/signature/policies', t.adminToken, strict)).statusCode).toBe(201);
    const opened = await sign(tina, {
      ...signBody(tina, { resourceId: 'D-1' }),
      credentials: { password: 'Correct-Horse-7-Battery', totp: t.totp(tina) },
    });
    const { sessionId } = opened.json().data;
    const destroy = { ...signBody(tina, { resourceId: 'D-1' }), operationType: 'destroy' };
    const weak = await sign(tina, { ...destroy, sessionId, credentials: { pin: tina.pin } });
    expect([weak.statusCode, weak.json().code]).toEqual([401, recordsErrors.CEREMONY_FAILED.api]);
    const twoOnly = await sign(tina, {
      ...destroy,
      credentials: { password: 'Correct-Horse-7-Battery', pin: tina.pin },
    });
    expect(twoOnly.statusCode).toBe(401);
    t.clock.advance(31_000);
    const full = await sign(tina, {
      ...destroy,
      sessionId,
      credentials: { password: 'Correct-Horse-7-Battery', totp: t.totp(tina), pin: tina.pin },
    });
    expect([full.statusCode, full.json().data.fullCeremony]).toEqual([201, true]);
    expect(full.json().data.sessionId).not.toBe(sessionId);
  });

  it('another browser (another login of the same person) cannot use the signing session', async () => {
    const opened = await sign(tina, {
      ...signBody(tina, { resourceId: 'B-8' }),
      credentials: { password: 'Correct-Horse-7-Battery', pin: tina.pin },
    });
    const { sessionId } = opened.json().data;
    t.clock.advance(31_000);
    const second = await login(t.app, 'tina');
    const challenge = second.json().data;
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/verify',
      payload: { challenge_token: challenge.challenge_token, method: 'totp', code: t.totp(tina) },
    });
    const otherToken = verified.json().data?.access_token as string;
    expect(otherToken, verified.body).toBeTruthy();
    const before = (await signatures(tina.id)).length;
    const hijack = await sign(
      tina,
      { ...signBody(tina, { resourceId: 'B-9' }), sessionId, credentials: { pin: tina.pin } },
      otherToken,
    );
    expect([hijack.statusCode, hijack.json().code]).toEqual([401, recordsErrors.CEREMONY_FAILED.api]);
    const peek = await t.post('/authentication/verify-session', otherToken, { sessionId });
    expect([peek.statusCode, peek.json().code]).toEqual([403, recordsErrors.SESSION_NOT_USABLE.api]);
    expect(await signatures(tina.id)).toHaveLength(before);
    expect((await authLog(tina.id)).at(-1)).toMatchObject({
      authentication_result: 'failure',
      failure_reason: 'session_of_another_login',
    });
  });

  it('nobody signs for someone else: an administrator naming another user is refused', async () => {
    const body = {
      ...signBody(tina, { resourceId: 'B-10' }),
      credentials: { password: 'Correct-Horse-7-Battery' },
    };
    const refused = await t.post('/signature/create', t.adminToken, body);
    expect([refused.statusCode, refused.json().code]).toEqual([403, recordsErrors.NOT_OWN_SIGNATURE.api]);
    const auth = await t.post('/authentication/authenticate', t.adminToken, {
      userId: tina.id,
      credentials: { password: 'x' },
    });
    expect(auth.statusCode).toBe(403);
    expect((await signatures(tina.id)).some((r) => r.resource_id === 'B-10')).toBe(false);
    const root = await db()
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'root')
      .executeTakeFirstOrThrow();
    const logged = await authLog(root.id);
    expect(logged.map((r) => [r.authentication_result, r.failure_reason])).toEqual([
      ['failure', 'signing_for_another_user'],
      ['failure', 'signing_for_another_user'],
    ]);
  });

  it('takes time, IP and user agent from the server: a client-supplied time is refused, X-Forwarded-For ignored', async () => {
    t.clock.advance(31_000);
    const credentials = { password: 'Correct-Horse-7-Battery', totp: t.totp(tina) };
    const withTime = await sign(tina, {
      ...signBody(tina, { resourceId: 'B-11' }),
      credentials,
      timestamp: '2020-01-01T00:00:00.000Z',
    });
    expect(withTime.statusCode).toBe(400);
    expect((await signatures(tina.id)).some((r) => r.resource_id === 'B-11')).toBe(false);
    const signed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signature/create',
      headers: { ...bearer(tina.token), 'x-forwarded-for': '203.0.113.66', 'user-agent': 'Browser/1.0' },
      remoteAddress: '10.0.0.42',
      payload: { ...signBody(tina, { resourceId: 'B-11' }), credentials },
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const row = (await signatures(tina.id)).find((r) => r.resource_id === 'B-11');
    expect(row).toMatchObject({
      ip_address: '10.0.0.42',
      user_agent: 'Browser/1.0',
      timestamp: t.clock.now().toISOString(),
    });
  });
});
