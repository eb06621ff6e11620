import type { CompiledQuery } from 'kysely';
import { type PageQuery, paginate } from '../../../platform/db/pagination.js';
import type { Db, DbOrTrx } from '../../../platform/db/schema.js';
import type { UserSessionsTable } from '../identity.tables.js';
import type { DataScope } from '../roles/data-scope.js';
import { applyDataScope } from '../roles/data-scope.repository.js';

/** The row the authenticator reads on every request: one primary-key lookup, joined to the user. */
export interface SessionStatus {
  user_id: string;
  username: string;
  status: string;
  department_id: string | null;
  must_change_password: number;
  auth_method: string;
  mfa_verified_at: string | null;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  authz_version: number;
}

const sentinel = '00000000-0000-0000-0000-000000000000';
let compiled: { dialectKey: Db; query: CompiledQuery } | null = null;

function statusQuery(db: Db, sessionId: string) {
  return db
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.user_id',
      'u.username',
      'u.status',
      'u.department_id',
      'u.must_change_password',
      's.auth_method',
      's.mfa_verified_at',
      's.expires_at',
      's.last_seen_at',
      's.revoked_at',
    ])
    .select((eb) =>
      eb.selectFrom('identity_state').select('authz_version').where('id', '=', 1).as('authz_version'),
    )
    .where('s.id', '=', sessionId);
}

/**
 * Reads a session's status. The SQL is compiled once per database handle and reused with
 * new parameters: building and compiling a Kysely query costs more than the point read.
 */
export async function readSessionStatus(db: Db, sessionId: string): Promise<SessionStatus | undefined> {
  if (compiled?.dialectKey !== db) compiled = { dialectKey: db, query: statusQuery(db, sentinel).compile() };
  const parameters = compiled.query.parameters.map((p) => (p === sentinel ? sessionId : p));
  const result = await db.executeQuery<SessionStatus>({ ...compiled.query, parameters });
  const row = result.rows[0];
  return row ? { ...row, authz_version: Number(row.authz_version) } : undefined;
}

export async function insertSession(db: DbOrTrx, row: UserSessionsTable): Promise<void> {
  await db.insertInto('user_sessions').values(row).execute();
}

export async function activeSessions(db: DbOrTrx, userId: string, now: string) {
  return db
    .selectFrom('user_sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'asc')
    .execute();
}

/** Revokes sessions (a whole refresh-token family each); returns how many were still active. */
export async function revokeSessions(
  db: DbOrTrx,
  ids: string[],
  now: string,
  reason: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('user_sessions')
    .set({ revoked_at: now, revoke_reason: reason })
    .where('id', 'in', ids)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function revokeUserSessions(db: DbOrTrx, userId: string, now: string, reason: string) {
  const result = await db
    .updateTable('user_sessions')
    .set({ revoked_at: now, revoke_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function touchSession(db: DbOrTrx, sessionId: string, now: string): Promise<void> {
  await db.updateTable('user_sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function findSession(db: DbOrTrx, sessionId: string) {
  return db.selectFrom('user_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
}

/** The first signature of a session happened (later ones need fewer factors, §11.200). */
export async function markSessionSigned(db: DbOrTrx, sessionId: string, now: string): Promise<void> {
  await db.updateTable('user_sessions').set({ signed_at: now }).where('id', '=', sessionId).execute();
}

/** The session proved a second factor (sign-in challenge, or binding one during enrolment). */
export async function markSessionMfaVerified(db: DbOrTrx, sessionId: string, now: string): Promise<void> {
  await db.updateTable('user_sessions').set({ mfa_verified_at: now }).where('id', '=', sessionId).execute();
}

/** Every other active session of the user ends (the user changed the password in `keep`). */
export async function revokeOtherSessions(
  db: DbOrTrx,
  userId: string,
  keep: string | null,
  now: string,
  reason: string,
): Promise<number> {
  const others = await db
    .selectFrom('user_sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  const ids = others.map((s) => s.id).filter((id) => id !== keep);
  if (ids.length > 0)
    await db
      .updateTable('user_sessions')
      .set({ revoked_at: now, revoke_reason: reason })
      .where('id', 'in', ids)
      .execute();
  return ids.length;
}

export async function insertRefreshToken(
  db: DbOrTrx,
  row: { id: string; session_id: string; token_hash: string; created_at: string; expires_at: string },
): Promise<void> {
  await db
    .insertInto('refresh_tokens')
    .values({ ...row, used_at: null })
    .execute();
}

export function findRefreshToken(db: DbOrTrx, hash: string) {
  return db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

/** Marks a refresh token used; false when it already was (a replay, or a racing request). */
export async function claimRefreshToken(db: DbOrTrx, id: string, now: string): Promise<boolean> {
  const claimed = await db
    .updateTable('refresh_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) > 0;
}

const userScope = { owner: 'users.id', department: 'users.department_id' };

/** A page of active sessions seen since `seenSince`, with their users, within `scope`. */
export function pageOfOnlineSessions(
  db: DbOrTrx,
  scope: DataScope,
  filter: PageQuery & { user_id?: string | undefined },
  at: { now: string; seenSince: string },
) {
  let query = applyDataScope(
    db
      .selectFrom('user_sessions as s')
      .innerJoin('users', 'users.id', 's.user_id')
      .select([
        's.id',
        's.user_id',
        'users.username',
        'users.full_name',
        's.auth_method',
        's.ip',
        's.user_agent',
        's.created_at',
        's.last_seen_at',
        's.expires_at',
      ])
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', at.now)
      .where('s.last_seen_at', '>', at.seenSince),
    scope,
    userScope,
  );
  if (filter.user_id) query = query.where('s.user_id', '=', filter.user_id);
  return paginate(query, filter, { last_seen_at: 's.last_seen_at', created_at: 's.created_at' }, 's.id');
}

/** An unrevoked session with its user's name and department, when `scope` shows the user. */
export function activeSessionInScope(db: DbOrTrx, scope: DataScope, id: string) {
  return applyDataScope(
    db
      .selectFrom('user_sessions as s')
      .innerJoin('users', 'users.id', 's.user_id')
      .select(['s.id', 's.user_id', 'users.username', 'users.department_id'])
      .where('s.id', '=', id)
      .where('s.revoked_at', 'is', null),
    scope,
    userScope,
  ).executeTakeFirst();
}
