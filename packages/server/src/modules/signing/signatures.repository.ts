import type { CompiledQuery } from 'kysely';
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

/**
 * A signature by its public number with its request's number, in one query: the public
 * verify endpoint is the hottest read of the module (target 5,000 req/s) and made three
 * queries per call (signature, request, revocation status); now two.
 */
/** What public verification by number reads: the facts it shows and the record-hash inputs. */
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
> & { request_number: string };

const sentinel = '\u0000signature-number';
let compiled: { db: Db; query: CompiledQuery<VerificationRow> } | null = null;

function verificationQuery(db: Db, number: string) {
  return db
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
      'r.request_number',
    ])
    .where('s.signature_number', '=', number);
}

/**
 * The signature with this number and its request number, for public verification: one
 * indexed read of the columns it needs (not the certificate, strokes or documents). The SQL
 * is compiled once per database handle and reused with the new number, as building and
 * compiling a Kysely query cost more than the read itself.
 */
export async function findSignatureByNumber(db: Db, number: string): Promise<VerificationRow | undefined> {
  if (compiled?.db !== db) compiled = { db, query: verificationQuery(db, sentinel).compile() };
  const parameters = compiled.query.parameters.map((p) => (p === sentinel ? number : p));
  const result = await db.executeQuery<VerificationRow>({ ...compiled.query, parameters });
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
