import {
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
} from '@simplewebauthn/browser';
import { api, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

/** Electronic records and signatures (server module: records, docs/electronic-records.md). */
export type PolicyQuery = NonNullable<paths['/api/v1/signature/policies']['get']['parameters']['query']>;
export type InventoryQuery = NonNullable<
  paths['/api/v1/signature/credential-inventory']['get']['parameters']['query']
>;
export type HistoryQuery = NonNullable<paths['/api/v1/signature/history']['get']['parameters']['query']>;
export type NewPolicy =
  paths['/api/v1/signature/policies']['post']['requestBody']['content']['application/json'];
export type PolicyChange =
  paths['/api/v1/signature/policies/{id}']['put']['requestBody']['content']['application/json'];
export type SettingsChange =
  paths['/api/v1/signature/settings']['put']['requestBody']['content']['application/json'];
export type SignatureRequest =
  paths['/api/v1/signature/create']['post']['requestBody']['content']['application/json'];
export type Credentials = NonNullable<SignatureRequest['credentials']>;

export type ReviewQuery = NonNullable<paths['/api/v1/audit-reviews']['get']['parameters']['query']>;
export type NewReview = paths['/api/v1/audit-reviews']['post']['requestBody']['content']['application/json'];
export type NewFinding =
  paths['/api/v1/audit-reviews/{id}/findings']['post']['requestBody']['content']['application/json'];
export type PeriodEventsQuery = NonNullable<paths['/api/v1/audit/events']['get']['parameters']['query']>;

const key = (id: string) => ({ params: { path: { id } } });

export const recordsApi = {
  settings: () => call(api.GET('/api/v1/signature/settings')),
  changeSettings: (body: SettingsChange) => call(api.PUT('/api/v1/signature/settings', { body })),
  setPin: (password: string, newPin: string) =>
    call(api.PUT('/api/v1/signature/settings/pin', { body: { password, new_pin: newPin } })),
  history: (query: HistoryQuery) => call(api.GET('/api/v1/signature/history', { params: { query } })),
  operations: () => call(api.GET('/api/v1/signature/operations')),
  policyTerms: (resourceType: string, operationType: string) =>
    call(
      api.GET('/api/v1/signature/policy-terms', {
        params: { query: { resource_type: resourceType, operation_type: operationType } },
      }),
    ),
  policies: (query: PolicyQuery) => call(api.GET('/api/v1/signature/policies', { params: { query } })),
  policyVersions: (id: string) => call(api.GET('/api/v1/signature/policies/{id}', key(id))),
  createPolicy: (body: NewPolicy) => call(api.POST('/api/v1/signature/policies', { body })),
  changePolicy: (id: string, body: PolicyChange) =>
    call(api.PUT('/api/v1/signature/policies/{id}', { ...key(id), body })),
  retirePolicy: (id: string, reason: string) =>
    call(api.DELETE('/api/v1/signature/policies/{id}', { params: { path: { id }, query: { reason } } })),
  reviews: (query: ReviewQuery) => call(api.GET('/api/v1/audit-reviews', { params: { query } })),
  review: (id: string) => call(api.GET('/api/v1/audit-reviews/{id}', key(id))),
  createReview: (body: NewReview) => call(api.POST('/api/v1/audit-reviews', { body })),
  addFinding: (id: string, body: NewFinding) =>
    call(api.POST('/api/v1/audit-reviews/{id}/findings', { ...key(id), body })),
  /** The audit events a review covers, from the audit module's own API (audit.event.read). */
  periodEvents: (query: PeriodEventsQuery) => call(api.GET('/api/v1/audit/events', { params: { query } })),
  reviewers: () =>
    call(
      api.GET('/api/v1/signature/credential-inventory', {
        params: { query: { page: 1, page_size: 100, sort: 'username' } },
      }),
    ),
  credentialInventory: (query: InventoryQuery) =>
    call(api.GET('/api/v1/signature/credential-inventory', { params: { query } })),
  /** Identity's administrator routes for a lost device (identity.user.read / identity.user.update). */
  userPasskeys: (userId: string) => call(api.GET('/api/v1/users/{id}/passkeys', key(userId))),
  /** A single-use proof of the administrator's own secrets, for a revocation. */
  stepUp: (password: string, code: string) =>
    call(
      api.POST('/api/v1/auth/step-up', {
        body: { password, ...(code ? { method: 'totp' as const, code } : {}) },
      }),
    ),
  revokePasskey: (userId: string, passkeyId: string, proof: string) =>
    call(
      api.DELETE('/api/v1/users/{id}/passkeys/{passkeyId}', {
        params: { path: { id: userId, passkeyId }, header: { 'x-step-up-proof': proof } },
      }),
    ),
  removeAuthenticator: (userId: string, proof: string) =>
    call(
      api.DELETE('/api/v1/users/{id}/mfa', {
        params: { path: { id: userId }, header: { 'x-step-up-proof': proof } },
      }),
    ),
  sign: (body: SignatureRequest) => call(api.POST('/api/v1/signature/create', { body })),
  verify: (signatureId: string) => call(api.POST('/api/v1/signature/verify', { body: { signatureId } })),
  sessionState: (sessionId: string) =>
    call(api.POST('/api/v1/authentication/verify-session', { body: { sessionId } })),
  /** Where the printout of a signature downloads from (Annex 11 §8.2), PDF or JSON. */
  printoutUrl: (signatureId: string, format: 'pdf' | 'json', language: string) =>
    `/api/v1/signature/details/${encodeURIComponent(signatureId)}/printout?${new URLSearchParams({ format, language })}`,
  details: (signatureId: string) =>
    call(api.GET('/api/v1/signature/details/{signatureId}', { params: { path: { signatureId } } })),

  /**
   * A passkey component: the browser answers a challenge bound to this login session
   * (user verification required); the ceremony sends it as `credentials.passkey`.
   */
  async passkeyComponent(): Promise<string> {
    const started = await call(api.POST('/api/v1/auth/step-up/passkey/options'));
    const optionsJSON = started.options as unknown as PublicKeyCredentialRequestOptionsJSON;
    const response: AuthenticationResponseJSON = await startAuthentication({ optionsJSON });
    return JSON.stringify({ challenge_id: started.challenge_id, response });
  },
};

export type Settings = Awaited<ReturnType<typeof recordsApi.settings>>;
export type Policy = Awaited<ReturnType<typeof recordsApi.policies>>['items'][number];
export type Operation = Awaited<ReturnType<typeof recordsApi.operations>>[number];
export type Signature = Awaited<ReturnType<typeof recordsApi.history>>['items'][number];
export type Verification = Awaited<ReturnType<typeof recordsApi.verify>>;
export type Review = Awaited<ReturnType<typeof recordsApi.reviews>>['items'][number];
export type ReviewDetail = Awaited<ReturnType<typeof recordsApi.review>>;
export type PeriodEvent = Awaited<ReturnType<typeof recordsApi.periodEvents>>['items'][number];
export type ComponentName = Settings['components'][number]['name'];
export type InventoryRow = Awaited<ReturnType<typeof recordsApi.credentialInventory>>['items'][number];
