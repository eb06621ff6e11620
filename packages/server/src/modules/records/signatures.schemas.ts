import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';

/**
 * The seed's signature and authentication APIs (seed 002 §8.1), with its parameter names.
 * Nothing here carries a time, an IP or a user agent: those are the server's (a body field
 * of that name is refused as unknown).
 */
export const credentials = Type.Object(
  {
    password: Type.Optional(Type.String({ maxLength: 200, description: 'Account password' })),
    totp: Type.Optional(Type.String({ maxLength: 10, description: 'Code of the bound authenticator app' })),
    pin: Type.Optional(Type.String({ maxLength: 12, description: 'Signature PIN' })),
    passkey: Type.Optional(
      Type.String({
        maxLength: 20_000,
        description: 'WebAuthn assertion (JSON), user verification required',
      }),
    ),
  },
  { additionalProperties: false, description: 'The ceremony components given' },
);
const method = Type.Optional(
  Type.String({
    maxLength: 50,
    description: 'Components the client meant to use (informational; the server decides)',
  }),
);

export const createSignatureBody = Type.Object(
  {
    userId: Type.String({ format: 'uuid', description: 'The signer: must be the caller' }),
    resourceId: Type.String({ minLength: 1, maxLength: 100, description: 'Record signed' }),
    resourceType: Type.String({ minLength: 1, maxLength: 50, description: 'Its type' }),
    operationType: Type.String({ minLength: 1, maxLength: 50, description: 'What the signature authorises' }),
    signatureMean: Type.Optional(
      Type.String({ maxLength: 100, description: 'Meaning, from the policy’s list' }),
    ),
    reason: Type.Optional(
      Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: 'Reason' }),
    ),
    recordVersion: Type.Optional(
      Type.String({ maxLength: 100, description: 'Version seen (checked when the module resolves it)' }),
    ),
    recordHash: Type.Optional(Type.String({ maxLength: 64, description: 'SHA-256 hex of the version seen' })),
    sessionId: Type.Optional(
      Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'Signing session' }),
    ),
    credentials: Type.Optional(credentials),
    authenticationMethod: method,
    language: Type.Optional(
      Type.Union([Type.Literal('en'), Type.Literal('zh-CN'), Type.Literal('he')], {
        description: 'Language of the captions in the PDF appearance (PDF document versions); default en',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateSignatureBody = Static<typeof createSignatureBody>;

export const signatureView = Type.Object({
  signature_id: Type.String({ description: 'Signature id' }),
  user_id: Type.String({ description: 'Signer' }),
  signer_name: Type.String({ description: 'Printed name of the signer' }),
  resource_id: Type.String({ description: 'Record signed' }),
  resource_type: Type.String({ description: 'Its type' }),
  operation_type: Type.String({ description: 'What was authorised' }),
  record_version: Type.String({ description: 'Exact version signed' }),
  record_sha256: Type.String({ description: 'SHA-256 of that version' }),
  policy_id: Type.String({ description: 'Policy version applied' }),
  signature_type: Type.String({ description: 'Level and components used' }),
  signature_mean: Type.String({ description: 'Meaning' }),
  reason: Type.Union([Type.String(), Type.Null()], { description: 'Reason given' }),
  timestamp: Type.String({ description: 'Server time (UTC, ISO-8601)' }),
  ip_address: Type.String({ description: 'Client IP as the server saw it' }),
  user_agent: Type.Union([Type.String(), Type.Null()], { description: 'User agent' }),
  verification_status: Type.String({ description: 'valid or invalid (last verification)' }),
  pades_document_version: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The document version holding this signature’s PAdES signature (§11.50), null when none',
  }),
  pades_sha256: Type.Union([Type.String(), Type.Null()], { description: 'SHA-256 of that PDF version' }),
  pades_time_zone: Type.Union([Type.String(), Type.Null()], {
    description: 'Time zone of the time shown in that PDF',
  }),
  pades_level: Type.Union([Type.String(), Type.Null()], {
    description: "PAdES level that PDF was made at (its policy's: B-B, B-T, B-LT, B-LTA), null when none",
  }),
});

export const createdView = Type.Object({
  signature: signatureView,
  sessionId: Type.String({ description: 'Signing session to continue with one component' }),
  fullCeremony: Type.Boolean({ description: 'Whether this signing used every component' }),
});

export const verifyBody = Type.Object(
  {
    signatureId: Type.String({ format: 'uuid', description: 'Signature to verify' }),
    resourceId: Type.Optional(Type.String({ maxLength: 100, description: 'Record it should be on' })),
    recordHash: Type.Optional(
      Type.String({ maxLength: 64, description: 'SHA-256 of the record version at hand' }),
    ),
    includeAuditProof: Type.Optional(
      Type.Boolean({
        description: 'Also check that the signature’s audit events are in the log (default true)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const verificationView = Type.Object({
  valid: Type.Boolean({ description: 'Whether every check passed' }),
  problems: Type.Array(Type.String(), { description: 'What failed, in words' }),
  covers_current_version: Type.Union([Type.Boolean(), Type.Null()], {
    description: 'Whether the record’s current version is the one signed (null: module does not say)',
  }),
  audit_events_verified: Type.Integer({ description: 'Audit events verified in the inclusion proof' }),
  pades_checks: Type.Array(
    Type.Object({
      check: Type.String({
        description:
          'pdf_integrity, pades_signature, manifestation_name, manifestation_time, manifestation_meaning or pades_level',
      }),
      ok: Type.Boolean({ description: 'Whether it holds' }),
      detail: Type.String({ description: 'What was found' }),
    }),
    {
      description:
        'Checks of the PAdES signature in the PDF version this signature produced (§11.50); empty when none',
    },
  ),
  signed: Type.Union(
    [
      Type.Object({
        signer_name: Type.String({ description: 'Printed name' }),
        signature_mean: Type.String({ description: 'Meaning' }),
        timestamp: Type.String({ description: 'Server time' }),
        record_sha256: Type.String({ description: 'SHA-256 signed' }),
      }),
      Type.Null(),
    ],
    { description: 'What the sealed value says was signed' },
  ),
});

export const historyQuery = Type.Composite([
  pageQuerySchema(['created_at', 'timestamp'], 'created_at'),
  Type.Object({
    userId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Signer (others need records.signature.read)' }),
    ),
    resourceId: Type.Optional(Type.String({ maxLength: 100, description: 'Record' })),
    resourceType: Type.Optional(Type.String({ maxLength: 50, description: 'Record type' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'From (inclusive)' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'To (exclusive)' })),
  }),
]);

export const attemptView = Type.Object({
  log_id: Type.String({ description: 'Log row' }),
  authentication_method: Type.String({ description: 'Components' }),
  authentication_result: Type.String({ description: 'success or failure' }),
  attempt_time: Type.String({ description: 'Server time' }),
  ip_address: Type.String({ description: 'Client IP' }),
  failure_reason: Type.Union([Type.String(), Type.Null()], { description: 'Why it failed' }),
});

export const detailsView = Type.Composite([
  signatureView,
  Type.Object({ authentication_log: Type.Array(attemptView, { description: 'Attempts tied to it' }) }),
]);

export const signatureParams = Type.Object({
  signatureId: Type.String({ format: 'uuid', description: 'Signature' }),
});

export const authenticateBody = Type.Object(
  {
    userId: Type.String({ format: 'uuid', description: 'Who authenticates: must be the caller' }),
    credentials,
    authenticationMethod: method,
    resourceType: Type.Optional(
      Type.String({ maxLength: 50, description: 'Resource type about to be signed' }),
    ),
    operationType: Type.Optional(Type.String({ maxLength: 50, description: 'Operation about to be signed' })),
  },
  { additionalProperties: false },
);

export const sessionBody = Type.Object(
  { sessionId: Type.String({ format: 'uuid', description: 'Signing session' }) },
  { additionalProperties: false },
);

export const sessionView = Type.Object({
  sessionId: Type.String({ description: 'Signing session' }),
  active: Type.Boolean({ description: 'Whether it can carry signatures (default timeouts)' }),
  ended_because: Type.Union([Type.String(), Type.Null()], { description: 'Why it ended' }),
  factors: Type.Array(Type.String(), { description: 'Components of the ceremony that opened it' }),
  signatures: Type.Integer({ description: 'Signatures made in it' }),
  created_at: Type.String({ description: 'Opened' }),
  last_used_at: Type.String({ description: 'Last signature or opening' }),
});
