import { CompiledQuery } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { AuditCheckpointsTable } from '../audit.tables.js';
import type { SignedCheckpoint } from './checkpoint.js';

/** The signed checkpoints the database keeps (each one is also in the anchor directory). */
/** Stores a checkpoint; a repeat of one already stored (same chain and size) is ignored. */
export async function insertCheckpoint(db: DbOrTrx, id: string, checkpoint: SignedCheckpoint): Promise<void> {
  await db
    .insertInto('audit_checkpoints')
    .values({ id, ...checkpoint })
    .onConflict((oc) => oc.columns(['chain', 'tree_size']).doNothing())
    .execute();
}

export async function listCheckpoints(
  db: DbOrTrx,
  chain: string,
): Promise<(SignedCheckpoint & { id: string })[]> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('chain', '=', chain)
    .orderBy('tree_size')
    .execute();
  return rows.map((row) => ({ ...row, tree_size: Number(row.tree_size) }));
}

export async function latestCheckpoint(db: DbOrTrx, chain: string) {
  let compiled = compiledLatest.get(db);
  if (!compiled) {
    compiled = latestCheckpointQuery(db, chain).compile();
    // Kept only when its parameters are exactly (chain, 1), in this order.
    if (compiled.parameters.length !== 2 || compiled.parameters[0] !== chain || compiled.parameters[1] !== 1)
      return firstCheckpoint((await db.executeQuery<AuditCheckpointsTable>(compiled)).rows);
    compiledLatest.set(db, compiled);
  }
  return firstCheckpoint(
    (await db.executeQuery<AuditCheckpointsTable>(CompiledQuery.raw(compiled.sql, [chain, 1]))).rows,
  );
}

/**
 * Signature verification reads the latest checkpoint on every inclusion check: compiled once
 * per database handle (as `eventsOfEntity`), then run with each call's chain.
 */
const compiledLatest = new WeakMap<object, CompiledQuery>();

function latestCheckpointQuery(db: DbOrTrx, chain: string) {
  return db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('chain', '=', chain)
    .orderBy('tree_size', 'desc')
    .limit(1);
}

function firstCheckpoint(rows: AuditCheckpointsTable[]) {
  const row = rows[0];
  return row ? { ...row, tree_size: Number(row.tree_size) } : undefined;
}
