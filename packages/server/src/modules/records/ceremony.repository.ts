import { sql } from 'kysely';
import { runCompiled } from '../../platform/db/compiled-once.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type {
  RecordsAlertsTable,
  RecordsAuthLogTable,
  RecordsSigningSessionsTable,
} from './records.tables.js';

/** All SQL of the ceremony: signing sessions, the authentication log, alert claims. */
export type SessionRow = RecordsSigningSessionsTable;
export type AuthLogRow = RecordsAuthLogTable;

// The ceremony's inserts are compiled once per set of columns (platform/db/compiled-once.ts).
export async function insertSession(trx: DbOrTrx, row: SessionRow): Promise<void> {
  const [columns, values] = definedColumns(row);
  await runCompiled(
    trx,
    `records.session.insert:${columns}`,
    (...slots) => trx.insertInto('records_signing_sessions').values(slotted<SessionRow>(columns, slots)),
    values,
  );
}

/** The row's columns with a value (Kysely leaves out undefined ones) and their values. */
export function definedColumns(row: object): [string[], unknown[]] {
  const entries = Object.entries(row).filter(([, v]) => v !== undefined);
  return [entries.map(([c]) => c), entries.map(([, v]) => v)];
}

/** A row of placeholders (`runCompiled`'s slots) in the given columns. */
export const slotted = <T>(columns: string[], slots: string[]): T =>
  Object.fromEntries(columns.map((c, i) => [c, slots[i]])) as T;

export function findSession(db: DbOrTrx, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('records_signing_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Counts a signature in a live session (compare-and-set on the count read). */
export async function useSession(
  trx: Trx,
  id: string,
  input: { seen: number; at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('records_signing_sessions')
    .set({ signatures: input.seen + 1, last_used_at: input.at })
    .where('id', '=', id)
    .where('signatures', '=', input.seen)
    .where('terminated_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function terminateSession(
  db: DbOrTrx,
  id: string,
  input: { at: string; reason: string },
): Promise<boolean> {
  const result = await db
    .updateTable('records_signing_sessions')
    .set({ terminated_at: input.at, terminated_reason: input.reason })
    .where('id', '=', id)
    .where('terminated_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAuthLog(db: DbOrTrx, row: AuthLogRow): Promise<void> {
  const [columns, values] = definedColumns(row);
  await runCompiled(
    db,
    `records.auth-log.insert:${columns}`,
    (...slots) => db.insertInto('records_auth_log').values(slotted<AuthLogRow>(columns, slots)),
    values,
  );
}

/** Failed ceremonies of a user since `since` (the brute-force window). */
export async function failuresSince(db: DbOrTrx, userId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('records_auth_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('authentication_result', '=', 'failure')
    .where('attempt_time', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function authLogOf(db: DbOrTrx, filter: { userId?: string; signatureId?: string }) {
  let query = db.selectFrom('records_auth_log').selectAll();
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  if (filter.signatureId) query = query.where('signature_id', '=', filter.signatureId);
  return query.orderBy('attempt_time', 'desc').limit(200).execute();
}

/** Claims one alert per user, kind and window; false when it was raised already. */
export async function claimAlert(trx: Trx, row: RecordsAlertsTable): Promise<boolean> {
  const result = await trx
    .insertInto('records_alerts')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'window_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * The user's latest `limit` successful ceremonies, for behaviour analysis, counted by client
 * IP and UTC hour (`attempt_time` is ISO 8601 UTC text: characters 12–13 are the hour), so
 * a few rows come back instead of every ceremony.
 */
export function recentSuccessesQuery(db: DbOrTrx, userId: string, limit: number) {
  const hour = sql<string>`substr(${sql.ref('recent.attempt_time')}, 12, 2)`;
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('records_auth_log')
        .select(['ip_address', 'attempt_time'])
        .where('user_id', '=', userId)
        // A literal, not a parameter: SQLite uses a partial index only for a WHERE that
        // implies the index's own (records_auth_log_success_idx: index-only, 200 entries).
        .where(sql<boolean>`authentication_result = 'success'`)
        .orderBy('attempt_time', 'desc')
        .limit(limit)
        .as('recent'),
    )
    .select((eb) => ['recent.ip_address', hour.as('hour'), eb.fn.countAll<number>().as('n')])
    .groupBy(['recent.ip_address', hour]);
}

export function recentSuccesses(
  db: DbOrTrx,
  userId: string,
  limit: number,
): Promise<{ ip_address: string; hour: string; n: number | string }[]> {
  return recentSuccessesQuery(db, userId, limit).execute();
}

/**
 * Whether the user's latest `limit` successful ceremonies include one from exactly `ip` and
 * one at one of `hours` (two-digit UTC hours). Each EXISTS stops at its first match in the
 * partial index (newest first), so a signer at their usual address and hour costs a few index
 * entries instead of grouping all `limit` of them (`recentSuccesses`).
 */
export async function usualSuccess(
  db: DbOrTrx,
  userId: string,
  limit: number,
  ip: string,
  hours: string[],
): Promise<{ sameIp: boolean; nearHour: boolean }> {
  // The limit as a literal (an integer constant): SQLite then reads the co-routine lazily and
  // stops at the first match; bound as a parameter the same query ran about 6x slower.
  if (!Number.isSafeInteger(limit)) throw new Error('limit must be an integer');
  const recent = (column: 'ip_address' | 'attempt_time') => sql`(select ${sql.ref(column)}
    from records_auth_log where user_id = ${userId} and authentication_result = 'success'
    order by attempt_time desc limit ${sql.lit(limit)})`;
  const { rows } = await sql<{ same_ip: number | boolean; near_hour: number | boolean }>`select
    exists(select 1 from ${recent('ip_address')} as r where r.ip_address = ${ip}) as same_ip,
    exists(select 1 from ${recent('attempt_time')} as r
      where substr(r.attempt_time, 12, 2) in (${sql.join(hours)})) as near_hour`.execute(db);
  return { sameIp: Boolean(rows[0]?.same_ip), nearHour: Boolean(rows[0]?.near_hour) };
}
