import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { DigitalSignatureEvidenceTable } from './evidence.tables.js';

/** SQL of the stored certificate of completion and evidence file. */
export type StoredEvidenceRow = DigitalSignatureEvidenceTable;

export async function findStoredEvidence(
  db: DbOrTrx,
  requestId: string,
): Promise<StoredEvidenceRow | undefined> {
  return db
    .selectFrom('digital_signature_evidence')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

/** First writer wins (the job may run twice); answers whether this row was the one stored. */
export async function insertStoredEvidence(trx: Trx, row: StoredEvidenceRow): Promise<boolean> {
  const result = await trx
    .insertInto('digital_signature_evidence')
    .values(row)
    .onConflict((oc) => oc.column('request_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
