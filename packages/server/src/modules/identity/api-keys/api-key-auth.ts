import type { CompiledQuery } from 'kysely';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { Db } from '../../../platform/db/schema.js';
import type { Principal } from '../../../platform/http/access.js';
import { userAuthz } from '../roles/user-authz.js';
import { attachDetails } from '../sessions/principal-details.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { sha256Hex } from '../shared/secrets.js';

interface KeyStatus {
  id: string;
  name: string;
  permissions: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  owner_user_id: string;
  status: string;
  department_id: string | null;
  authz_version: number;
}

const sentinel = 'sentinel-key-hash';
let compiled: { db: Db; query: CompiledQuery } | null = null;

function keyQuery(db: Db, hash: string) {
  return db
    .selectFrom('api_keys as k')
    .innerJoin('users as u', 'u.id', 'k.owner_user_id')
    .select(['k.id', 'k.name', 'k.permissions', 'k.expires_at', 'k.last_used_at', 'k.revoked_at'])
    .select(['k.owner_user_id', 'u.status', 'u.department_id'])
    .select((eb) =>
      eb.selectFrom('identity_state').select('authz_version').where('id', '=', 1).as('authz_version'),
    )
    .where('k.key_hash', '=', hash);
}

/**
 * An integration calling with `X-API-Key`. The key acts with the intersection of its own
 * permissions and its owner's current ones (a key can never do more than the person who
 * made it), within the owner's data scope. Revocation is read on every request.
 */
export async function authenticateApiKey(
  runtime: IdentityRuntime,
  presented: string,
): Promise<Principal | null> {
  if (!presented.startsWith('sxk_') || presented.length > 200) return null;
  const { db, clock } = runtime.ctx;
  if (compiled?.db !== db) compiled = { db, query: keyQuery(db, sentinel).compile() };
  const parameters = compiled.query.parameters.map((p) => (p === sentinel ? sha256Hex(presented) : p));
  const key = (await db.executeQuery<KeyStatus>({ ...compiled.query, parameters })).rows[0];
  const now = clock.now().toISOString();
  if (!key || key.revoked_at || key.status !== 'active') return null;
  if (key.expires_at !== null && key.expires_at <= now) return null;
  const owner = await userAuthz(
    runtime,
    { id: key.owner_user_id, departmentId: key.department_id },
    Number(key.authz_version),
  );
  const granted = (decodeJson<string[]>(key.permissions) ?? []).filter((code) => owner.permissions.has(code));
  if (!key.last_used_at || Date.parse(now) - Date.parse(key.last_used_at) > 60_000)
    await db
      .updateTable('api_keys')
      .set({ last_used_at: now })
      .where('id', '=', key.id)
      .execute()
      .catch((error: unknown) => runtime.ctx.logger.warn({ err: error }, 'API key use not recorded'));
  const principal: Principal = {
    kind: 'api_key',
    id: key.id,
    userId: key.owner_user_id,
    username: `api-key:${key.name}`,
    permissions: new Set(granted),
    sessionId: null,
    authMethod: 'api_key',
  };
  return attachDetails(principal, {
    scope: owner.scope,
    departmentId: key.department_id,
    roleCodes: [],
    mfaRequired: false,
    authzVersion: Number(key.authz_version),
  });
}
