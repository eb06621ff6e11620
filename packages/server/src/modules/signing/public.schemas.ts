import { Type } from '@sinclair/typebox';
import { meaningField } from '../profiles/index.js';
import { ceremonyCredentialsSchema } from '../records/index.js';
import { fieldValues, fieldView, signaturePlacement } from './fields.schemas.js';
import {
  requestStatus,
  requestView,
  signatureType,
  signatureView,
  signerRole,
  signerType,
} from './signing.schemas.js';

/** Schemas of signing by link and of the public endpoints (seed 004 names). */
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const time = (description: string) => nullable(Type.String({ format: 'date-time', description }));
const text = (max: number, description: string) => Type.String({ maxLength: max, description });
const id = Type.String({ minLength: 1, maxLength: 64, description: 'Id (UUIDv7)' });

// ---- sign ----
export const signBody = Type.Object(
  {
    request_id: Type.Optional(
      Type.Union([Type.String({ maxLength: 64 }), Type.Integer()], {
        description: 'Request id (checked against the token)',
      }),
    ),
    signer_id: Type.Optional(
      Type.Union([Type.String({ maxLength: 64 }), Type.Integer()], {
        description: 'Signer id (checked against the token)',
      }),
    ),
    token: Type.Optional(
      Type.String({
        minLength: 20,
        maxLength: 200,
        description: 'Signing-link token (or X-Signing-Token header)',
      }),
    ),
    signature_type: signatureType,
    signature_data: Type.String({
      minLength: 1,
      maxLength: 1_500_000,
      description:
        'PNG/JPEG data URL (drawn, image) or the typed name; for certificate signatures the mark shown (an image data URL or the name)',
    }),
    signature_strokes: Type.Optional(
      Type.Array(Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 3 }), { maxItems: 5000 }), {
        maxItems: 500,
        description: 'Drawn strokes: [[[x,y,t?],…],…]',
      }),
    ),
    signer_name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Name as signed' })),
    signer_email: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
    consent_given: Type.Boolean({ description: 'Must be true' }),
    consent_text: Type.Optional(nullable(text(2000, 'Consent text as shown'))),
    geolocation: Type.Optional(
      nullable(
        Type.Object(
          {
            latitude: Type.Number({ minimum: -90, maximum: 90 }),
            longitude: Type.Number({ minimum: -180, maximum: 180 }),
            accuracy: Type.Optional(Type.Number({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    reason: Type.Optional(text(200, 'Reason shown in the signature')),
    meaning: meaningField,
    certificate_p12: Type.Optional(
      Type.String({
        minLength: 4,
        maxLength: 90_000,
        description:
          'certificate signatures: the signer’s own PKCS#12 (.p12/.pfx), base64; used in memory for this signature only, never stored',
      }),
    ),
    certificate_password: Type.Optional(
      Type.String({ maxLength: 1000, description: 'Password of certificate_p12; never stored or logged' }),
    ),
    fields: Type.Optional(fieldValues),
    signature_placement: Type.Optional(signaturePlacement),
  },
  { additionalProperties: false },
);
/** An internal signer's body: the link body plus, under a Part 11 policy, the records ceremony. */
export const internalSignBody = Type.Object(
  {
    ...signBody.properties,
    part11: Type.Optional(
      Type.Object(
        {
          signature_mean: Type.String({
            minLength: 1,
            maxLength: 50,
            description: 'Meaning of the signature, one the policy lists',
          }),
          reason: Type.Optional(nullable(text(500, 'Reason, when the policy requires one'))),
          session_id: Type.Optional(
            nullable(Type.String({ format: 'uuid', description: 'Signing session to continue' })),
          ),
          credentials: ceremonyCredentialsSchema,
        },
        {
          additionalProperties: false,
          description:
            'Required when a records policy covers signing_request/sign: the Part 11 ceremony (then no X-Step-Up-Proof)',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export const signResult = Type.Object({ signature: signatureView, request: requestView });

// ---- public ----
export const verifyParams = Type.Object({ signature_number: Type.String({ minLength: 1, maxLength: 50 }) });
const verifyFields = {
  valid: Type.Boolean(),
  signature_number: Type.String(),
  signer_name: Type.Optional(Type.String()),
  signed_at: Type.Optional(Type.String()),
  signature_type: Type.Optional(Type.String()),
  entity_type: Type.Optional(Type.String()),
  status: Type.Optional(Type.String({ description: 'valid or revoked' })),
  request_number: Type.Optional(Type.String()),
  certificate_serial: Type.Optional(Type.String()),
  certificate_status: Type.Optional(Type.String({ description: 'good or revoked (platform OCSP/CRL)' })),
  hash_valid: Type.Optional(
    Type.Boolean({
      description: 'The SHA-512 record hash matches, and the versions listed match its document hash',
    }),
  ),
  document_valid: Type.Optional(
    Type.Boolean({
      description:
        'Each document version the signature produced is stored intact and its PDF signature verifies',
    }),
  ),
  revoked_at: Type.Optional(Type.String()),
  reason: Type.Optional(
    Type.String({ description: 'Why not valid, in the requester’s language (Accept-Language)' }),
  ),
  reason_code: Type.Optional(
    Type.String({ description: 'not_found, revoked, hash_mismatch, expired, document_invalid' }),
  ),
  reason_he: Type.Optional(Type.String()),
  reason_zh: Type.Optional(Type.String()),
  reason_en: Type.Optional(Type.String()),
};
export const verifyData = Type.Object(verifyFields);
/** Seed shape at the top level (`result.valid`) AND the SignX envelope (`code`, `data`). */
export const verifyResponse = Type.Object({
  ...verifyFields,
  code: Type.Literal(0),
  message: Type.String(),
  data: verifyData,
  timestamp: Type.Integer(),
});
export const constantsView = Type.Object({
  entity_types: Type.Array(Type.String()),
  statuses: Type.Array(Type.String()),
  signer_statuses: Type.Array(Type.String()),
  signer_roles: Type.Array(Type.String()),
  signer_types: Type.Array(Type.String()),
  signature_types: Type.Array(Type.String()),
  signature_orders: Type.Array(Type.String()),
  priorities: Type.Array(Type.String()),
});
export const tokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }) });
export const signingPageView = Type.Object({
  request: Type.Object({
    request_number: Type.String(),
    title: Type.String(),
    description: nullable(Type.String()),
    entity_type: Type.String(),
    status: requestStatus,
    language: Type.String(),
    expires_at: time('Expires'),
    allowed_signature_types: Type.Array(signatureType),
    consent_text: Type.String(),
  }),
  signer: Type.Object({
    id,
    signer_name: Type.String(),
    signer_email: nullable(Type.String()),
    signer_type: signerType,
    role: signerRole,
    signing_order: Type.Integer(),
    status: Type.String(),
    is_current_turn: Type.Boolean(),
  }),
  documents: Type.Array(
    Type.Object({
      document_id: id,
      version: Type.Integer(),
      sha256: Type.String(),
      url: Type.String({ description: 'GET: the PDF to show (same token)' }),
    }),
  ),
  fields: Type.Array(fieldView, {
    description:
      'The fields this signer fills (an assistant: those of the signer it assists); empty: place one signature freely',
  }),
});

export const declineBody = Type.Object(
  {
    token: Type.Optional(
      Type.String({ minLength: 20, maxLength: 200, description: 'Signing-link token (or X-Signing-Token)' }),
    ),
    reason: Type.String({
      minLength: 1,
      maxLength: 1000,
      description: 'Why the signer declines (shown to the sender)',
    }),
  },
  { additionalProperties: false },
);
