import { type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { pageSchema } from '../../platform/db/pagination.js';
import { newFields } from './fields.schemas.js';

/**
 * Request and response schemas of /api/v1/digital-signature (seed 004's field names kept
 * exactly). Ids are UUIDv7 strings; the seed's integer entity ids are accepted and kept as text.
 */
/** A union of string literals that keeps the literal types. */
function literals<const T extends readonly string[]>(values: T, options: { description: string }) {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as unknown as TUnion<TLiteral<T[number]>[]>;
}
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const time = (description: string) => nullable(Type.String({ format: 'date-time', description }));
const id = Type.String({ minLength: 1, maxLength: 64, description: 'Id (UUIDv7)' });
const entityId = Type.Union(
  [Type.Integer({ minimum: 0 }), Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' })],
  {
    description: 'Polymorphic: id of the record (the seed uses integers; any id text is accepted)',
  },
);
export const entityType = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '^[a-z][a-z0-9_]*$',
  description:
    'Polymorphic: registered entity type (invoice, contract, quote, repair, customer, document, project, purchase_order, …)',
});
export const signatureOrder = Type.Union([Type.Literal('any'), Type.Literal('sequential')], {
  description: 'any: parallel; sequential: by signing_order (equal orders sign in parallel)',
});
export const requestStatus = literals(
  ['pending', 'sent', 'partially_signed', 'completed', 'expired', 'cancelled', 'rejected'] as const,
  { description: 'Request status' },
);
export const signerRole = literals(
  ['signer', 'approver', 'viewer', 'cc', 'witness', 'assistant', 'author', 'reviewer'] as const,
  {
    description:
      'signer/approver/witness/author/reviewer sign; viewer and cc only receive; assistant fills fields for a later signer',
  },
);
export const signerType = literals(['customer', 'company', 'witness'] as const, {
  description: 'Who the signer is to the record',
});
export const signatureType = literals(['drawn', 'typed', 'image', 'certificate'] as const, {
  description:
    'drawn: canvas PNG data URL (+ strokes); typed: the name; image: PNG/JPEG data URL; certificate: own PKCS#12',
});
const priority = literals(['low', 'normal', 'high', 'urgent'] as const, {
  description: 'Priority',
});
const text = (max: number, description: string) => Type.String({ maxLength: max, description });

// ---- templates ----
export const paging = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'Page, from 1' }),
  per_page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100, description: 'Items per page (seed name)' }),
  ),
  page_size: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100, description: 'Items per page (SignX name)' }),
  ),
  search: Type.Optional(
    Type.String({ maxLength: 100, description: 'Text in name/code (templates) or number/title (requests)' }),
  ),
};

// ---- signers ----
export const newSigner = Type.Object(
  {
    signer_name: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Printed name (goes into the certificate)',
    }),
    signer_email: Type.Optional(
      nullable(Type.String({ format: 'email', maxLength: 200, description: 'Email for the link' })),
    ),
    signer_phone: Type.Optional(
      nullable(
        Type.String({ maxLength: 40, pattern: '^\\+?[0-9 ()-]{5,40}$', description: 'Phone for SMS' }),
      ),
    ),
    signer_type: Type.Optional(signerType),
    role: Type.Optional(signerRole),
    signing_order: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'Order; equal = parallel (default: position)' }),
    ),
    user_id: Type.Optional(
      nullable(Type.String({ maxLength: 64, description: 'Internal signer: signs from this account' })),
    ),
    signing_group: Type.Optional(
      nullable(
        Type.String({
          minLength: 1,
          maxLength: 50,
          description: 'Any-of-N group: the first member to sign completes it (members share signing_order)',
        }),
      ),
    ),
    assists: Type.Optional(
      nullable(
        Type.Integer({
          minimum: 0,
          maximum: 49,
          description:
            'Assistants: index (in this request’s signers) of the later signer whose fields it fills',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);
export const signerView = Type.Object({
  id,
  request_id: id,
  signer_name: Type.String(),
  signer_email: nullable(Type.String()),
  signer_phone: nullable(Type.String()),
  signer_type: signerType,
  role: signerRole,
  signing_order: Type.Integer(),
  user_id: nullable(Type.String()),
  status: Type.String({
    description: 'pending, sent, viewed, signed, filled (assistant done), declined, cancelled',
  }),
  signing_group: nullable(Type.String({ description: 'Any-of-N group' })),
  assists_signer_id: nullable(Type.String({ description: 'Assistants: the signer whose fields it fills' })),
  is_current_turn: Type.Boolean({ description: 'True when this signer may sign now (order enforced)' }),
  token_expires_at: time('When the signing link expires'),
  viewed_at: time('First opened'),
  signed_at: time('Signed'),
  declined_at: time('Declined'),
  decline_reason: nullable(Type.String()),
  signature_id: nullable(Type.String()),
});

// ---- signatures ----
export const signatureView = Type.Object({
  id,
  signature_number: Type.String({ description: 'SIG-YYYY-NNNNN' }),
  request_id: id,
  signer_id: id,
  entity_type: Type.String(),
  entity_id: Type.String(),
  signature_type: signatureType,
  signer_name: Type.String(),
  signer_email: nullable(Type.String()),
  signer_type: signerType,
  status: Type.String({ description: 'valid or revoked' }),
  ip_address: nullable(Type.String()),
  user_agent: nullable(Type.String()),
  consent_given: Type.Boolean(),
  consent_text: nullable(Type.String()),
  signature_hash: Type.String({
    description: 'SHA-512 of signature_data + document_hash + signed_at + signer_name',
  }),
  document_hash: Type.String({ description: 'SHA-256 of the signed document version(s)' }),
  hash_valid: Type.Boolean({ description: 'The record hash recomputed on this read matches' }),
  certificate_serial: Type.String({ description: 'Serial (hex) of the per-signer certificate' }),
  certificate_subject: Type.String(),
  documents: Type.Array(Type.Object({ document_id: id, version: Type.Integer(), sha256: Type.String() }), {
    description: 'The document versions this signature produced',
  }),
  signed_at: Type.String({ format: 'date-time' }),
  valid_until: Type.String({ format: 'date-time' }),
  revoked_at: time('Revoked'),
  revoke_reason: nullable(Type.String()),
});

// ---- requests ----
export const requestDocumentView = Type.Object({
  document_id: id,
  position: Type.Integer(),
  sent_version: Type.Integer({ description: 'Version sent for signing' }),
  sent_sha256: Type.String({ description: 'SHA-256 of the version as sent' }),
  current_version: Type.Integer({ description: 'Latest version (each signature adds one)' }),
  current_sha256: Type.String(),
});
export const newRequest = Type.Object(
  {
    entity_type: entityType,
    entity_id: entityId,
    title: Type.String({ minLength: 1, maxLength: 300, description: 'Title' }),
    description: Type.Optional(nullable(text(4000, 'Message to signers'))),
    template_id: Type.Optional(
      nullable(Type.Union([Type.String({ maxLength: 64 }), Type.Integer()], { description: 'Template id' })),
    ),
    template_code: Type.Optional(
      nullable(Type.String({ maxLength: 50, description: 'Template code (alternative to template_id)' })),
    ),
    priority: Type.Optional(priority),
    customer_id: Type.Optional(
      nullable(
        Type.Union([Type.String({ maxLength: 64 }), Type.Integer()], { description: 'Customer record id' }),
      ),
    ),
    signature_order: Type.Optional(signatureOrder),
    language: Type.Optional(
      literals(['en', 'zh-CN', 'he'] as const, { description: 'Language of messages and stamps' }),
    ),
    document_ids: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: 20,
        description: 'Documents (documents module) to sign; PDF',
      }),
    ),
    signers: Type.Optional(Type.Array(newSigner, { maxItems: 50 })),
    fields: Type.Optional(newFields),
  },
  { additionalProperties: false },
);
export const entityRequest = Type.Omit(newRequest, ['entity_type', 'entity_id']);
export const requestView = Type.Object({
  id,
  request_number: Type.String({ description: 'SIG-REQ-YYYY-NNNNN' }),
  template_id: nullable(Type.String()),
  entity_type: Type.String(),
  entity_id: Type.String(),
  title: Type.String(),
  description: nullable(Type.String()),
  status: requestStatus,
  priority: Type.String(),
  customer_id: nullable(Type.String()),
  requested_by: nullable(Type.String()),
  signature_order: signatureOrder,
  required_signatures_count: Type.Integer(),
  allowed_signature_types: Type.Array(signatureType),
  consent_text: nullable(Type.String()),
  language: Type.String(),
  expires_at: time('Links expire at'),
  sent_at: time('Sent'),
  completed_at: time('Completed'),
  cancelled_at: time('Cancelled'),
  cancel_reason: nullable(Type.String()),
  is_expired: Type.Boolean(),
  completion_percentage: Type.Integer({ minimum: 0, maximum: 100 }),
  seal_status: Type.String({ description: 'none, pending, sealed (B-LTA), failed' }),
  documents: Type.Array(requestDocumentView),
  signers: Type.Array(signerView),
  signatures: Type.Array(signatureView),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export const requestListQuery = Type.Object({
  entity_type: Type.Optional(entityType),
  entity_id: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(requestStatus),
  customer_id: Type.Optional(Type.String({ maxLength: 64 })),
  priority: Type.Optional(priority),
  ...paging,
});
export const requestPage = pageSchema(requestView);
export const signingLink = Type.Object({
  signer_id: id,
  signer_name: Type.String(),
  signing_order: Type.Integer(),
  token: Type.String({ description: 'Link secret (shown once; stored only as a hash)' }),
  signing_url: Type.String({ description: 'The signer page URL' }),
  expires_at: Type.String({ format: 'date-time' }),
});
export const sentRequest = Type.Object({ request: requestView, links: Type.Array(signingLink) });
export const cancelBody = Type.Object(
  { reason: Type.Optional(text(1000, 'Why')) },
  { additionalProperties: false },
);
export const revokeBody = cancelBody;
export const idParams = Type.Object({ id });
export const entityParams = Type.Object({
  type: entityType,
  id: Type.String({ minLength: 1, maxLength: 64 }),
});
export const addSignersBody = Type.Union([
  newSigner,
  Type.Object(
    { signers: Type.Array(newSigner, { minItems: 1, maxItems: 50 }) },
    { additionalProperties: false },
  ),
]);

export const reassignParams = Type.Object({ id, signer_id: Type.String({ minLength: 1, maxLength: 64 }) });
export const reassignBody = Type.Object(
  {
    signer_name: Type.String({ minLength: 1, maxLength: 200, description: 'The new signer' }),
    signer_email: Type.Optional(nullable(Type.String({ format: 'email', maxLength: 200 }))),
    signer_phone: Type.Optional(nullable(Type.String({ maxLength: 40, pattern: '^\\+?[0-9 ()-]{5,40}$' }))),
  },
  { additionalProperties: false },
);
export const reassignResult = Type.Object({ request: requestView, link: nullable(signingLink) });
