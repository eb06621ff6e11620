import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { AuditArchivesTable } from '../audit.tables.js';

/** Archives of old events in storage, and the move of events out of the database. */
export async function listArchives(db: DbOrTrx, chain: string) {
  const rows = await db
    .selectFrom('audit_archives')
    .selectAll()
    .where('chain', '=', chain)
    .orderBy('from_seq')
    .execute();
  return rows.map((row) => ({ ...row, from_seq: Number(row.from_seq), to_seq: Number(row.to_seq) }));
}

export async function insertArchive(db: DbOrTrx, archive: AuditArchivesTable): Promise<void> {
  await db.insertInto('audit_archives').values(archive).execute();
}

/** Deletes the archived events `fromSeq .. toSeq` (the database refuses a range not archived). */
export async function deleteArchivedEvents(
  db: DbOrTrx,
  chain: string,
  range: { fromSeq: number; toSeq: number },
): Promise<void> {
  await db
    .deleteFrom('audit_events')
    .where('chain', '=', chain)
    .where('seq', '>=', range.fromSeq)
    .where('seq', '<=', range.toSeq)
    .execute();
}
