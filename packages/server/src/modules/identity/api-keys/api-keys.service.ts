import type { Static } from '@sinclair/typebox';
import type { Clock } from '../../../platform/db/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { encodeJson } from '../../../platform/db/json-codec.js';
import type { PageQuery } from '../../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { notFound } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { IdentityDeps } from '../identity.deps.js';
import { assertMayCreateKey, assertMayRevokeKey } from '../identity.policy.js';
import type { ApiKeysTable } from '../identity.tables.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { newSecret, sha256Hex } from '../shared/secrets.service.js';
import { findUserById } from '../users/users.repository.js';
import {
  findKeyInScope,
  insertKey,
  listKeys,
  markKeyRevoked,
  type VisibleKeyRow,
} from './api-keys.repository.js';
import type { createKeyBody } from './api-keys.schemas.js';

/** The keys the caller's data scope shows. */
export function listVisibleKeys(db: DbOrTrx, principal: Principal, query: PageQuery) {
  return listKeys(db, dataScopeOf(principal), query);
}

/**
 * Creates a key for the signed-in user, limited to permissions the user holds. Returns the
 * stored row without its hash, and the key itself, which is never stored nor shown again.
 */
export async function createKey(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  principal: Principal,
  input: Static<typeof createKeyBody>,
): Promise<{ row: VisibleKeyRow; key: string }> {
  const ownerId = assertMayCreateKey(principal, input.permissions);
  const key = newSecret('sxk_');
  const now = clock.now();
  const row: ApiKeysTable = {
    id: newId(),
    name: input.name,
    prefix: key.slice(0, 12),
    key_hash: sha256Hex(key),
    owner_user_id: ownerId,
    permissions: encodeJson([...input.permissions].sort()),
    created_at: now.toISOString(),
    expires_at: input.expires_in_days
      ? new Date(now.getTime() + input.expires_in_days * 86_400_000).toISOString()
      : null,
    last_used_at: null,
    revoked_at: null,
  };
  await insertKey(trx, row);
  await recordIdentity(trx, actor, {
    action: identityEvents['api_key.created'],
    entityType: 'api_key',
    entityId: row.id,
    after: { name: row.name, prefix: row.prefix, permissions: input.permissions, expires_at: row.expires_at },
  });
  const { key_hash: _hash, ...visible } = row;
  return { row: visible, key };
}

/**
 * Revokes a key the caller's scope shows (404 otherwise); another user's key only when the
 * caller may administer its owner. Revoking a revoked key changes nothing.
 */
export async function revokeKey(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  id: string,
): Promise<VisibleKeyRow> {
  const found = await findKeyInScope(trx, dataScopeOf(principal), id);
  if (!found) throw notFound('API key');
  const owner =
    found.owner_user_id === principal.userId ? undefined : await findUserById(trx, found.owner_user_id);
  await assertMayRevokeKey(trx, runtime, principal, owner);
  if (found.revoked_at) return found;
  const now = runtime.ctx.clock.now().toISOString();
  await markKeyRevoked(trx, found.id, now);
  await recordIdentity(trx, actor, {
    action: identityEvents['api_key.revoked'],
    entityType: 'api_key',
    entityId: found.id,
    details: { name: found.name },
  });
  return { ...found, revoked_at: now };
}
