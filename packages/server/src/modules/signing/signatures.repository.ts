import { insertCompiled, runCompiled } from '../../platform/db/compiled-once.js';
import type { Db, DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { DigitalSignaturesTable } from './signing.tables.js';

/** SQL of signatures. */
export type SignatureRow = DigitalSignaturesTable;

/** Inserts the signature and, for the hash lookup of public verification, the versions it produced. */
export async function insertSignature(
  trx: Trx,
  row: SignatureRow,
  produced: readonly { document_id: string; version: number; sha256: string }[],
): Promise<void> {
  // Compiled once per column list (insertCompiled); several documents' hashes in one insert.
  await insertCompiled(trx, 'digital_signatures', row);
  const hashes = produced.map((p) => ({
    signature_id: row.id,
    request_id: row.request_id,
    document_id: p.document_id,
    version: p.version,
    sha256: p.sha256,
    created_at: row.created_at,
  }));
  if (hashes.length === 1)
    await insertCompiled(trx, 'digital_signature_produced_hashes', hashes[0] as object);
  else if (hashes.length > 1)
    await trx.insertInto('digital_signature_produced_hashes').values(hashes).execute();
}

export async function findSignature(db: DbOrTrx, id: string): Promise<SignatureRow | undefined> {
  return db.selectFrom('digital_signatures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What public verification by number reads: the facts it shows, the record-hash inputs and the versions produced. */
export type VerificationRow = Pick<
  SignatureRow,
  | 'signature_number'
  | 'signer_name'
  | 'signed_at'
  | 'signature_type'
  | 'entity_type'
  | 'status'
  | 'certificate_serial'
  | 'revoked_at'
  | 'valid_until'
  | 'signature_data'
  | 'document_hash'
  | 'signature_hash'
  | 'documents'
> & { request_number: string };

/**
 * The signature with this number and its request number, for public verification (the
 * module's hottest read): one indexed statement of the columns it needs (not the
 * certificate or strokes), compiled once per dialect and reused with the new number.
 */
export async function findSignatureByNumber(db: Db, number: string): Promise<VerificationRow | undefined> {
  const result = await runCompiled(
    db,
    'signing.signatureByNumber',
    (slot) =>
      db
        .selectFrom('digital_signatures as s')
        .innerJoin('digital_signature_requests as r', 'r.id', 's.request_id')
        .select([
          's.signature_number',
          's.signer_name',
          's.signed_at',
          's.signature_type',
          's.entity_type',
          's.status',
          's.certificate_serial',
          's.revoked_at',
          's.valid_until',
          's.signature_data',
          's.document_hash',
          's.signature_hash',
          's.documents',
          'r.request_number',
        ])
        .where('s.signature_number', '=', slot),
    [number],
  );
  return result.rows[0];
}

export async function signaturesOf(db: DbOrTrx, requestIds: readonly string[]): Promise<SignatureRow[]> {
  if (requestIds.length === 0) return [];
  if (requestIds.length === 1) {
    const one = await runCompiled(
      db,
      'signing.signaturesOf',
      (slot) =>
        db
          .selectFrom('digital_signatures')
          .selectAll()
          .where('request_id', 'in', [slot])
          .orderBy('signed_at'),
      requestIds,
    );
    return one.rows;
  }
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
