import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type {
  AccessFactor,
  DigitalSignatureRequestAccessTable,
  DigitalSignatureSignerAccessTable,
} from './access.tables.js';

/** SQL of the second factor: a request's setting and each signer's code/attempt state. */
export type RequestAccessRow = DigitalSignatureRequestAccessTable;
export type SignerAccessRow = DigitalSignatureSignerAccessTable;

export async function findRequestAccess(
  db: DbOrTrx,
  requestId: string,
): Promise<RequestAccessRow | undefined> {
  return db
    .selectFrom('digital_signature_request_access')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export async function upsertRequestAccess(
  trx: Trx,
  row: { request_id: string; factor: AccessFactor; access_code_hash: string | null; updated_at: string },
): Promise<void> {
  await trx
    .insertInto('digital_signature_request_access')
    .values(row)
    .onConflict((oc) =>
      oc.column('request_id').doUpdateSet({
        factor: row.factor,
        access_code_hash: row.access_code_hash,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function findSignerAccess(db: DbOrTrx, signerId: string): Promise<SignerAccessRow | undefined> {
  return db
    .selectFrom('digital_signature_signer_access')
    .selectAll()
    .where('signer_id', '=', signerId)
    .executeTakeFirst();
}

/** The signer's state row, created empty on first use (race-safe: insert or nothing). */
export async function ensureSignerAccess(trx: Trx, signerId: string, at: string): Promise<SignerAccessRow> {
  await trx
    .insertInto('digital_signature_signer_access')
    .values({ signer_id: signerId, failed_attempts: 0, updated_at: at })
    .onConflict((oc) => oc.column('signer_id').doNothing())
    .execute();
  const row = await findSignerAccess(trx, signerId);
  if (!row) throw new Error('signer access row vanished');
  return row;
}

export async function updateSignerAccess(
  trx: Trx,
  signerId: string,
  changes: Partial<Omit<SignerAccessRow, 'signer_id'>>,
): Promise<void> {
  await trx
    .updateTable('digital_signature_signer_access')
    .set(changes)
    .where('signer_id', '=', signerId)
    .execute();
}

/**
 * Counts a guess BEFORE it is compared (atomic increment), so concurrent guesses can never
 * together exceed the attempt limit; answers the count including this guess.
 */
export async function countAttempt(trx: Trx, signerId: string, at: string): Promise<number> {
  await trx
    .updateTable('digital_signature_signer_access')
    .set({ failed_attempts: sql`failed_attempts + 1`, updated_at: at })
    .where('signer_id', '=', signerId)
    .execute();
  return (await findSignerAccess(trx, signerId))?.failed_attempts ?? Number.POSITIVE_INFINITY;
}
