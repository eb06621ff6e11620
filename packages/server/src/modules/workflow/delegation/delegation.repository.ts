import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { WorkflowDelegationsTable } from './delegation.tables.js';

export type DelegationRow = WorkflowDelegationsTable;

export async function insertDelegation(trx: Trx, row: DelegationRow): Promise<void> {
  await trx.insertInto('workflow_delegations').values(row).execute();
}

export function findDelegation(db: DbOrTrx, id: string): Promise<DelegationRow | undefined> {
  return db.selectFrom('workflow_delegations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Rules not revoked and not over at `now`; one person's (userId) or everybody's. */
export function currentDelegations(
  db: DbOrTrx,
  now: string,
  userId: string | null,
): Promise<DelegationRow[]> {
  let query = db
    .selectFrom('workflow_delegations')
    .selectAll()
    .where('revoked_at', 'is', null)
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .orderBy('id');
  if (userId) query = query.where('user_id', '=', userId);
  return query.execute();
}

/** The rule in force for these people at `now` (the earliest started when two were allowed to touch). */
export async function activeFor(
  db: DbOrTrx,
  userIds: string[],
  now: string,
): Promise<Map<string, DelegationRow>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('workflow_delegations')
    .selectAll()
    .where('user_id', 'in', userIds)
    .where('revoked_at', 'is', null)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .execute();
  const byUser = new Map<string, DelegationRow>();
  for (const row of rows) if (!byUser.has(row.user_id)) byUser.set(row.user_id, row);
  return byUser;
}

/**
 * Takes the absent person's lock row for the rest of the transaction (an upsert: the row is
 * created on their first rule). Concurrent rule creations for one person then check for
 * overlaps one after the other: on PostgreSQL the second upsert waits for the first
 * transaction to commit, and its overlap check (a new statement, READ COMMITTED) sees the
 * first rule; SQLite transactions hold the database write lock from this write on.
 */
export async function lockOwner(trx: Trx, userId: string): Promise<void> {
  await trx
    .insertInto('workflow_delegation_owners')
    .values({ user_id: userId, rev: 1 })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet((eb) => ({ rev: eb('workflow_delegation_owners.rev', '+', 1) })),
    )
    .execute();
}

/** Whether another live rule of the person overlaps [startsAt, endsAt). */
export async function overlaps(trx: Trx, userId: string, startsAt: string, endsAt: string): Promise<boolean> {
  const row = await trx
    .selectFrom('workflow_delegations')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('starts_at', '<', endsAt)
    .where('ends_at', '>', startsAt)
    .executeTakeFirst();
  return row !== undefined;
}

export async function revoke(trx: Trx, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('workflow_delegations')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
