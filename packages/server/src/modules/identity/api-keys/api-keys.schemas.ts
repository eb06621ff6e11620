import { Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../../platform/db/pagination.js';
import { displayName } from '../../../platform/http/text-schemas.js';

/** An API key as the API shows it: never its hash, the key itself only once (createdKey). */
export const keyView = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'What the integration is' }),
  prefix: Type.String({ description: 'First characters of the key, to recognise it' }),
  owner_user_id: Type.String({ description: 'The key acts for this user, never beyond its permissions' }),
  permissions: Type.Array(Type.String()),
  created_at: Type.String(),
  expires_at: Type.Union([Type.String(), Type.Null()]),
  last_used_at: Type.Union([Type.String(), Type.Null()]),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
});

export const keyListQuery = pageQuerySchema(['created_at', 'name'], 'created_at');

export const createKeyBody = Type.Object(
  {
    name: displayName({ description: 'What the integration is' }),
    permissions: Type.Array(Type.String({ minLength: 3, maxLength: 128 }), {
      minItems: 1,
      maxItems: 200,
      uniqueItems: true,
      description: 'Permissions the key may use (you must hold them)',
    }),
    expires_in_days: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 730, description: 'Days until the key expires (default: never)' }),
    ),
  },
  { additionalProperties: false },
);

export const createdKey = Type.Composite([
  keyView,
  Type.Object({ key: Type.String({ description: 'The key, shown ONCE; send it as X-API-Key' }) }),
]);

export const keyParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'API key id' }) });
