import type { CompiledQuery } from 'kysely';
import { type Page, type PageQuery, paginate } from '../../../platform/db/pagination.js';
import type { Db, DbOrTrx } from '../../../platform/db/schema.js';
import type { ApiKeysTable } from '../identity.tables.js';
import type { DataScope } from '../roles/data-scope.js';
import { applyDataScope } from '../roles/data-scope.repository.js';

/** A stored key without its hash: what may leave the server. */
export type VisibleKeyRow = Omit<ApiKeysTable, 'key_hash'>;

/** What authenticating a key needs: the key, its owner's status and the authorization version. */
export interface KeyStatus {
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

const ownerScope = { owner: 'k.owner_user_id', department: 'users.department_id' };

/** The visible columns of keys joined to their owner (the join is what data scopes filter on). */
function selectKeys(db: DbOrTrx, scope: DataScope) {
  const query = db
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
  return applyDataScope(query, scope, ownerScope);
}

export function listKeys(db: DbOrTrx, scope: DataScope, query: PageQuery): Promise<Page<VisibleKeyRow>> {
  return paginate(selectKeys(db, scope), query, { created_at: 'k.created_at', name: 'k.name' }, 'k.id');
}

/** The key, when `scope` shows it (a key outside the scope is simply absent). */
export function findKeyInScope(
  db: DbOrTrx,
  scope: DataScope,
  id: string,
): Promise<VisibleKeyRow | undefined> {
  return selectKeys(db, scope).where('k.id', '=', id).executeTakeFirst();
}

export async function insertKey(db: DbOrTrx, row: ApiKeysTable): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

export async function markKeyRevoked(db: DbOrTrx, id: string, now: string): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
}

export async function markKeyUsed(db: DbOrTrx, id: string, now: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
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
 * The key with this hash and its owner's status, read on every API-key request: the query is
 * compiled once per database and only its hash parameter swapped, to keep the hot path short.
 */
export async function keyStatusByHash(db: Db, hash: string): Promise<KeyStatus | undefined> {
  if (compiled?.db !== db) compiled = { db, query: keyQuery(db, sentinel).compile() };
  const parameters = compiled.query.parameters.map((p) => (p === sentinel ? hash : p));
  return (await db.executeQuery<KeyStatus>({ ...compiled.query, parameters })).rows[0];
}

/**
 * Revokes every active key a user owns (when the user is disabled or an administrator
 * resets their password); returns the revoked keys, for the audit trail.
 */
export async function revokeKeysOwnedBy(
  db: DbOrTrx,
  userId: string,
  now: string,
): Promise<{ id: string; name: string }[]> {
  const keys = await db
    .selectFrom('api_keys')
    .select(['id', 'name'])
    .where('owner_user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  if (keys.length > 0)
    await db
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where(
        'id',
        'in',
        keys.map((k) => k.id),
      )
      .execute();
  return keys;
}

/** An integration owner's status, department and the authorization version (inbound callbacks). */
export function ownerStatus(
  db: DbOrTrx,
  userId: string,
): Promise<{ status: string; department_id: string | null; authz_version: number } | undefined> {
  return db
    .selectFrom('users as u')
    .select(['u.status', 'u.department_id'])
    .select((eb) =>
      eb.selectFrom('identity_state').select('authz_version').where('id', '=', 1).as('authz_version'),
    )
    .where('u.id', '=', userId)
    .executeTakeFirst() as Promise<
    { status: string; department_id: string | null; authz_version: number } | undefined
  >;
}
