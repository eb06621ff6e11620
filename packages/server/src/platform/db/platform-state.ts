import { nowIso } from './clock.js';
import type { DbOrTrx } from './schema.js';

declare module './schema.js' {
  interface Tables {
    platform_state: { key: string; value: string; updated_at: string };
  }
}

/** Small named facts about this installation (e.g. when it was first initialized). */
export async function readState(db: DbOrTrx, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('platform_state').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Sets `key` only if it is not set yet; returns whether this call set it (first-start races). */
export async function claimState(db: DbOrTrx, key: string, value: string): Promise<boolean> {
  const result = await db
    .insertInto('platform_state')
    .values({ key, value, updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Sets `key` to `value` whatever it was (insert or overwrite). */
export async function writeState(db: DbOrTrx, key: string, value: string): Promise<void> {
  await db
    .insertInto('platform_state')
    .values({ key, value, updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso() }))
    .execute();
}

/** Replaces `key`'s value only if it still is `expected`; returns whether it did (compare-and-set). */
export async function replaceState(
  db: DbOrTrx,
  key: string,
  expected: string,
  value: string,
): Promise<boolean> {
  const result = await db
    .updateTable('platform_state')
    .set({ value, updated_at: nowIso() })
    .where('key', '=', key)
    .where('value', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0) > 0;
}
