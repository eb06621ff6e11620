import { inTransaction } from '../../../platform/db/transaction.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { stalledDeliveries } from './deliveries.repository.js';
import { scheduleDelivery } from './schedule-delivery.js';

/**
 * Deliveries queued, deferred or sending for ten minutes past their time have lost their
 * job; each gets a new one (the dispatcher's claims make a duplicate job harmless).
 */
export async function sweepStalled(deps: NotificationsDeps): Promise<number> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - 10 * 60_000).toISOString();
  const rows = await stalledDeliveries(deps.db, before, 500);
  await inTransaction(deps.db, async (trx) => {
    for (const row of rows) await scheduleDelivery(trx, deps, row, now);
  });
  return rows.length;
}
