import { Type } from '@sinclair/typebox';
import { newSigner, signerRole, signerType } from '../signing.schemas.js';

/** Schemas of template setup, direct links, bulk send and in-person sessions. */
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const id = Type.String({ minLength: 1, maxLength: 64, description: 'Id (UUIDv7)' });
const time = (description: string) => nullable(Type.String({ format: 'date-time', description }));
const language = Type.Union([Type.Literal('en'), Type.Literal('zh-CN'), Type.Literal('he')], {
  description: 'Language of the messages and the signing page',
});
const roleKey = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '^[A-Za-z][A-Za-z0-9_]*$',
  description: 'Placeholder key; bulk files name columns `<key>.name`, `<key>.email`, `<key>.phone`',
});

export const templateIdParams = Type.Object({ id });
export const templateDocumentParams = Type.Object({ id, document_id: id });

const roleFields = {
  role_key: roleKey,
  label: Type.Optional(Type.String({ maxLength: 100, description: 'Shown to senders (“Client”)' })),
  role: Type.Optional(signerRole),
  signer_type: Type.Optional(signerType),
  signing_order: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100, description: 'Order; equal = parallel' }),
  ),
  signer_name: Type.Optional(
    nullable(Type.String({ maxLength: 200, description: 'A fixed person for this role' })),
  ),
  signer_email: Type.Optional(
    nullable(Type.String({ format: 'email', maxLength: 200, description: 'Their email' })),
  ),
  signer_phone: Type.Optional(
    nullable(Type.String({ maxLength: 40, pattern: '^\\+?[0-9 ()-]{5,40}$', description: 'Their phone' })),
  ),
};
export const rolesBody = Type.Object(
  {
    roles: Type.Array(Type.Object(roleFields, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 20,
    }),
  },
  { additionalProperties: false },
);
const roleView = Type.Object({
  role_key: Type.String(),
  label: Type.String(),
  role: signerRole,
  signer_type: signerType,
  signing_order: Type.Integer(),
  signer_name: nullable(Type.String()),
  signer_email: nullable(Type.String()),
  signer_phone: nullable(Type.String()),
  is_open: Type.Boolean({ description: 'No fixed person: filled per instance' }),
});
const templateDocumentView = Type.Object({
  id,
  document_id: id,
  file_name: Type.String(),
  position: Type.Integer(),
});
export const directLinkView = Type.Object({
  role_key: Type.String({ description: 'The role the visitor fills' }),
  is_enabled: Type.Boolean(),
  use_count: Type.Integer({ description: 'Requests made through the link' }),
  created_at: Type.String({ format: 'date-time' }),
  rotated_at: time('Last rotation'),
  last_used_at: time('Last use'),
});
export const setupView = Type.Object({
  template_id: id,
  roles: Type.Array(roleView),
  documents: Type.Array(templateDocumentView),
  direct_link: nullable(directLinkView),
  bulk_columns: Type.Array(Type.String(), { description: 'The columns a bulk file needs (and may add)' }),
});
export const documentUploadQuery = Type.Object({
  file_name: Type.String({ minLength: 1, maxLength: 200, description: 'Name to keep for the PDF' }),
});

// ---- direct links ----
export const issueLinkBody = Type.Object(
  { role_key: Type.Optional(roleKey) },
  {
    additionalProperties: false,
    description: 'The role the visitor fills (default: the only open signing role)',
  },
);
export const issuedLink = Type.Object({
  direct_link: directLinkView,
  token: Type.String({ description: 'The secret: shown once, stored only as a hash' }),
  url: Type.String({ description: 'The public page of the link' }),
});
export const enableLinkBody = Type.Object({ is_enabled: Type.Boolean() }, { additionalProperties: false });
export const directTokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
export const directLinkPage = Type.Object({
  template_name: Type.String(),
  description: nullable(Type.String()),
  entity_type: Type.String(),
  role_label: Type.String({ description: 'The role the visitor signs as' }),
  consent_text: nullable(Type.String()),
  documents: Type.Array(Type.Object({ file_name: Type.String() })),
});
export const directSubmitBody = Type.Object(
  {
    signer_name: newSigner.properties.signer_name,
    signer_email: Type.String({ format: 'email', maxLength: 200, description: 'Where the signed copy goes' }),
    signer_phone: newSigner.properties.signer_phone,
    language: Type.Optional(language),
  },
  { additionalProperties: false },
);
export const directSubmitted = Type.Object({
  request_number: Type.String(),
  token: Type.String({ description: 'The visitor’s own signing-link token' }),
  signing_url: Type.String(),
  expires_at: Type.String({ format: 'date-time' }),
});

// ---- bulk send ----
export const bulkParams = Type.Object({ bulk_id: id });
export const bulkRowView = Type.Object({
  row_index: Type.Integer({ description: 'Row number as the sender sees it (first data row = 1)' }),
  status: Type.String({ description: 'pending, done, failed, cancelled' }),
  request_id: nullable(Type.String()),
  error: nullable(Type.String()),
});
export const bulkView = Type.Object({
  id,
  template_id: id,
  status: Type.String({ description: 'queued, running, completed, cancelled' }),
  file_name: Type.String(),
  title: Type.String(),
  language: Type.String(),
  total: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
  remaining: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
  finished_at: time('Finished'),
  rows: Type.Optional(Type.Array(bulkRowView, { description: 'Every row (single bulk send only)' })),
});
export const bulkListQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  page_size: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

// ---- in person ----
export const inPersonParams = Type.Object({ id, signer_id: id });
export const sessionParams = Type.Object({ session_id: id });
export const inPersonBody = Type.Object(
  {
    notify: Type.Optional(
      Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('none')], {
        description:
          'How the verification link reaches the signer afterwards (default: sms when a phone is known)',
      }),
    ),
  },
  { additionalProperties: false },
);
export const sessionView = Type.Object({
  id,
  request_id: id,
  signer_id: id,
  signer_name: Type.String(),
  host_user_id: id,
  host_name: Type.String(),
  status: Type.String({ description: 'active, finished, cancelled, unlocked' }),
  notify: Type.String(),
  started_at: Type.String({ format: 'date-time' }),
  ended_at: time('When the signer finished or cancelled'),
  unlocked_at: time('When the host unlocked'),
});
export const startedSession = Type.Object({
  session: sessionView,
  token: Type.String({ description: 'The signer’s link token for this device (kiosk)' }),
  kiosk_token: Type.String({
    description: 'Secret of the kiosk page (finish/cancel without the host session)',
  }),
  signing_url: Type.String({ description: 'Signer page in kiosk mode' }),
});
export const hostLock = Type.Object({
  locked: Type.Boolean({ description: 'This login session hosts an in-person signing and must be unlocked' }),
  session: nullable(sessionView),
});
export const kioskBody = Type.Object(
  { kiosk_token: Type.String({ minLength: 20, maxLength: 100 }) },
  { additionalProperties: false },
);
