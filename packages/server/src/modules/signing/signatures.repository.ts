import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { DigitalSignaturesTable } from './signing.tables.js';

/** SQL of signatures. */
export type SignatureRow = DigitalSignaturesTable;

/** Inserts the signature and, for the hash lookup of public verification, the versions it produced. */
export async function insertSignature(
  trx: Trx,
  row: SignatureRow,
  produced: readonly { document_id: string; version: number; sha256: string }[],
): Promise<void> {
  await trx.insertInto('digital_signatures').values(row).execute();
  if (produced.length === 0) return;
  await trx
    .insertInto('digital_signature_produced_hashes')
    .values(
      produced.map((p) => ({
        signature_id: row.id,
        request_id: row.request_id,
        document_id: p.document_id,
        version: p.version,
        sha256: p.sha256,
        created_at: row.created_at,
      })),
    )
    .execute();
}

export async function findSignature(db: DbOrTrx, id: string): Promise<SignatureRow | undefined> {
  return db.selectFrom('digital_signatures').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A signature by its public number with its request's number, in one query: the public
 * verify endpoint is the hottest read of the module (target 5,000 req/s) and made three
 * queries per call (signature, request, revocation status); now two.
 */
export async function findSignatureByNumber(
  db: DbOrTrx,
  number: string,
): Promise<(SignatureRow & { request_number: string }) | undefined> {
  return db
    .selectFrom('digital_signatures as s')
    .innerJoin('digital_signature_requests as r', 'r.id', 's.request_id')
    .selectAll('s')
    .select('r.request_number')
    .where('s.signature_number', '=', number)
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
