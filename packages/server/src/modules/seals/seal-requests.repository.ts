import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { SealUseRequestsTable } from './seals.tables.js';

/** SQL of seal-use requests (用印审批). */
export type SealUseRequestRow = SealUseRequestsTable;

export async function insertUseRequest(trx: Trx, row: SealUseRequestRow): Promise<void> {
  await trx.insertInto('seal_use_requests').values(row).execute();
}

export async function setRequestApproval(trx: Trx, id: string, approvalId: string): Promise<void> {
  await trx.updateTable('seal_use_requests').set({ approval_id: approvalId }).where('id', '=', id).execute();
}

export async function requestByApproval(
  db: DbOrTrx,
  approvalId: string,
): Promise<SealUseRequestRow | undefined> {
  return db
    .selectFrom('seal_use_requests')
    .selectAll()
    .where('approval_id', '=', approvalId)
    .executeTakeFirst();
}
