import { decodeJson } from '../../../platform/db/json-codec.js';
import type { Principal } from '../../../platform/http/access.js';
import type { IdentityDeps } from '../identity.deps.js';
import { userAuthz } from '../roles/user-authz.service.js';
import { attachDetails } from '../sessions/principal-details.js';
import { sha256Hex } from '../shared/secrets.service.js';
import { keyStatusByHash, markKeyUsed } from './api-keys.repository.js';

/**
 * An integration calling with `X-API-Key`. The key acts with the intersection of its own
 * permissions and its owner's current ones (a key can never do more than the person who
 * made it), within the owner's data scope. Revocation is read on every request.
 */
export async function authenticateApiKey(
  runtime: IdentityDeps,
  presented: string,
): Promise<Principal | null> {
  if (!presented.startsWith('sxk_') || presented.length > 200) return null;
  const { db, clock } = runtime.ctx;
  const key = await keyStatusByHash(db, sha256Hex(presented));
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
    await markKeyUsed(db, key.id, now).catch((error: unknown) =>
      runtime.ctx.logger.warn({ err: error }, 'API key use not recorded'),
    );
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
