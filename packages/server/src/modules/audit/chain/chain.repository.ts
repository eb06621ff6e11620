import { CompiledQuery, sql } from 'kysely';
import type { Db, DbOrTrx } from '../../../platform/db/schema.js';
import type { AuditEventsTable } from '../audit.tables.js';

/** The chain's SQL outside the recorder's hot path: heads and events, read in sequence order. */
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

/**
 * The seals (leaf hash and MAC) of events `afterSeq+1 .. upToSeq`, in sequence order, at most
 * `limit`: the authenticity check reads them in batches.
 */
export async function eventSeals(
  db: DbOrTrx,
  chain: string,
  range: { afterSeq: number; upToSeq: number },
  limit: number,
): Promise<{ seq: number; id: string; leaf_hash: string; mac: string | null }[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'id', 'leaf_hash', 'mac'])
    .where('chain', '=', chain)
    .where('seq', '>', range.afterSeq)
    .where('seq', '<=', range.upToSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** How many event rows of `chain` the database holds, whatever their sequence numbers. */
/** One entity's events in a chain, in sequence order (index on entity type and id). */
export async function eventsOfEntity(
  db: DbOrTrx,
  chain: string,
  entity: { entityType: string; entityId: string },
): Promise<AuditEventsTable[]> {
  const params = [entity.entityType, entity.entityId, chain];
  let compiled = compiledEntityQueries.get(db);
  if (!compiled) {
    compiled = eventsOfEntityQuery(db, chain, entity).compile();
    // Kept only when its parameters are exactly these, in this order (the where clauses').
    if (compiled.parameters.join('\u0000') !== params.join('\u0000'))
      return (await db.executeQuery<AuditEventsTable>(compiled)).rows;
    compiledEntityQueries.set(db, compiled);
  }
  return (await db.executeQuery<AuditEventsTable>(CompiledQuery.raw(compiled.sql, params))).rows;
}

/**
 * Signature verification reads one entity's events on every request; building and compiling
 * the Kysely query was a fifth of that read's CPU. Compiled once per database handle (SQL text
 * and parameter order do not change), then run with each call's parameters.
 */
const compiledEntityQueries = new WeakMap<object, CompiledQuery>();

/**
 * The query of `eventsOfEntity`, answered by the (entity_type, entity_id, chain, seq) index
 * (filter and order), never by walking the chain (the test reads its plan).
 */
export function eventsOfEntityQuery(
  db: DbOrTrx,
  chain: string,
  entity: { entityType: string; entityId: string },
) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('entity_type', '=', entity.entityType)
    .where('entity_id', '=', entity.entityId)
    .where('chain', '=', chain)
    .orderBy('seq');
}

export async function countEventRows(db: DbOrTrx, chain: string): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select(sql<number>`count(*)`.as('n'))
    .where('chain', '=', chain)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The last seq such that every event up to it occurred before `cutoff`, or null when every
 * event of the chain is older (the caller then takes the head).
 */
export async function lastSeqBefore(db: DbOrTrx, chain: string, cutoff: string): Promise<number | null> {
  const row = await db
    .selectFrom('audit_events')
    .select(sql<number | null>`min(seq)`.as('first_kept'))
    .where('chain', '=', chain)
    .where('occurred_at', '>=', cutoff)
    .executeTakeFirst();
  return row?.first_kept === null || row?.first_kept === undefined ? null : Number(row.first_kept) - 1;
}

/** The SQLite file behind `db`, or null (PostgreSQL, in-memory): only files can be read in parallel. */
export async function sqliteFileOf(db: Db): Promise<string | null> {
  try {
    const rows = await sql<{
      file: string;
    }>`select file from pragma_database_list where name = 'main'`.execute(db);
    return rows.rows[0]?.file || null;
  } catch {
    return null;
  }
}
