import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';
import { padesLevels } from './pades-level.js';
import { weekdays } from './time-place.js';

/** Request and response schemas of signature policies (seed 002 Signature_Policy). */
const meanings = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  minItems: 1,
  maxItems: 20,
  description: 'Meanings a signer may choose (approval, review, confirmation, witness, ...)',
});
const fields = {
  policy_name: Type.String({ minLength: 1, maxLength: 100, description: 'Name' }),
  signature_level: Type.Union(
    [Type.Literal('simple'), Type.Literal('enhanced'), Type.Literal('certificate')],
    {
      description: 'simple (password), enhanced (more factors), certificate (qualified)',
    },
  ),
  authentication_factors: Type.Integer({
    minimum: 1,
    maximum: 3,
    description: 'Components the first signature of a session needs: the password plus n-1 others',
  }),
  session_timeout: Type.Integer({
    minimum: 1,
    maximum: 1440,
    description: 'Idle timeout of a signing session, minutes',
  }),
  session_absolute_timeout: Type.Integer({
    minimum: 1,
    maximum: 1440,
    description: 'Absolute lifetime of a signing session, minutes',
  }),
  cooling_period: Type.Union([Type.Integer({ minimum: 0, maximum: 86_400 }), Type.Null()], {
    description: 'Seconds before the same person may sign the same resource and operation again',
  }),
  require_reason: Type.Boolean({ description: 'Whether a reason must be given' }),
  allowed_meanings: meanings,
  allowed_time_windows: Type.Optional(
    Type.Union(
      [
        Type.Array(
          Type.Object(
            {
              days: Type.Array(Type.Union(weekdays.map((d) => Type.Literal(d))), {
                minItems: 1,
                maxItems: 7,
                uniqueItems: true,
                description: 'Weekdays (mon … sun)',
              }),
              start: Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM, inclusive' }),
              end: Type.String({
                pattern: '^\\d{2}:\\d{2}$',
                description: 'HH:MM, exclusive (24:00 = midnight)',
              }),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 20 },
        ),
        Type.Null(),
      ],
      { description: 'When signing is allowed, read in time_zone; null or absent: any time' },
    ),
  ),
  allowed_networks: Type.Optional(
    Type.Union(
      [Type.Array(Type.String({ minLength: 3, maxLength: 50 }), { minItems: 1, maxItems: 50 }), Type.Null()],
      { description: 'CIDR ranges (IPv4, IPv6) signing is allowed from; null or absent: any network' },
    ),
  ),
  time_zone: Type.Optional(
    Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], {
      description: 'IANA time zone of the time windows (default UTC)',
    }),
  ),
  pades_level: Type.Optional(
    Type.Union([...padesLevels.map((level) => Type.Literal(level)), Type.Null()], {
      description:
        'PAdES baseline level the signed PDF of a document signature must reach (B-B, B-T, B-LT, B-LTA); null or absent: B-T',
    }),
  ),
};

export const newPolicy = Type.Object(
  {
    resource_type: Type.String({ minLength: 1, maxLength: 50, description: 'Resource type (registered)' }),
    operation_type: Type.String({ minLength: 1, maxLength: 50, description: 'Operation type (registered)' }),
    ...fields,
  },
  { additionalProperties: false },
);
export type NewPolicy = Static<typeof newPolicy>;

const changeReason = Type.String({
  minLength: 1,
  maxLength: 1000,
  description: 'Why (Annex 11 §9: policies are regulated records; recorded in the audit event)',
});

export const policyChange = Type.Object(
  { ...fields, reason: Type.Optional(changeReason) },
  { additionalProperties: false },
);
export type PolicyChange = Static<typeof policyChange>;

export const retireQuery = Type.Object(
  { reason: Type.Optional(changeReason) },
  { additionalProperties: false },
);

export const policyParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Policy key' }) });

export const policyListQuery = Type.Composite([
  pageQuerySchema(['created_at', 'policy_name'], 'created_at'),
  Type.Object({
    resource_type: Type.Optional(Type.String({ maxLength: 50, description: 'Only this resource type' })),
    include_history: Type.Optional(Type.Boolean({ description: 'Include superseded versions' })),
  }),
]);

export const policyView = Type.Object({
  policy_id: Type.String({ description: 'Id of this version' }),
  policy_key: Type.String({ description: 'Stable id across versions' }),
  version: Type.Integer({ description: 'Version number' }),
  is_current: Type.Boolean({ description: 'Whether this version is in force' }),
  resource_type: Type.String({ description: 'Resource type' }),
  operation_type: Type.String({ description: 'Operation type' }),
  ...fields,
  created_at: Type.String({ description: 'When this version was made' }),
  updated_at: Type.String({ description: 'Last change' }),
});

export const operationView = Type.Object({
  resource_type: Type.String({ description: 'Resource type' }),
  operation_type: Type.String({ description: 'Operation type' }),
  module: Type.String({ description: 'Module that registered it' }),
  description: Type.String({ description: 'What signing it means' }),
  binds_record_version: Type.Boolean({ description: 'The server resolves the exact record version itself' }),
});

export const regulatedTypeView = Type.Object({
  resource_type: Type.String({ description: 'Resource type' }),
  module: Type.String({ description: 'Module that declared it' }),
  description: Type.String({ description: 'What a change or deletion is' }),
  setting: Type.Union([Type.String(), Type.Null()], {
    description: 'What decides whether one record is regulated; null: every record of the type',
  }),
});

/** What a signer is told before the ceremony (no network ranges: those are the administrator's). */
export const termsQuery = Type.Object(
  {
    resource_type: Type.String({ minLength: 1, maxLength: 50, description: 'Resource type' }),
    operation_type: Type.String({ minLength: 1, maxLength: 50, description: 'Operation type' }),
  },
  { additionalProperties: false },
);
export const termsView = Type.Object({
  policy_name: fields.policy_name,
  version: Type.Integer({ description: 'Version in force' }),
  signature_level: fields.signature_level,
  authentication_factors: fields.authentication_factors,
  require_reason: fields.require_reason,
  allowed_meanings: meanings,
  has_time_windows: Type.Boolean({ description: 'Signing is allowed only at certain times' }),
  has_network_ranges: Type.Boolean({ description: 'Signing is allowed only from certain networks' }),
});
