import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions } from '../../../test/audit-kit.js';
import { bearer, testPassword } from '../../../test/identity-fixtures.js';
import {
  createRecordsTestApp,
  createSigner,
  policyBody,
  type RecordsTestApp,
  type Signer,
  signBody,
} from '../../../test/records-kit.js';
import { platformErrors } from '../../platform/errors.js';
import { recordsErrors } from './records.errors.js';

// Signature policies (versioned, audited, evaluated on the server) and the user's settings.
let t: RecordsTestApp;
let tina: Signer;
const db = () => t.app.signx.db;
const put = (url: string, token: string, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: bearer(token), payload });

beforeAll(async () => {
  t = await createRecordsTestApp();
  tina = await createSigner(t, 'tina');
});
afterAll(() => t.close());

describe('signature policies', () => {
  it('lists the registered operations, documents’ five among them', async () => {
    const ops = await t.app.inject({
      method: 'GET',
      url: '/api/v1/signature/operations',
      headers: bearer(t.adminToken),
    });
    const names = ops
      .json()
      .data.map(
        (o: { resource_type: string; operation_type: string }) => `${o.resource_type}/${o.operation_type}`,
      );
    expect(names).toEqual(
      expect.arrayContaining([
        'document/approve',
        'document/publish',
        'document/change',
        'document/archive',
        'document/destroy',
      ]),
    );
  });

  it('refuses a signature when no policy covers the operation, and unregistered operations', async () => {
    const none = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'X-1' }),
      credentials: {},
    });
    expect([none.statusCode, none.json().code]).toEqual([404, recordsErrors.NO_POLICY.api]);
    const unknown = await t.post('/signature/policies', t.adminToken, {
      ...policyBody,
      operation_type: 'teleport',
    });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, recordsErrors.UNKNOWN_OPERATION.api]);
  });

  it('creates, versions and audits a policy; bad input and non-managers change nothing', async () => {
    expect((await t.post('/signature/policies', tina.token, policyBody)).statusCode).toBe(403);
    const bad = await t.post('/signature/policies', t.adminToken, {
      ...policyBody,
      session_absolute_timeout: 5,
    });
    expect(bad.statusCode).toBe(400);
    expect(await db().selectFrom('records_policies').selectAll().execute()).toEqual([]);
    const created = await t.post('/signature/policies', t.adminToken, policyBody);
    expect(created.statusCode, created.body).toBe(201);
    const key = created.json().data.policy_key;
    expect((await t.post('/signature/policies', t.adminToken, policyBody)).statusCode).toBe(409);
    const { resource_type: _r, operation_type: _o, ...fields } = policyBody;
    // A policy is a regulated record (Annex 11 §9): no reason, no change, and nothing written.
    const unexplained = await put(`/signature/policies/${key}`, t.adminToken, {
      ...fields,
      require_reason: true,
    });
    expect([unexplained.statusCode, unexplained.json().code]).toEqual([
      400,
      platformErrors.CHANGE_REASON_REQUIRED.api,
    ]);
    expect(unexplained.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const blank = await put(`/signature/policies/${key}`, t.adminToken, { ...fields, reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(await db().selectFrom('records_policies').select('version').execute()).toEqual([{ version: 1 }]);
    const changed = await put(`/signature/policies/${key}`, t.adminToken, {
      ...fields,
      require_reason: true,
      reason: 'CAPA-17: approvals need a documented reason',
    });
    expect(changed.json().data).toMatchObject({ version: 2, is_current: true, require_reason: true });
    const versions = await t.app.inject({
      method: 'GET',
      url: `/api/v1/signature/policies/${key}`,
      headers: bearer(t.adminToken),
    });
    expect(
      versions.json().data.map((v: { version: number; is_current: boolean }) => [v.version, v.is_current]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(await auditActions(db(), 'records.policy.')).toEqual([
      'records.policy.created',
      'records.policy.changed',
    ]);
    const changeEvent = await db()
      .selectFrom('audit_events')
      .select('reason')
      .where('action', '=', 'records.policy.changed')
      .executeTakeFirstOrThrow();
    expect(changeEvent.reason).toBe('CAPA-17: approvals need a documented reason');
  });

  it('retires a policy only with a reason, which the audit event records', async () => {
    const created = await t.post('/signature/policies', t.adminToken, {
      ...policyBody,
      operation_type: 'destroy',
    });
    const key = created.json().data.policy_key as string;
    const del = (query = '') =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/v1/signature/policies/${key}${query}`,
        headers: bearer(t.adminToken),
      });
    const refused = await del();
    expect([refused.statusCode, refused.json().code]).toEqual([
      400,
      platformErrors.CHANGE_REASON_REQUIRED.api,
    ]);
    const still = await db()
      .selectFrom('records_policies')
      .select('is_current')
      .where('policy_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(still.is_current).toBe(1);
    expect((await del('?reason=Batch%20destruction%20moves%20to%20QMS')).statusCode).toBe(200);
    const retired = await db()
      .selectFrom('audit_events')
      .select(['reason', 'entity_id'])
      .where('action', '=', 'records.policy.retired')
      .executeTakeFirstOrThrow();
    expect(retired).toEqual({ reason: 'Batch destruction moves to QMS', entity_id: key });
    const types = await t.app.inject({
      method: 'GET',
      url: '/api/v1/signature/regulated-types',
      headers: bearer(t.adminToken),
    });
    expect(types.json().data.map((r: { resource_type: string }) => r.resource_type)).toEqual(
      expect.arrayContaining(['document', 'signature_policy']),
    );
  });

  it('evaluates the policy in force: reason required, cooling period, the version recorded on the signature', async () => {
    const body = {
      ...signBody(tina, { resourceId: 'C-1' }),
      credentials: { password: testPassword, pin: tina.pin },
    };
    const noReason = await t.post('/signature/create', tina.token, body);
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, recordsErrors.REASON_REQUIRED.api]);
    const current = await db()
      .selectFrom('records_policies')
      .selectAll()
      .where('is_current', '=', 1)
      .executeTakeFirstOrThrow();
    await put(`/signature/policies/${current.policy_key}`, t.adminToken, {
      ...Object.fromEntries(
        Object.entries(policyBody).filter(([k]) => !['resource_type', 'operation_type'].includes(k)),
      ),
      require_reason: true,
      cooling_period: 300,
      reason: 'Cooling period after the deviation',
    });
    const ok = await t.post('/signature/create', tina.token, {
      ...body,
      reason: 'Batch meets specification',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const v3 = await db()
      .selectFrom('records_policies')
      .select('id')
      .where('version', '=', 3)
      .executeTakeFirstOrThrow();
    expect(ok.json().data.signature.policy_id).toBe(v3.id);
    const { sessionId } = ok.json().data;
    const again = await t.post('/signature/create', tina.token, {
      ...body,
      reason: 'again',
      sessionId,
      credentials: { pin: tina.pin },
    });
    expect([again.statusCode, again.json().code]).toEqual([409, recordsErrors.COOLING_PERIOD.api]);
  });
});

describe('my signature settings', () => {
  it('lists components with passkey unavailable without a registered passkey, and sets a PIN through the password', async () => {
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/signature/settings',
      headers: bearer(tina.token),
    });
    expect(mine.json().data).toMatchObject({ has_pin: true, is_pin_expired: false });
    expect(mine.json().data.components).toEqual([
      { name: 'password', available: true },
      { name: 'totp', available: true },
      { name: 'pin', available: true },
      { name: 'passkey', available: false },
    ]);
    const passkey = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'K-1' }),
      reason: 'r',
      credentials: { password: testPassword, passkey: '{}' },
    });
    expect([passkey.statusCode, passkey.json().code]).toEqual([400, recordsErrors.COMPONENT_UNAVAILABLE.api]);
  });

  it('refuses weak PINs, a wrong password and a recent PIN, keeping the old PIN', async () => {
    const before = await db()
      .selectFrom('records_user_settings')
      .select('pin_hash')
      .where('user_id', '=', tina.id)
      .executeTakeFirstOrThrow();
    expect(before.pin_hash).toMatch(/^\$signx-pin\$k=k1\$/);
    for (const new_pin of ['12345', '111111', '234567', '98765432'])
      expect(
        (await put('/signature/settings/pin', tina.token, { password: testPassword, new_pin })).statusCode,
      ).toBe(400);
    expect(
      (await put('/signature/settings/pin', tina.token, { password: 'Wrong-Password-1', new_pin: '503918' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await put('/signature/settings/pin', tina.token, { password: testPassword, new_pin: tina.pin }))
        .statusCode,
    ).toBe(400);
    const after = await db()
      .selectFrom('records_user_settings')
      .select('pin_hash')
      .where('user_id', '=', tina.id)
      .executeTakeFirstOrThrow();
    expect(after.pin_hash).toBe(before.pin_hash);
    const changed = await put('/signature/settings/pin', tina.token, {
      password: testPassword,
      new_pin: '503918',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await auditActions(db(), 'records.settings.')).toEqual([
      'records.settings.changed',
      'records.settings.changed',
    ]);
  });

  it('an expired PIN cannot sign', async () => {
    await put('/signature/settings', tina.token, { pin_expiry_days: 1 });
    const threeDaysAgo = new Date(t.clock.now().getTime() - 3 * 86_400_000).toISOString();
    await db()
      .updateTable('records_user_settings')
      .set({ last_changed_at: threeDaysAgo })
      .where('user_id', '=', tina.id)
      .execute();
    const settings = await t.app.inject({
      method: 'GET',
      url: '/api/v1/signature/settings',
      headers: bearer(tina.token),
    });
    expect(settings.json().data.is_pin_expired).toBe(true);
    t.clock.advance(400_000);
    const refused = await t.post('/signature/create', tina.token, {
      ...signBody(tina, { resourceId: 'E-1' }),
      reason: 'r',
      credentials: { password: testPassword, pin: '503918' },
    });
    expect([refused.statusCode, refused.json().code]).toEqual([401, recordsErrors.CEREMONY_FAILED.api]);
    const last = await db()
      .selectFrom('records_auth_log')
      .select('failure_reason')
      .where('user_id', '=', tina.id)
      .orderBy('attempt_time', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.failure_reason).toBe('pin_expired');
  });
});
