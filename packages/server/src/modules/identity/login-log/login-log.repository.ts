import { sql } from 'kysely';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { LoginLogTable } from '../identity.tables.js';

/** One row per authentication attempt (§11.300-style evidence): who, when, from where, how, outcome. */
export type LoginAttempt = Omit<LoginLogTable, 'id'>;

export async function logAttempt(db: DbOrTrx, attempt: LoginAttempt): Promise<void> {
  await db
    .insertInto('login_log')
    .values({
      ...attempt,
      id: newId(),
      username: attempt.username.slice(0, 128),
      user_agent: attempt.user_agent.slice(0, 500),
    })
    .execute();
}

/** Failed attempts from one IP since `since` (per-IP throttling across all processes). */
export async function failuresFromIp(db: DbOrTrx, ip: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('login_log')
    .select(sql<number>`count(*)`.as('n'))
    .where('ip', '=', ip)
    .where('result', '=', 'failure')
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
