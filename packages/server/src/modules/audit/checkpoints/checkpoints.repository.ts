import type { DbOrTrx } from '../../../platform/db/schema.js';
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
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('chain', '=', chain)
    .orderBy('tree_size', 'desc')
    .limit(1)
    .execute();
  const row = rows[0];
  return row ? { ...row, tree_size: Number(row.tree_size) } : undefined;
}
