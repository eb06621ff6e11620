import { Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../../platform/db/pagination.js';
import { ownerFields, ownerQuery, teamIdInput } from '../webhooks.schemas.js';

/** Request and response schemas of the inbound credential routes. */
export const credentialParams = Type.Object({ id: Type.String({ description: 'Credential id' }) });

export const credentialInput = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Which system calls with it, e.g. "ERP"',
    }),
    operations: Type.Array(Type.String({ maxLength: 100 }), {
      minItems: 1,
      maxItems: 50,
      description: 'Operations its callbacks may use (GET /webhooks/inbound-operations)',
    }),
    ip_allow_list: Type.Array(Type.String({ maxLength: 64 }), {
      maxItems: 100,
      description: 'IPv4/IPv6 addresses or CIDRs the calls must come from; empty: any address',
    }),
    is_active: Type.Optional(Type.Boolean({ description: 'Accept its calls (default true)' })),
    team_id: teamIdInput,
  },
  { additionalProperties: false },
);

const nullableTime = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

export const credentialView = Type.Object({
  id: Type.String({ description: 'Credential id' }),
  key_id: Type.String({ description: 'Sent as SignX-Key-Id' }),
  name: Type.String({ description: 'Name' }),
  owner_id: Type.String({
    description: "The user its callbacks act for (for a team's credential, who gave it to the team)",
  }),
  ...ownerFields,
  operations: Type.Array(Type.String(), { description: 'Allowed operations' }),
  ip_allow_list: Type.Array(Type.String(), { description: 'Allowed CIDRs; empty: any address' }),
  is_active: Type.Boolean({ description: 'Its calls are accepted' }),
  revoked_at: nullableTime('Revoked (for good)'),
  previous_secret_until: nullableTime('After a rotation: until then the previous secret verifies too'),
  last_used_at: nullableTime('Last accepted call'),
  last_used_ip: Type.Union([Type.String(), Type.Null()], {
    description: 'Address of the last accepted call',
  }),
  created_at: Type.String({ description: 'Created' }),
  updated_at: Type.String({ description: 'Last changed' }),
});

export const credentialWithSecret = Type.Object({
  credential: credentialView,
  secret: Type.String({ description: 'whsec_… signing secret: shown this once, store it now' }),
});

export const operationView = Type.Object({
  operation: Type.String({ description: 'Permission code a credential must allow' }),
  method: Type.String({ description: 'HTTP method of the callback route' }),
  url: Type.String({ description: 'Path of the callback route' }),
  description: Type.String({ description: 'What the permission allows' }),
});

export const credentialListQuery = Type.Intersect([
  pageQuerySchema(['created_at', 'name'], 'created_at'),
  ownerQuery,
]);
