import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { DigitalSignaturesTable } from './signing.tables.js';

/** SQL of signatures. */
export type SignatureRow = DigitalSignaturesTable;

export async function insertSignature(trx: Trx, row: SignatureRow): Promise<void> {
  await trx.insertInto('digital_signatures').values(row).execute();
}

export async function findSignature(db: DbOrTrx, id: string): Promise<SignatureRow | undefined> {
  return db.selectFrom('digital_signatures').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSignatureByNumber(db: DbOrTrx, number: string): Promise<SignatureRow | undefined> {
  return db
    .selectFrom('digital_signatures')
    .selectAll()
    .where('signature_number', '=', number)
    .executeTakeFirst();
}

export async function signaturesOf(db: DbOrTrx, requestIds: readonly string[]): Promise<SignatureRow[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('digital_signatures')
    .selectAll()
    .where('request_id', 'in', [...requestIds])
    .orderBy('signed_at')
    .execute();
}

export async function signaturesOfEntity(
  db: DbOrTrx,
  entityType: string,
  entityId: string,
): Promise<SignatureRow[]> {
  return db
    .selectFrom('digital_signatures')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('signed_at')
    .execute();
}

export async function markRevoked(trx: Trx, id: string, at: string, reason: string | null): Promise<boolean> {
  const result = await trx
    .updateTable('digital_signatures')
    .set({ status: 'revoked', revoked_at: at, revoke_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
