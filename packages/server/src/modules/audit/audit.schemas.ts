import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';

const text = (description: string, maxLength = 200) =>
  Type.Optional(Type.String({ minLength: 1, maxLength, description }));
const time = (description: string) => Type.Optional(Type.String({ format: 'date-time', description }));

/** Filters shared by the query, CSV, PDF and bundle endpoints. */
const filterProperties = {
  chain: Type.Optional(
    Type.Union([Type.Literal('main'), Type.Literal('http')], {
      default: 'main',
      description: "Chain: 'main' (business events) or 'http' (request log)",
    }),
  ),
  actor: text('Actor id or name (exact)'),
  action: text("Action, exact ('identity.user.created') or a prefix ending in '*' ('identity.*')"),
  entity_type: text('Entity type, e.g. user'),
  entity_id: text('Entity id'),
  ip: text('Client IP as the server saw it', 64),
  result: Type.Optional(
    Type.Union([Type.Literal('success'), Type.Literal('failure')], { description: 'Outcome' }),
  ),
  from: time('Events at or after this time (ISO-8601)'),
  to: time('Events before this time (ISO-8601)'),
};
const filterSchema = Type.Object(filterProperties, { additionalProperties: false });
export type AuditFilter = Static<typeof filterSchema>;

export const eventQuerySchema = Type.Composite(
  [pageQuerySchema(['occurred_at', 'seq'], 'seq'), filterSchema],
  {
    additionalProperties: false,
  },
);
export const exportQuerySchema = Type.Composite(
  [
    filterSchema,
    Type.Object({
      limit: Type.Integer({
        minimum: 1,
        maximum: 100_000,
        default: 10_000,
        description: 'Most events to export',
      }),
    }),
  ],
  { additionalProperties: false },
);

const nullableText = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

export const eventSchema = Type.Object({
  id: Type.String({ description: 'Event id (UUIDv7)' }),
  chain: Type.String({ description: 'Chain the event belongs to' }),
  seq: Type.Integer({ description: 'Position in the chain, from 1, without gaps' }),
  occurred_at: Type.String({ description: 'Server time (UTC, ms)' }),
  actor: Type.Object({
    type: Type.String({ description: 'user, api_key, system or anonymous' }),
    id: nullableText('User / API key id, or job name'),
    name: Type.String({ description: 'Username, key name or system:<job>' }),
    auth_method: nullableText('How the actor authenticated'),
    on_behalf_of: nullableText('Whom the actor acted for'),
    request_id: nullableText('Originating request id'),
    ip: nullableText('Client IP as the server saw it'),
    user_agent: nullableText('Client user agent'),
  }),
  action: Type.String({ description: 'Catalogue action' }),
  action_description: nullableText('What the action means'),
  entity_type: Type.String({ description: 'Type of the changed entity' }),
  entity_id: nullableText('Id of the changed entity'),
  changes: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: 'Changed fields: {field: {before, after}}',
  }),
  diff: nullableText('Readable diff, one line per field'),
  reason: nullableText('Reason given'),
  meaning: nullableText('Signature meaning'),
  result: Type.String({ description: 'success or failure' }),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: 'Further details',
  }),
  app_version: Type.String({ description: 'Application version that recorded it' }),
  prev_hash: Type.String({ description: 'Leaf hash of the previous event (hex)' }),
  leaf_hash: Type.String({ description: 'RFC 6962 leaf hash of this event (hex)' }),
});

export const checkpointSchema = Type.Object({
  chain: Type.String({ description: 'Chain' }),
  tree_size: Type.Integer({ description: 'Events covered' }),
  root_hash: Type.String({ description: 'Merkle root (hex)' }),
  created_at: Type.String({ description: 'When it was signed' }),
  key_id: Type.String({ description: 'Signing key id' }),
  signature: Type.String({ description: 'Ed25519 signature (base64) over the canonical statement' }),
});

const breakSchema = Type.Union([
  Type.Object({
    seq: Type.Integer({ description: 'First broken event (0: not tied to one event)' }),
    id: nullableText('Its id, when it still exists'),
    problem: Type.String({ description: 'What is wrong' }),
  }),
  Type.Null(),
]);

export const verifyReportSchema = Type.Object({
  is_valid: Type.Boolean({ description: 'True when every chain and checkpoint verified' }),
  events: Type.Integer({ description: 'Events verified' }),
  chains: Type.Array(
    Type.Object({
      chain: Type.String({ description: 'Chain' }),
      events: Type.Integer({ description: 'Events verified in order' }),
      checkpoints: Type.Integer({ description: 'Checkpoints verified' }),
      anchored_checkpoints: Type.Integer({ description: 'Checkpoints found in the external anchor' }),
      broken: breakSchema,
    }),
  ),
});

export const idParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'Event id' }) },
  { additionalProperties: false },
);
