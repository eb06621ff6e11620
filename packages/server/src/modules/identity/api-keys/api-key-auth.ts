import type { AppContext } from '../../../platform/app-context.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { Principal } from '../../../platform/http/access.js';
import { type IdentityDeps, identityDeps } from '../identity.deps.js';
import { userAuthz } from '../roles/user-authz.service.js';
import { attachDetails } from '../sessions/principal-details.js';
import { sha256Hex } from '../shared/secrets.service.js';
import { keyStatusByHash, markKeyUsed, ownerStatus } from './api-keys.repository.js';

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
  if (!key.last_used_at || Date.parse(now) - Date.parse(key.last_used_at) > 60_000)
    await markKeyUsed(db, key.id, now).catch((error: unknown) =>
      runtime.ctx.logger.warn({ err: error }, 'API key use not recorded'),
    );
  return integrationPrincipal(runtime, {
    id: key.id,
    username: `api-key:${key.name}`,
    authMethod: 'api_key',
    permissions: decodeJson<string[]>(key.permissions) ?? [],
    owner: {
      id: key.owner_user_id,
      departmentId: key.department_id,
      authzVersion: Number(key.authz_version),
    },
  });
}

/** What an integration acts with: its own grant and its owner (an active user). */
export interface IntegrationGrant {
  id: string;
  username: string;
  authMethod: string;
  permissions: readonly string[];
  owner: { id: string; departmentId: string | null; authzVersion: number };
}

/**
 * The principal of an integration (an API key, or an inbound callback credential): the
 * intersection of its own permissions and its owner's current ones, within the owner's
 * data scope, so an integration can never do more than the person it belongs to.
 */
export async function integrationPrincipal(
  runtime: IdentityDeps,
  grant: IntegrationGrant,
): Promise<Principal> {
  const owner = await userAuthz(
    runtime,
    { id: grant.owner.id, departmentId: grant.owner.departmentId },
    grant.owner.authzVersion,
  );
  const principal: Principal = {
    kind: 'api_key',
    id: grant.id,
    userId: grant.owner.id,
    username: grant.username,
    permissions: new Set(grant.permissions.filter((code) => owner.permissions.has(code))),
    sessionId: null,
    authMethod: grant.authMethod,
  };
  return attachDetails(principal, {
    scope: owner.scope,
    departmentId: grant.owner.departmentId,
    roleCodes: [],
    mfaRequired: false,
    authzVersion: grant.owner.authzVersion,
  });
}

/**
 * The principal of an inbound callback credential (webhooks module): an integration like an
 * API key, owned by a user; null when the owner is no longer active.
 */
export async function callbackPrincipal(
  ctx: AppContext,
  credential: { id: string; name: string; ownerId: string; operations: readonly string[] },
): Promise<Principal | null> {
  const runtime = identityDeps(ctx);
  const owner = await ownerStatus(ctx.db, credential.ownerId);
  if (!owner || owner.status !== 'active') return null;
  return integrationPrincipal(runtime, {
    id: credential.id,
    username: `callback:${credential.name}`,
    authMethod: 'callback_signature',
    permissions: credential.operations,
    owner: {
      id: credential.ownerId,
      departmentId: owner.department_id,
      authzVersion: Number(owner.authz_version),
    },
  });
}
