import { databaseErrorToAppError } from '../../../platform/db/database-errors.js';
import type { Db } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import * as rates from './rate.repository.js';

export interface RateLimit {
  count: number;
  windowMs: number;
}

/**
 * Sliding-log rate limits shared by every process through the database: a robot may post
 * at most `count` messages in ANY `windowMs` (a fixed window would let twice the limit
 * through across a boundary, which is exactly what gets a DingTalk robot blocked). A key
 * can also be blocked until a time, when the provider said so.
 */
export async function takeSlot(
  db: Db,
  key: string,
  limits: readonly RateLimit[],
  now: Date,
): Promise<{ ok: true } | { ok: false; retryAt: Date }> {
  const longest = Math.max(...limits.map((l) => l.windowMs));
  for (let round = 0; round < 8; round++) {
    const outcome = await inTransaction(db, async (trx) => {
      const row = await rates.findRate(trx, key);
      const t = now.getTime();
      if (row?.blocked_until && Date.parse(row.blocked_until) > t)
        return { ok: false as const, retryAt: new Date(row.blocked_until) };
      const stamps = (row ? (JSON.parse(row.stamps) as number[]) : []).filter((s) => s > t - longest);
      let retryAt = 0;
      for (const limit of limits) {
        const inWindow = stamps.filter((s) => s > t - limit.windowMs);
        if (inWindow.length >= limit.count) {
          retryAt = Math.max(
            retryAt,
            (inWindow[inWindow.length - limit.count] as number) + limit.windowMs + 1,
          );
        }
      }
      if (retryAt > 0) return { ok: false as const, retryAt: new Date(retryAt) };
      stamps.push(t);
      const next = {
        key,
        stamps: JSON.stringify(stamps),
        blocked_until: null,
        version: (row?.version ?? 0) + 1,
      };
      if (!row) await rates.insertRate(trx, next);
      else if (!(await rates.updateRate(trx, next, row.version))) return null;
      return { ok: true as const };
    }).catch((error: unknown) => {
      if (databaseErrorToAppError(error)?.code === 'CONFLICT') return null; // a racing first insert
      throw error;
    });
    if (outcome) return outcome;
  }
  return { ok: false, retryAt: new Date(now.getTime() + 1000) };
}

/** Records a provider's own block (e.g. DingTalk 130101): nothing goes to `key` before `until`. */
export async function blockUntil(db: Db, key: string, until: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await rates.findRate(trx, key);
    const next = {
      key,
      stamps: row?.stamps ?? '[]',
      blocked_until: until.toISOString(),
      version: (row?.version ?? 0) + 1,
    };
    if (!row) await rates.insertRate(trx, next);
    else await rates.updateRate(trx, next, row.version);
  });
}
