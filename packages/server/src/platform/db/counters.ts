import { sql } from 'kysely';
import type { Trx } from './schema.js';

declare module './schema.js' {
  interface Tables {
    counters: { name: string; year: number; value: number };
  }
}

/**
 * Next human number for `name` in `year`, e.g. `SIG-REQ-2026-00001`. The counter row is
 * created on first use and incremented with an UPDATE, which takes the row lock
 * (PostgreSQL) or runs under SQLite's single writer, so concurrent callers never get the
 * same number. Needs the caller's transaction: the number is only used if the row that
 * carries it commits.
 */
export async function nextCounterValue(trx: Trx, name: string, year: number): Promise<number> {
  await trx
    .insertInto('counters')
    .values({ name, year, value: 0 })
    .onConflict((oc) => oc.columns(['name', 'year']).doNothing())
    .execute();
  await trx
    .updateTable('counters')
    .set({ value: sql`value + 1` })
    .where('name', '=', name)
    .where('year', '=', year)
    .execute();
  const row = await trx
    .selectFrom('counters')
    .select('value')
    .where('name', '=', name)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Formats `PREFIX-YEAR-00001` (at least five digits; more when the year runs past 99,999). */
export function formatHumanNumber(prefix: string, year: number, value: number): string {
  return `${prefix}-${year}-${String(value).padStart(5, '0')}`;
}

export async function nextHumanNumber(trx: Trx, prefix: string, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  return formatHumanNumber(prefix, year, await nextCounterValue(trx, prefix, year));
}
