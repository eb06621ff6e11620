import { isUniqueViolation } from '../../../platform/db/database-errors.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { InPersonSessionsTable, InPersonStatus } from './instances.tables.js';

/** SQL of in-person (kiosk) sessions. */
export type SessionRow = InPersonSessionsTable;

/**
 * Stores a session that locks its host's login session. False when that login session already
 * holds a lock: the UNIQUE index on `locking_session_id` refused the row (a start that raced
 * past the service's check), and nothing was stored.
 */
export async function insertSession(trx: Trx, row: SessionRow): Promise<boolean> {
  try {
    await trx.insertInto('digital_signature_in_person_sessions').values(row).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function findSession(db: DbOrTrx, id: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('digital_signature_in_person_sessions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The session that still locks a host's login session (not unlocked yet), if any. */
export async function lockingSession(db: DbOrTrx, hostSessionId: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('digital_signature_in_person_sessions')
    .selectAll()
    .where('locking_session_id', '=', hostSessionId)
    .executeTakeFirst();
}

export async function moveSession(
  db: DbOrTrx,
  id: string,
  from: InPersonStatus[],
  changes: Partial<SessionRow>,
): Promise<boolean> {
  const result = await db
    .updateTable('digital_signature_in_person_sessions')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markUnlocked(trx: Trx, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('digital_signature_in_person_sessions')
    .set({ unlocked_at: at, locking_session_id: null })
    .where('id', '=', id)
    .where('unlocked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
