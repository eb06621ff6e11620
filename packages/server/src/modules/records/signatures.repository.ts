import { runCompiled } from '../../platform/db/compiled-once.js';
import type { Page, PageRequest } from '../../platform/db/pagination.js';
import { paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { definedColumns, slotted } from './ceremony.repository.js';
import type { RecordsSignaturesTable } from './records.tables.js';

/** All SQL of signature records. */
export type SignatureRow = RecordsSignaturesTable;

export async function insertSignature(trx: Trx, row: SignatureRow): Promise<void> {
  const [columns, values] = definedColumns(row);
  await runCompiled(
    trx,
    `records.signature.insert:${columns}`,
    (...slots) => trx.insertInto('records_signatures').values(slotted<SignatureRow>(columns, slots)),
    values,
  );
}

export function findSignature(db: DbOrTrx, id: string): Promise<SignatureRow | undefined> {
  return db.selectFrom('records_signatures').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Moves the verification status from `from` to `to`; false when another request already
 * moved it (so exactly one status change, and one audit event, is recorded per change).
 */
export async function changeVerificationStatus(
  db: DbOrTrx,
  id: string,
  change: { from: string; to: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('records_signatures')
    .set({ verification_status: change.to, updated_at: change.at })
    .where('id', '=', id)
    .where('verification_status', '=', change.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The user's latest signature on a resource and operation (cooling period). */
export function latestSignature(
  db: DbOrTrx,
  input: { userId: string; resourceType: string; resourceId: string; operationType: string },
): Promise<Pick<SignatureRow, 'timestamp'> | undefined> {
  return db
    .selectFrom('records_signatures')
    .select('timestamp')
    .where('user_id', '=', input.userId)
    .where('resource_type', '=', input.resourceType)
    .where('resource_id', '=', input.resourceId)
    .where('operation_type', '=', input.operationType)
    .orderBy('timestamp', 'desc')
    .executeTakeFirst();
}

export interface HistoryFilter {
  userId?: string;
  resourceId?: string;
  resourceType?: string;
  from?: string;
  to?: string;
}

export function signaturePage(
  db: DbOrTrx,
  filter: HistoryFilter,
  page: PageRequest,
): Promise<Page<SignatureRow>> {
  let query = db.selectFrom('records_signatures').selectAll();
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  if (filter.resourceId) query = query.where('resource_id', '=', filter.resourceId);
  if (filter.resourceType) query = query.where('resource_type', '=', filter.resourceType);
  if (filter.from) query = query.where('timestamp', '>=', filter.from);
  if (filter.to) query = query.where('timestamp', '<', filter.to);
  return paginate(query, page, { created_at: 'created_at', timestamp: 'timestamp' });
}
