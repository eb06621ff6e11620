import type { Actor } from '../../../platform/actor.js';
import type { PageRequest } from '../../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { domainError, notFound } from '../../../platform/errors.js';
import { attemptsOf, findDelivery, moveDelivery } from '../dispatch/deliveries.repository.js';
import { scheduleDelivery } from '../dispatch/schedule-delivery.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors } from '../notifications.errors.js';
import { isSealed } from '../sealed.js';
import * as log from './log.repository.js';

/** The send log: what was sent to whom, how each attempt went, and resending what failed. */
export async function listDeliveries(db: DbOrTrx, filter: log.LogFilter, page: PageRequest) {
  return log.deliveryPage(db, filter, page);
}

export async function deliveryDetail(db: DbOrTrx, id: string) {
  const row = await findDelivery(db, id);
  if (!row) throw notFound('Delivery');
  return { row, attempts: await attemptsOf(db, id) };
}

/**
 * Sends a failed or dead delivery again: back to queued with a fresh attempt budget, through
 * the dispatcher like any other (so preferences apply again). Sensitive content is never
 * resent: it was erased or must be issued anew by the module that made it.
 */
export async function resendDelivery(trx: Trx, deps: NotificationsDeps, actor: Actor, id: string) {
  const row = await findDelivery(trx, id);
  if (!row) throw notFound('Delivery');
  if (!['failed', 'dead'].includes(row.status) || row.body === null || isSealed(row.body)) {
    throw domainError(
      notificationsErrors.NOT_RESENDABLE,
      `A ${row.status} delivery of this message cannot be resent`,
    );
  }
  const now = deps.clock.now();
  const changes = {
    status: 'queued' as const,
    attempts: 0,
    next_attempt_at: null,
    last_error: null,
    claim: null,
    updated_at: now.toISOString(),
  };
  if (!(await moveDelivery(trx, id, ['failed', 'dead'], changes)))
    throw domainError(notificationsErrors.NOT_RESENDABLE, 'It changed meanwhile');
  await scheduleDelivery(trx, deps, { ...row, ...changes }, now);
  await deps.audit.record(trx, actor, {
    type: 'notifications.delivery.resent',
    entityId: id,
    payload: { channel: row.channel },
  });
  return { ...row, ...changes };
}

/** Per day × channel × template (with its category): how many were sent, delivered, failed…, and the success rate. */
export async function deliveryStatistics(db: DbOrTrx, from: string, to: string) {
  const rows = await log.deliveryStats(db, from, to);
  const groups = new Map<
    string,
    { day: string; channel: string; template: string; category: string; counts: Record<string, number> }
  >();
  for (const r of rows) {
    const key = `${r.day}|${r.channel}|${r.template_code}|${r.category}`;
    const group = groups.get(key) ?? {
      day: r.day,
      channel: r.channel,
      template: r.template_code,
      category: r.category,
      counts: {},
    };
    group.counts[r.status] = (group.counts[r.status] ?? 0) + r.n;
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const total = Object.values(g.counts).reduce((a, b) => a + b, 0);
    const ok = (g.counts.sent ?? 0) + (g.counts.delivered ?? 0);
    const settled = ok + (g.counts.failed ?? 0) + (g.counts.dead ?? 0);
    return { ...g, total, success_rate: settled === 0 ? null : Math.round((ok / settled) * 10_000) / 10_000 };
  });
}
