import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { DirectLinksTable } from './instances.tables.js';

/** SQL of template direct links and their per-IP window counters. */
export type DirectLinkRow = DirectLinksTable;

export async function linkOfTemplate(db: DbOrTrx, templateId: string): Promise<DirectLinkRow | undefined> {
  return db
    .selectFrom('digital_signature_direct_links')
    .selectAll()
    .where('template_id', '=', templateId)
    .executeTakeFirst();
}

export async function linkByHash(db: DbOrTrx, hash: string): Promise<DirectLinkRow | undefined> {
  return db
    .selectFrom('digital_signature_direct_links')
    .selectAll()
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

export async function insertLink(trx: Trx, row: DirectLinkRow): Promise<void> {
  await trx.insertInto('digital_signature_direct_links').values(row).execute();
}

export async function updateLink(trx: Trx, id: string, changes: Partial<DirectLinkRow>): Promise<void> {
  await trx.updateTable('digital_signature_direct_links').set(changes).where('id', '=', id).execute();
}

/** Counts one use, only while the link is still enabled under this hash (compare-and-set). */
export async function countUse(trx: Trx, row: DirectLinkRow, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('digital_signature_direct_links')
    .set((eb) => ({ use_count: eb('use_count', '+', 1), last_used_at: at }))
    .where('id', '=', row.id)
    .where('token_hash', '=', row.token_hash)
    .where('is_enabled', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Counts one hit for an IP in its window unless it already has `max`: one conditional
 * upsert, so parallel requests cannot all pass a "still under the limit" read. Old windows
 * are dropped on the way.
 */
export async function takeHit(
  db: DbOrTrx,
  input: { ipKey: string; windowStart: string; max: number; staleBefore: string },
): Promise<boolean> {
  await db
    .deleteFrom('digital_signature_direct_link_hits')
    .where('window_start', '<', input.staleBefore)
    .execute();
  const result = await db
    .insertInto('digital_signature_direct_link_hits')
    .values({ ip_key: input.ipKey, window_start: input.windowStart, hits: 1 })
    .onConflict((oc) =>
      oc
        .columns(['ip_key', 'window_start'])
        .doUpdateSet({ hits: sql`digital_signature_direct_link_hits.hits + 1` })
        .where('digital_signature_direct_link_hits.hits', '<', input.max),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) >= 1;
}
