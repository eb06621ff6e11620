import type { CompiledQuery } from 'kysely';
import type { Db, DbOrTrx } from '../../../platform/db/schema.js';
import type { UserSessionsTable } from '../identity.tables.js';

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
