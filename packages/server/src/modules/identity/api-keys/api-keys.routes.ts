import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { newId } from '../../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../../platform/db/json-codec.js';
import { pageQuerySchema, pageSchema, paginate } from '../../../platform/db/pagination.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import { principalOf } from '../../../platform/http/access.js';
import { envelope, errorResponses, ok } from '../../../platform/http/envelope.js';
import { displayName } from '../../../platform/http/text-schemas.js';
import { assertMayAdministerUser } from '../identity.policy.js';
import type { ApiKeysTable } from '../identity.tables.js';
import { applyDataScope } from '../roles/data-scope.js';
import { assertHolds } from '../roles/grant-guard.js';
import { isDeclaredPermission } from '../roles/permission-catalogue.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import { identityEvents, recordIdentity } from '../shared/identity-audit.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { newSecret, sha256Hex } from '../shared/secrets.js';
import { type TypedApp, typed } from '../shared/typed-app.js';
import { findUserById } from '../users/users.repository.js';

const keyView = Type.Object({
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
const createBody = Type.Object(
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
const createdKey = Type.Composite([
  keyView,
  Type.Object({ key: Type.String({ description: 'The key, shown ONCE; send it as X-API-Key' }) }),
]);
const params = Type.Object({ id: Type.String({ format: 'uuid', description: 'API key id' }) });
const ownerScope = { owner: 'k.owner_user_id', department: 'users.department_id' };
/** A stored key without its hash: what may leave the server. */
type KeyRow = Omit<ApiKeysTable, 'key_hash'>;
const present = (row: KeyRow) => ({ ...row, permissions: decodeJson<string[]>(row.permissions) ?? [] });

/** The visible columns of keys joined to their owner (the join is what data scopes filter on). */
function selectKeys(db: DbOrTrx) {
  return db
    .selectFrom('api_keys as k')
    .innerJoin('users', 'users.id', 'k.owner_user_id')
    .select([
      'k.id',
      'k.name',
      'k.prefix',
      'k.owner_user_id',
      'k.permissions',
      'k.created_at',
      'k.expires_at',
      'k.last_used_at',
      'k.revoked_at',
    ]);
}

/** /api-keys: integration keys, shown once, stored as SHA-256, revocable at once. */
export async function apiKeyRoutes(api: FastifyInstance, runtime: IdentityRuntime): Promise<void> {
  const app = typed(api);
  getApiKeysRoute(app, runtime);
  postApiKeysRoute(app, runtime);
  deleteApiKeysByIdRoute(app, runtime);
}

/** GET /api-keys */
function getApiKeysRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.get(
    '/api-keys',
    {
      config: { access: { permission: 'identity.api_key.read' } },
      schema: {
        tags: ['api-keys'],
        querystring: pageQuerySchema(['created_at', 'name'], 'created_at'),
        response: { 200: envelope(pageSchema(keyView)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await paginate(
        applyDataScope(selectKeys(db), dataScopeOf(principalOf(request)), ownerScope),
        request.query,
        { created_at: 'k.created_at', name: 'k.name' },
        'k.id',
      );
      return ok({ ...page, items: page.items.map(present) });
    },
  );
}

/** POST /api-keys */
function postApiKeysRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db, clock } = runtime.ctx;
  app.post(
    '/api-keys',
    {
      config: { access: { permission: 'identity.api_key.create' } },
      schema: {
        tags: ['api-keys'],
        body: createBody,
        response: { 201: envelope(createdKey), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user' || !principal.userId)
        throw forbidden('API keys are created by signed-in users');
      const unknown = request.body.permissions.find((p) => !isDeclaredPermission(p));
      if (unknown) throw invalid('permissions', `Unknown permission ${unknown}`);
      assertHolds(principal, request.body.permissions, 'these permissions');
      const key = newSecret('sxk_');
      const now = clock.now();
      const row = {
        id: newId(),
        name: request.body.name,
        prefix: key.slice(0, 12),
        key_hash: sha256Hex(key),
        owner_user_id: principal.userId,
        permissions: encodeJson([...request.body.permissions].sort()),
        created_at: now.toISOString(),
        expires_at: request.body.expires_in_days
          ? new Date(now.getTime() + request.body.expires_in_days * 86_400_000).toISOString()
          : null,
        last_used_at: null,
        revoked_at: null,
      };
      await inTransaction(db, async (trx) => {
        await trx.insertInto('api_keys').values(row).execute();
        await recordIdentity(trx, request, {
          action: identityEvents['api_key.created'],
          entityType: 'api_key',
          entityId: row.id,
          after: {
            name: row.name,
            prefix: row.prefix,
            permissions: request.body.permissions,
            expires_at: row.expires_at,
          },
        });
      });
      const { key_hash: _hash, ...visible } = row;
      return reply.status(201).send(ok({ ...present(visible), key }));
    },
  );
}

/** DELETE /api-keys/:id */
function deleteApiKeysByIdRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db, clock } = runtime.ctx;
  app.delete(
    '/api-keys/:id',
    {
      config: { access: { permission: 'identity.api_key.revoke' } },
      schema: {
        tags: ['api-keys'],
        params,
        response: { 200: envelope(keyView), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const row = await inTransaction(db, async (trx) => {
        const found = await applyDataScope(selectKeys(trx), dataScopeOf(principalOf(request)), ownerScope)
          .where('k.id', '=', request.params.id)
          .executeTakeFirst();
        if (!found) throw notFound('API key');
        const principal = principalOf(request);
        if (found.owner_user_id !== principal.userId) {
          const owner = await findUserById(trx, found.owner_user_id);
          if (owner) await assertMayAdministerUser(trx, runtime, principal, owner);
        }
        if (found.revoked_at) return found;
        const now = clock.now().toISOString();
        await trx.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', found.id).execute();
        await recordIdentity(trx, request, {
          action: identityEvents['api_key.revoked'],
          entityType: 'api_key',
          entityId: found.id,
          details: { name: found.name },
        });
        return { ...found, revoked_at: now };
      });
      return ok(present(row));
    },
  );
}
