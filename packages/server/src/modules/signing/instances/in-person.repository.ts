import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { InPersonSessionsTable, InPersonStatus } from './instances.tables.js';

/** SQL of in-person (kiosk) sessions. */
export type SessionRow = InPersonSessionsTable;

export async function insertSession(trx: Trx, row: SessionRow): Promise<void> {
  await trx.insertInto('digital_signature_in_person_sessions').values(row).execute();
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
    .where('host_session_id', '=', hostSessionId)
    .where('unlocked_at', 'is', null)
    .orderBy('started_at', 'desc')
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
    .set({ unlocked_at: at })
    .where('id', '=', id)
    .where('unlocked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
