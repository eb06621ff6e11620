import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { DigitalSignatureFieldsTable } from './fields.tables.js';

/** SQL of placed fields and of the party columns added with them. */
export type FieldRow = DigitalSignatureFieldsTable;

export async function insertFields(trx: Trx, rows: readonly FieldRow[]): Promise<void> {
  for (const row of rows) await trx.insertInto('digital_signature_fields').values(row).execute();
}

export async function fieldsOf(db: DbOrTrx, requestIds: readonly string[]): Promise<FieldRow[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('digital_signature_fields')
    .selectAll()
    .where('request_id', 'in', [...requestIds])
    .orderBy('position')
    .execute();
}

export async function setFieldValue(
  trx: Trx,
  id: string,
  change: { value: string; filled_by: string; filled_at: string },
): Promise<void> {
  await trx.updateTable('digital_signature_fields').set(change).where('id', '=', id).execute();
}

/** An assistant's link to the signer it fills for (ids are known only once all rows exist). */
export async function setAssists(trx: Trx, assistantId: string, signerId: string): Promise<void> {
  await trx
    .updateTable('digital_signature_signers')
    .set({ assists_signer_id: signerId })
    .where('id', '=', assistantId)
    .execute();
}

/** Kills the links of a group's other members once one signed (any-of-N); returns who was closed. */
export async function closeGroup(
  trx: Trx,
  requestId: string,
  group: string,
  winnerId: string,
  at: string,
): Promise<string[]> {
  const open = await trx
    .selectFrom('digital_signature_signers')
    .select('id')
    .where('request_id', '=', requestId)
    .where('signing_group', '=', group)
    .where('id', '!=', winnerId)
    .where('status', 'in', ['pending', 'sent', 'viewed'])
    .execute();
  if (open.length === 0) return [];
  await trx
    .updateTable('digital_signature_signers')
    .set({ status: 'cancelled', token_hash: null, token_expires_at: null, updated_at: at })
    .where(
      'id',
      'in',
      open.map((o) => o.id),
    )
    .execute();
  return open.map((o) => o.id);
}
