import { insertCompiled, runCompiled } from '../../../platform/db/compiled-once.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type {
  InstanceStatus,
  TaskStatus,
  TokenStatus,
  WorkflowInstancesTable,
  WorkflowRecordsTable,
  WorkflowTasksTable,
  WorkflowTokensTable,
} from '../workflow.tables.js';

/** All SQL of running approvals: instances, tokens, tasks and the approval record. */
export type InstanceRow = WorkflowInstancesTable;
export type TokenRow = WorkflowTokensTable;
export type TaskRow = WorkflowTasksTable;
export type RecordRow = WorkflowRecordsTable;

const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows);
const updated = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0);

/** `changes` without undefined values: the columns to set, and their values in that order. */
function columnsOf(changes: object): { columns: string[]; values: unknown[] } {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  return { columns: entries.map(([column]) => column), values: entries.map(([, value]) => value) };
}

/** A `set` object binding each column to its slot (runCompiled's placeholders). */
const setOf = (columns: string[], slots: string[]) =>
  Object.fromEntries(columns.map((column, i) => [column, slots[i]])) as never;

// The statements of every start and action are compiled once per handle (platform/db/compiled-once.ts).
export async function insertInstance(trx: Trx, row: InstanceRow): Promise<void> {
  await insertCompiled(trx, 'workflow_instances', row);
}

export async function findInstance(db: DbOrTrx, id: string): Promise<InstanceRow | undefined> {
  const query = (idSlot: string) => db.selectFrom('workflow_instances').selectAll().where('id', '=', idSlot);
  return (await runCompiled(db, 'workflow findInstance', query, [id])).rows[0];
}

/** Compare-and-set on the instance status; true when this call moved it. */
export async function moveInstance(
  trx: Trx,
  id: string,
  from: InstanceStatus[],
  changes: Partial<Omit<InstanceRow, 'id'>>,
): Promise<boolean> {
  const { columns, values } = columnsOf(changes);
  const query = (...slots: string[]) =>
    trx
      .updateTable('workflow_instances')
      .set(setOf(columns, slots))
      .where('id', '=', slots[columns.length] as string)
      .where('status', 'in', slots.slice(columns.length + 1) as InstanceStatus[]);
  const key = `workflow moveInstance ${columns.join(',')} from ${from.length}`;
  return updated(await runCompiled(trx, key, query, [...values, id, ...from])) === 1;
}

/** Sets last_urged_at only when the last urge is older than `before` (the rate limit, race-safe). */
export async function markUrged(trx: Trx, id: string, at: string, before: string): Promise<boolean> {
  const result = await trx
    .updateTable('workflow_instances')
    .set({ last_urged_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_urged_at', 'is', null), eb('last_urged_at', '<', before)]))
    .executeTakeFirst();
  return changed(result) === 1;
}

export async function insertToken(trx: Trx, row: TokenRow): Promise<void> {
  await insertCompiled(trx, 'workflow_tokens', row);
}

export async function findToken(db: DbOrTrx, id: string): Promise<TokenRow | undefined> {
  const query = (idSlot: string) => db.selectFrom('workflow_tokens').selectAll().where('id', '=', idSlot);
  return (await runCompiled(db, 'workflow findToken', query, [id])).rows[0];
}

export async function tokensOf(db: DbOrTrx, instanceId: string): Promise<TokenRow[]> {
  return db
    .selectFrom('workflow_tokens')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('id')
    .execute();
}

export async function updateToken(
  trx: Trx,
  id: string,
  changes: Partial<Omit<TokenRow, 'id'>>,
): Promise<void> {
  const { columns, values } = columnsOf(changes);
  const query = (...slots: string[]) =>
    trx
      .updateTable('workflow_tokens')
      .set(setOf(columns, slots))
      .where('id', '=', slots[columns.length] as string);
  await runCompiled(trx, `workflow updateToken ${columns.join(',')}`, query, [...values, id]);
}

/**
 * Takes the token for a decision at `nodeId`: bumps `rev` only while the token is active
 * there. On PostgreSQL the update holds the row lock until commit, so decisions on one node
 * run one after the other and each sees the tasks the one before decided; false means the
 * node was left already (another decision was first).
 */
export async function lockTokenAt(trx: Trx, id: string, nodeId: string): Promise<boolean> {
  const query = (idSlot: string, nodeSlot: string) =>
    trx
      .updateTable('workflow_tokens')
      .set((eb) => ({ rev: eb('rev', '+', 1) }))
      .where('id', '=', idSlot)
      .where('node_id', '=', nodeSlot)
      .where('status', '=', 'active');
  return updated(await runCompiled(trx, 'workflow lockTokenAt', query, [id, nodeId])) === 1;
}

/** One more branch arrived at a parallel join; answers how many have arrived (the row lock serializes). */
export async function arriveAtJoin(trx: Trx, parentId: string): Promise<number> {
  await trx
    .updateTable('workflow_tokens')
    .set((eb) => ({ arrived: eb('arrived', '+', 1) }))
    .where('id', '=', parentId)
    .execute();
  const row = await trx
    .selectFrom('workflow_tokens')
    .select('arrived')
    .where('id', '=', parentId)
    .executeTakeFirstOrThrow();
  return Number(row.arrived);
}

export async function setTokensStatus(
  trx: Trx,
  ids: string[],
  status: TokenStatus,
  at: string,
): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('workflow_tokens').set({ status, updated_at: at }).where('id', 'in', ids).execute();
}

/** Closes every live (active or waiting) token of an instance: one guarded UPDATE, no read first. */
export async function closeLiveTokens(
  trx: Trx,
  instanceId: string,
  status: TokenStatus,
  at: string,
): Promise<void> {
  const query = (statusSlot: string, atSlot: string, instanceSlot: string) =>
    trx
      .updateTable('workflow_tokens')
      .set({ status: statusSlot as TokenStatus, updated_at: atSlot })
      .where('instance_id', '=', instanceSlot)
      .where('status', 'in', ['active', 'waiting']);
  await runCompiled(trx, 'workflow closeLiveTokens', query, [status, at, instanceId]);
}

export async function insertTasks(trx: Trx, rows: TaskRow[]): Promise<void> {
  if (rows.length === 1) await insertCompiled(trx, 'workflow_tasks', rows[0] as TaskRow);
  else if (rows.length > 1) await trx.insertInto('workflow_tasks').values(rows).execute();
}

export async function findTask(db: DbOrTrx, id: string): Promise<TaskRow | undefined> {
  const query = (idSlot: string) => db.selectFrom('workflow_tasks').selectAll().where('id', '=', idSlot);
  return (await runCompiled(db, 'workflow findTask', query, [id])).rows[0];
}

export async function tasksOf(db: DbOrTrx, instanceId: string): Promise<TaskRow[]> {
  const query = (instanceIdSlot: string) =>
    db.selectFrom('workflow_tasks').selectAll().where('instance_id', '=', instanceIdSlot).orderBy('id');
  return (await runCompiled(db, 'workflow tasksOf', query, [instanceId])).rows;
}

export async function tasksAt(db: DbOrTrx, tokenId: string, nodeId: string): Promise<TaskRow[]> {
  const query = (tokenIdSlot: string, nodeIdSlot: string) =>
    db
      .selectFrom('workflow_tasks')
      .selectAll()
      .where('token_id', '=', tokenIdSlot)
      .where('node_id', '=', nodeIdSlot)
      .orderBy('seq')
      .orderBy('id');
  return (await runCompiled(db, 'workflow tasksAt', query, [tokenId, nodeId])).rows;
}

/** Compare-and-set on a task's status: of two decisions on one task exactly one changes it. */
export async function decideTask(
  trx: Trx,
  id: string,
  from: TaskStatus[],
  changes: Partial<Omit<TaskRow, 'id'>>,
): Promise<boolean> {
  const { columns, values } = columnsOf(changes);
  const query = (...slots: string[]) =>
    trx
      .updateTable('workflow_tasks')
      .set(setOf(columns, slots))
      .where('id', '=', slots[columns.length] as string)
      .where('status', 'in', slots.slice(columns.length + 1) as TaskStatus[]);
  const key = `workflow decideTask ${columns.join(',')} from ${from.length}`;
  return updated(await runCompiled(trx, key, query, [...values, id, ...from])) === 1;
}

/** Cancels the open tasks of the given tokens (or of the whole instance). */
export async function cancelOpenTasks(
  trx: Trx,
  instanceId: string,
  tokenIds: string[] | null,
  at: string,
): Promise<void> {
  if (tokenIds?.length === 0) return;
  const tokens = tokenIds ?? [];
  const query = (atSlot: string, instanceSlot: string, ...tokenSlots: string[]) => {
    const open = trx
      .updateTable('workflow_tasks')
      .set({ status: 'cancelled', decided_at: atSlot })
      .where('instance_id', '=', instanceSlot)
      .where('status', 'in', ['pending', 'queued', 'waiting']);
    return tokenSlots.length > 0 ? open.where('token_id', 'in', tokenSlots) : open;
  };
  const key = `workflow cancelOpenTasks ${tokenIds ? tokens.length : 'all'}`;
  await runCompiled(trx, key, query, [at, instanceId, ...tokens]);
}

/**
 * A node entered again (after a return or a resubmit) starts a new round: the decisions
 * of its earlier rounds stay for the record but stop counting (counts -1), so an old
 * approval cannot settle the new round.
 */
export async function retireEarlierRounds(trx: Trx, tokenId: string, nodeId: string): Promise<void> {
  await trx
    .updateTable('workflow_tasks')
    .set({ counts: -1 })
    .where('token_id', '=', tokenId)
    .where('node_id', '=', nodeId)
    .where('counts', '>=', 0)
    .execute();
}

export async function insertRecord(trx: Trx, row: RecordRow): Promise<void> {
  await insertCompiled(trx, 'workflow_records', row);
}

export async function recordsOf(db: DbOrTrx, instanceId: string): Promise<RecordRow[]> {
  const query = (instanceIdSlot: string) =>
    db.selectFrom('workflow_records').selectAll().where('instance_id', '=', instanceIdSlot).orderBy('id');
  return (await runCompiled(db, 'workflow recordsOf', query, [instanceId])).rows;
}
