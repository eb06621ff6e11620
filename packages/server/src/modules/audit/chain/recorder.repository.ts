import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import type { Trx } from '../../../platform/db/schema.js';
import type { AuditEventsTable } from '../audit.tables.js';
import { HASHED_FIELDS } from './leaf.js';

/**
 * The recorder's two hot statements, compiled once per dialect. Recording is on the path
 * of every audited write, and building these through the query builder each time cost
 * more than SQLite spent executing them. Plain SQL, portable (only placeholders differ).
 * The columns are the hashed fields (one list, so the stored row and its hash cannot drift)
 * plus the leaf hash and MAC that seal them.
 */
const COLUMNS = [...HASHED_FIELDS, 'leaf_hash', 'mac'] as const satisfies readonly (keyof AuditEventsTable)[];

function placeholders(count: number, isPg: boolean, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => (isPg ? `$${i + from}` : '?'));
}

function statements(isPg: boolean) {
  return {
    insert: `insert into audit_events (${COLUMNS.join(', ')}) values (${placeholders(COLUMNS.length, isPg).join(', ')})`,
    lockHead: `select seq, head_hash from audit_chain_heads where chain = ${isPg ? '$1 for update' : '?'}`,
    moveHead: `update audit_chain_heads set seq = ${isPg ? '$1' : '?'}, head_hash = ${isPg ? '$2' : '?'}, updated_at = ${isPg ? '$3' : '?'} where chain = ${isPg ? '$4' : '?'}`,
  };
}

const sqlite = statements(false);
const postgres = statements(true);

export function isPostgresTrx(trx: Trx): boolean {
  return trx.getExecutor().adapter instanceof PostgresAdapter;
}

/** Inserts the event rows (one statement) and moves the chain head to the last. */
export async function appendRows(trx: Trx, rows: readonly AuditEventsTable[], isPg: boolean): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  const sql = isPg ? postgres : sqlite;
  await trx.executeQuery(
    CompiledQuery.raw(
      rows.length === 1 ? sql.insert : insertOf(rows.length, isPg),
      rows.flatMap((row) => COLUMNS.map((column) => row[column])),
    ),
  );
  await trx.executeQuery(
    CompiledQuery.raw(sql.moveHead, [last.seq, last.leaf_hash, last.occurred_at, last.chain]),
  );
}

/** The insert of `count` rows (a few sizes occur: a batch is one operation's events). */
function insertOf(count: number, isPg: boolean): string {
  const key = `${isPg ? 'pg' : 'sqlite'}:${count}`;
  let text = multiInserts.get(key);
  if (!text) {
    const values = Array.from(
      { length: count },
      (_, i) => `(${placeholders(COLUMNS.length, isPg, 1 + i * COLUMNS.length).join(', ')})`,
    );
    text = `insert into audit_events (${COLUMNS.join(', ')}) values ${values.join(', ')}`;
    if (multiInserts.size < 64) multiInserts.set(key, text);
  }
  return text;
}

const multiInserts = new Map<string, string>();

/** The chain head, locked for the rest of the transaction (FOR UPDATE; SQLite already holds the write lock). */
export async function readLockedHead(trx: Trx, chain: string): Promise<{ seq: number; hash: string } | null> {
  const isPg = isPostgresTrx(trx);
  const result = await trx.executeQuery<{ seq: number | string; head_hash: string }>(
    CompiledQuery.raw((isPg ? postgres : sqlite).lockHead, [chain]),
  );
  const row = result.rows[0];
  return row ? { seq: Number(row.seq), hash: row.head_hash } : null;
}

/** Creates the head of a chain that has no event yet; a head another writer just made is kept. */
export async function insertGenesisHead(
  trx: Trx,
  chain: string,
  genesisHash: string,
  at: string,
): Promise<void> {
  await sql`insert into audit_chain_heads (chain, seq, head_hash, updated_at) values (${chain}, 0, ${genesisHash}, ${at}) on conflict (chain) do nothing`.execute(
    trx,
  );
}
