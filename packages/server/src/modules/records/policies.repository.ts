import { runCompiled } from '../../platform/db/compiled-once.js';
import type { Page, PageRequest } from '../../platform/db/pagination.js';
import { paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { RecordsPoliciesTable } from './records.tables.js';

/** All SQL of signature policies. A change adds a version; only one version is current. */
export type PolicyRow = RecordsPoliciesTable;

export async function insertPolicy(trx: Trx, row: PolicyRow): Promise<void> {
  await trx.insertInto('records_policies').values(row).execute();
}

export function findPolicyVersion(db: DbOrTrx, id: string): Promise<PolicyRow | undefined> {
  return db.selectFrom('records_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function currentPolicyByKey(db: DbOrTrx, key: string): Promise<PolicyRow | undefined> {
  return db
    .selectFrom('records_policies')
    .selectAll()
    .where('policy_key', '=', key)
    .where('is_current', '=', 1)
    .executeTakeFirst();
}

/** The current policy for a resource type and operation (at most one is current). */
export async function currentPolicyFor(
  db: DbOrTrx,
  resourceType: string,
  operationType: string,
): Promise<PolicyRow | undefined> {
  // Read on every signing: compiled once (platform/db/compiled-once.ts).
  const result = await runCompiled(
    db,
    'records.policy.current',
    (type, operation) =>
      db
        .selectFrom('records_policies')
        .selectAll()
        .where('resource_type', '=', type as string)
        .where('operation_type', '=', operation as string)
        .where('is_current', '=', 1),
    [resourceType, operationType],
  );
  return result.rows[0];
}

/** Takes `id` out of service if it is still current (compare-and-set); true when it was. */
export async function retireVersion(trx: Trx, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('records_policies')
    .set({ is_current: 0, updated_at: at })
    .where('id', '=', id)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function policyPage(
  db: DbOrTrx,
  filter: { resource_type?: string; include_history?: boolean },
  page: PageRequest,
): Promise<Page<PolicyRow>> {
  let query = db.selectFrom('records_policies').selectAll();
  if (!filter.include_history) query = query.where('is_current', '=', 1);
  if (filter.resource_type) query = query.where('resource_type', '=', filter.resource_type);
  return paginate(query, page, { created_at: 'created_at', policy_name: 'policy_name' });
}

export function policyVersions(db: DbOrTrx, key: string): Promise<PolicyRow[]> {
  return db
    .selectFrom('records_policies')
    .selectAll()
    .where('policy_key', '=', key)
    .orderBy('version', 'desc')
    .execute();
}
