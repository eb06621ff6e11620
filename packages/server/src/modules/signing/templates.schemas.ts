import { Type } from '@sinclair/typebox';
import { pageSchema } from '../../platform/db/pagination.js';
import { entityType, paging, signatureOrder } from './signing.schemas.js';

/** Schemas of signature templates (seed 004's digital_signature_templates). */
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const text = (max: number, description: string) => Type.String({ maxLength: max, description });
const id = Type.String({ minLength: 1, maxLength: 64, description: 'Id (UUIDv7)' });

const templateFields = {
  template_name: Type.String({ minLength: 1, maxLength: 100, description: 'Template name' }),
  template_code: Type.String({
    minLength: 1,
    maxLength: 50,
    pattern: '^[A-Za-z0-9_.-]+$',
    description: 'Unique code (INV_APPROVAL)',
  }),
  entity_type: entityType,
  description: Type.Optional(nullable(text(2000, 'Description'))),
  required_signatures_count: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 50, description: 'Signatures needed (default 1)' }),
  ),
  signature_order: Type.Optional(signatureOrder),
  allow_drawn_signature: Type.Optional(
    Type.Boolean({ description: 'Allow drawn signatures (default true)' }),
  ),
  allow_typed_signature: Type.Optional(
    Type.Boolean({ description: 'Allow typed signatures (default true)' }),
  ),
  allow_image_signature: Type.Optional(
    Type.Boolean({ description: 'Allow image signatures (default true)' }),
  ),
  allow_certificate_signature: Type.Optional(
    Type.Boolean({ description: 'Allow own-certificate signatures (default false)' }),
  ),
  signature_valid_days: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 3650, description: 'Signature validity in days (365)' }),
  ),
  request_expires_hours: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 8760, description: 'Request/link expiry in hours (72)' }),
  ),
  reminder_hours: Type.Optional(
    nullable(
      Type.Integer({ minimum: 1, maximum: 720, description: 'Remind unsigned signers every N hours' }),
    ),
  ),
  consent_text: Type.Optional(nullable(text(2000, 'Consent text shown to signers'))),
  is_active: Type.Optional(Type.Boolean({ description: 'Active (default true)' })),
};
export const newTemplate = Type.Object(templateFields, { additionalProperties: false });
export const templatePatch = Type.Partial(Type.Object(templateFields), {
  additionalProperties: false,
  minProperties: 1,
});
export const templateView = Type.Object({
  id,
  template_name: Type.String(),
  template_code: Type.String(),
  entity_type: Type.String(),
  description: nullable(Type.String()),
  required_signatures_count: Type.Integer(),
  signature_order: signatureOrder,
  allow_drawn_signature: Type.Boolean(),
  allow_typed_signature: Type.Boolean(),
  allow_image_signature: Type.Boolean(),
  allow_certificate_signature: Type.Boolean(),
  signature_valid_days: Type.Integer(),
  request_expires_hours: Type.Integer(),
  reminder_hours: nullable(Type.Integer()),
  consent_text: nullable(Type.String()),
  is_active: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export const templateListQuery = Type.Object({
  entity_type: Type.Optional(entityType),
  is_active: Type.Optional(Type.Boolean({ description: 'Only active (true) or inactive (false)' })),
  ...paging,
});
export const templatePage = pageSchema(templateView);
