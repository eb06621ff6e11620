import { createHash } from 'node:crypto';
import type { Response as InjectResponse } from 'light-my-request';
import { authenticator } from 'otplib';
import { registerSignableOperation } from '../src/modules/records/index.js';
import { recordsDeps } from '../src/modules/records/records.deps.js';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  testPassword,
  tokenFor,
} from './identity-fixtures.js';

/** Electronic-records test helpers: a real identity app, a signer with TOTP and PIN, a policy. */
registerSignableOperation({
  resourceType: 'batch_record',
  operationType: 'release',
  module: 'test',
  description: 'Release a manufacturing batch record (tests)',
});
registerSignableOperation({
  resourceType: 'batch_record',
  operationType: 'destroy',
  module: 'test',
  description: 'Authorise destroying a batch record (tests)',
});

export const sha = (text: string) => createHash('sha256').update(text).digest('hex');
export const api = '/api/v1';

export interface Signer {
  id: string;
  username: string;
  token: string;
  totpSecret: string;
  pin: string;
}

export interface RecordsTestApp extends IdentityTestApp {
  adminToken: string;
  delays: number[];
  post: (
    url: string,
    token: string,
    payload: object,
    headers?: Record<string, string>,
  ) => Promise<InjectResponse>;
  totp: (signer: Signer) => string;
}

export async function createRecordsTestApp(env: Record<string, string> = {}): Promise<RecordsTestApp> {
  const t = await createIdentityTestApp({ ACCESS_TOKEN_MINUTES: '60', SESSION_IDLE_MINUTES: '240', ...env });
  await createAdmin(t.app);
  const adminToken = await tokenFor(t.app, 'root');
  const delays: number[] = [];
  recordsDeps(t.app.signx).delay = async (ms) => {
    delays.push(ms);
  };
  const post: RecordsTestApp['post'] = (url, token, payload, headers = {}) =>
    t.app.inject({ method: 'POST', url: `${api}${url}`, headers: { ...bearer(token), ...headers }, payload });
  const totp = (signer: Signer) =>
    authenticator.clone({ epoch: t.clock.now().getTime() }).generate(signer.totpSecret);
  return { ...t, adminToken, delays, post, totp };
}

/** A user with a bound TOTP and a PIN, signed in (one login session). */
export async function createSigner(t: RecordsTestApp, username: string, pin = '482915'): Promise<Signer> {
  const row = await createUserWith(t.app, { username, roles: ['operations_specialist'] });
  const token = await tokenFor(t.app, username);
  const bind = await t.post('/auth/mfa/bind', token, { password: testPassword });
  const totpSecret = bind.json().data.secret as string;
  const code = authenticator.clone({ epoch: t.clock.now().getTime() }).generate(totpSecret);
  const confirmed = await t.post('/auth/mfa/bind/confirm', token, { code });
  if (confirmed.statusCode !== 200) throw new Error(`TOTP binding failed: ${confirmed.body}`);
  const pinSet = await t.app.inject({
    method: 'PUT',
    url: `${api}/signature/settings/pin`,
    headers: bearer(token),
    payload: { password: testPassword, new_pin: pin },
  });
  if (pinSet.statusCode !== 200) throw new Error(`PIN failed: ${pinSet.body}`);
  t.clock.advance(31_000);
  return { id: row.id, username, token, totpSecret, pin };
}

export const policyBody = {
  resource_type: 'batch_record',
  operation_type: 'release',
  policy_name: 'Batch release (QP)',
  signature_level: 'enhanced',
  authentication_factors: 2,
  session_timeout: 10,
  session_absolute_timeout: 60,
  cooling_period: null,
  require_reason: false,
  allowed_meanings: ['approval', 'review'],
};

/** What a signer sends to sign batch `resourceId` version `version`. */
export function signBody(signer: Signer, input: { resourceId: string; version?: string; extra?: object }) {
  const version = input.version ?? '1';
  return {
    userId: signer.id,
    resourceId: input.resourceId,
    resourceType: 'batch_record',
    operationType: 'release',
    signatureMean: 'approval',
    recordVersion: version,
    recordHash: sha(`${input.resourceId}@${version}`),
    ...input.extra,
  };
}
