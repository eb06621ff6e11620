import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUserWith, tokenFor } from '../../../test/identity-fixtures.js';
import { createRecordsTestApp, policyBody, type RecordsTestApp } from '../../../test/records-kit.js';
import { recordsErrors } from './records.errors.js';

// The terms a signer sees before the ceremony (GET /signature/policy-terms): any signed-in
// user, without records.policy.read, learns the meanings, the reason rule and the number of
// components, but not the policy's network ranges.
let t: RecordsTestApp;
let plainToken = '';
const terms = (token: string, query: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/signature/policy-terms?${query}`, headers: bearer(token) });

beforeAll(async () => {
  t = await createRecordsTestApp();
  await createUserWith(t.app, { username: 'plain', roles: [] });
  plainToken = await tokenFor(t.app, 'plain');
  const created = await t.post('/signature/policies', t.adminToken, {
    ...policyBody,
    require_reason: true,
    allowed_networks: ['10.0.0.0/8'],
  });
  expect(created.statusCode, created.body).toBe(201);
});
afterAll(() => t.close());

describe('policy terms for signers', () => {
  it('tells a user without policy permissions what the ceremony will ask, without the ranges', async () => {
    const policies = await t.app.inject({
      method: 'GET',
      url: '/api/v1/signature/policies',
      headers: bearer(plainToken),
    });
    expect(policies.statusCode).toBe(403);
    const answer = await terms(plainToken, 'resource_type=batch_record&operation_type=release');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().data).toEqual({
      policy_name: 'Batch release (QP)',
      version: 1,
      signature_level: 'enhanced',
      authentication_factors: 2,
      require_reason: true,
      allowed_meanings: ['approval', 'review'],
      has_time_windows: false,
      has_network_ranges: true,
    });
    expect(answer.body).not.toContain('10.0.0.0');
  });

  it('answers 40416 without a policy, 40417 for an unregistered operation, 400 for bad input, 401 signed out', async () => {
    const none = await terms(plainToken, 'resource_type=document&operation_type=destroy');
    expect([none.statusCode, none.json().code]).toEqual([404, recordsErrors.NO_POLICY.api]);
    const unknown = await terms(plainToken, 'resource_type=rocket&operation_type=launch');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, recordsErrors.UNKNOWN_OPERATION.api]);
    expect((await terms(plainToken, 'resource_type=document')).statusCode).toBe(400);
    expect((await terms(plainToken, 'resource_type=document&operation_type=x&extra=1')).statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/v1/signature/policy-terms?resource_type=batch_record&operation_type=release',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
