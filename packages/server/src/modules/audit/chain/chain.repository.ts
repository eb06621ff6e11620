import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { AuditEventsTable } from '../audit.tables.js';
import type { SignedCheckpoint } from '../checkpoints/checkpoint.js';

/** All SQL of the audit module except the recorder's hot path and the review queries. */
export async function readHead(
  db: DbOrTrx,
  chain: string,
): Promise<{ seq: number; head_hash: string } | undefined> {
  const row = await db
    .selectFrom('audit_chain_heads')
    .select(['seq', 'head_hash'])
    .where('chain', '=', chain)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), head_hash: row.head_hash } : undefined;
}

/** A batch of events in sequence order, for scans that must not hold a million rows at once. */
export async function eventsAfter(
  db: DbOrTrx,
  chain: string,
  afterSeq: number,
  limit: number,
  upToSeq = Number.MAX_SAFE_INTEGER,
): Promise<AuditEventsTable[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('chain', '=', chain)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upToSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  for (const row of rows) row.seq = Number(row.seq);
  return rows;
}

export async function eventById(db: DbOrTrx, id: string): Promise<AuditEventsTable | undefined> {
  const row = await db.selectFrom('audit_events').selectAll().where('id', '=', id).executeTakeFirst();
  if (row) row.seq = Number(row.seq);
  return row;
}

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

export async function listArchives(db: DbOrTrx, chain: string) {
  const rows = await db
    .selectFrom('audit_archives')
    .selectAll()
    .where('chain', '=', chain)
    .orderBy('from_seq')
    .execute();
  return rows.map((row) => ({ ...row, from_seq: Number(row.from_seq), to_seq: Number(row.to_seq) }));
}
