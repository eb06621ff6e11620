import type { Trx } from '../../../platform/db/schema.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { jobPriority } from '../sending/send-request.js';
import { deliverJob, digestJob } from './deliver.jobs.js';
import type { DeliveryRow } from './deliveries.repository.js';

/** Deliveries per job: one job row per batch keeps enqueueing a thousand recipients cheap. */
export const batchSize = 50;

/**
 * Enqueues the delivery jobs of freshly written deliveries, in the caller's transaction,
 * one job per channel and batch.
 */
export async function enqueueDeliveries(
  trx: Trx,
  deps: Pick<NotificationsDeps, 'jobs'>,
  rows: readonly Pick<DeliveryRow, 'id' | 'channel'>[],
  priority: DeliveryRow['priority'],
): Promise<void> {
  const byChannel = new Map<string, string[]>();
  for (const row of rows) byChannel.set(row.channel, [...(byChannel.get(row.channel) ?? []), row.id]);
  for (const ids of byChannel.values()) {
    for (let i = 0; i < ids.length; i += batchSize) {
      await deps.jobs.enqueue(
        trx,
        deliverJob,
        { delivery_ids: ids.slice(i, i + batchSize) },
        { priority: jobPriority[priority] },
      );
    }
  }
}

/** One delivery again at `at` (a retry, the end of quiet hours); the key makes a repeat a no-op. */
export async function scheduleDelivery(
  trx: Trx,
  deps: Pick<NotificationsDeps, 'jobs'>,
  row: Pick<DeliveryRow, 'id' | 'priority' | 'attempts'>,
  at: Date,
) {
  await deps.jobs.enqueue(
    trx,
    deliverJob,
    { delivery_ids: [row.id] },
    {
      runAt: at,
      priority: jobPriority[row.priority],
      idempotencyKey: `${row.id}:${row.attempts}:${at.toISOString()}`,
    },
  );
}

/** The digest of `key` for the window that ends at `at` (one job per key and window). */
export async function scheduleDigest(trx: Trx, deps: Pick<NotificationsDeps, 'jobs'>, key: string, at: Date) {
  const window = new Date(Math.ceil(at.getTime() / 1000) * 1000).toISOString();
  await deps.jobs.enqueue(
    trx,
    digestJob,
    { digest_key: key, window },
    { runAt: at, idempotencyKey: `${key}@${window}`.slice(0, 200) },
  );
}
