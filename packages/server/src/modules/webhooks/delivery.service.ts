import { systemActor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../platform/db/json-codec.js';
import type { Trx } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import * as d from './deliveries.repository.js';
import { sendAttempt } from './delivery-send.js';
import {
  activeEndpoints,
  type EndpointRow,
  findEndpoint,
  markFailing,
  updateEndpoint,
} from './endpoints.repository.js';
import { liveSecrets } from './endpoints.service.js';
import { noticeEndpointDisabled } from './owner-notice.js';
import { retryDelayMs } from './retry-schedule.js';
import type { WebhooksDeps } from './webhooks.deps.js';
import { deliverJob } from './webhooks.jobs.js';

/** A resource's deliveries to one endpoint go out in event order (docs/integration.md). */
export function laneOf(event: d.EventRow): string {
  return `${event.resource_type}:${event.resource_id}`.slice(0, 160);
}

/** Makes one delivery per active endpoint subscribed to the event, and starts each. */
export async function fanOut(trx: Trx, deps: WebhooksDeps, eventId: string): Promise<number> {
  const event = await d.findEvent(trx, eventId);
  if (!event || !(await d.markFannedOut(trx, eventId))) return 0;
  const now = deps.clock.now().toISOString();
  const endpoints = (await activeEndpointsFor(trx, event.type)).map((e) => e.id);
  const rows = endpoints.map((endpointId) => newDelivery(endpointId, event, laneOf(event), now));
  await d.insertDeliveries(trx, rows);
  for (const row of rows) await deps.jobs.enqueue(trx, deliverJob, { delivery_id: row.id });
  return rows.length;
}

async function activeEndpointsFor(trx: Trx, type: string): Promise<EndpointRow[]> {
  return (await activeEndpoints(trx)).filter((e) =>
    (decodeJson<string[]>(e.event_types) ?? []).includes(type),
  );
}

export function newDelivery(endpointId: string, event: d.EventRow, lane: string, now: string): d.DeliveryRow {
  return {
    id: newId(),
    endpoint_id: endpointId,
    event_id: event.id,
    event_type: event.type,
    lane,
    status: 'pending',
    attempts: 0,
    next_attempt_at: null,
    claimed_at: null,
    last_status: null,
    last_error: null,
    created_at: now,
    completed_at: null,
  };
}

type Claim = { delivery: d.DeliveryRow; event: d.EventRow; endpoint: EndpointRow } | null;

/**
 * Claims a delivery for sending: only the head of its lane, only when due, only once (a
 * compare-and-set to `sending`; a claim older than twice the timeout is a dead worker's).
 * A delivery of a disabled or deleted endpoint is closed as dead and its lane moves on.
 */
async function claim(trx: Trx, deps: WebhooksDeps, id: string): Promise<Claim> {
  const now = deps.clock.now();
  const delivery = await d.findDelivery(trx, id);
  if (!delivery || delivery.status === 'succeeded' || delivery.status === 'dead') return null;
  if (delivery.next_attempt_at && delivery.next_attempt_at > now.toISOString()) return null;
  const stale = new Date(now.getTime() - 2 * deps.settings.timeoutMs).toISOString();
  if (delivery.status === 'sending' && (delivery.claimed_at ?? '') > stale) return null;
  const head = await d.laneHead(trx, delivery.endpoint_id, delivery.lane);
  if (head?.id !== delivery.id) return null;
  const event = await d.findEvent(trx, delivery.event_id);
  if (!event || (await d.hasEarlierUnfanned(trx, event))) return null;
  const endpoint = await findEndpoint(trx, delivery.endpoint_id);
  if (!endpoint?.is_active) {
    await close(trx, deps, delivery, 'dead', { last_error: 'endpoint disabled' });
    return null;
  }
  const claimed = await d.moveDelivery(trx, id, [delivery.status], {
    status: 'sending',
    claimed_at: now.toISOString(),
  });
  return claimed ? { delivery, event, endpoint } : null;
}

/** The job's work: claim, send outside any transaction, then record the outcome. */
export async function deliver(deps: WebhooksDeps, id: string): Promise<void> {
  const claimed = await inTransaction(deps.db, (trx) => claim(trx, deps, id));
  if (!claimed) return;
  const { delivery, event, endpoint } = claimed;
  const now = deps.clock.now();
  const outcome = await sendAttempt(
    deps.outbound.fetch,
    endpoint.url,
    event,
    delivery,
    liveSecrets(deps, endpoint, now),
    {
      timeoutMs: deps.settings.timeoutMs,
      excerptChars: deps.settings.excerptChars,
      now,
    },
  );
  await inTransaction(deps.db, async (trx) => {
    const attempt = delivery.attempts + 1;
    await d.insertAttempt(trx, {
      id: newId(),
      delivery_id: id,
      attempt,
      request_headers: encodeJson(outcome.headers),
      response_status: outcome.status,
      response_excerpt: outcome.excerpt,
      error: outcome.error,
      duration_ms: outcome.durationMs,
      created_at: deps.clock.now().toISOString(),
    });
    const last = { attempts: attempt, last_status: outcome.status, last_error: outcome.error };
    if (outcome.ok) {
      await close(trx, deps, delivery, 'succeeded', last);
      if (endpoint.failing_since) await updateEndpoint(trx, endpoint.id, { failing_since: null });
      return;
    }
    const delay = retryDelayMs(deps.settings.retry, attempt);
    if (delay === null) await close(trx, deps, delivery, 'dead', last);
    else {
      const runAt = new Date(deps.clock.now().getTime() + delay);
      await d.moveDelivery(trx, id, ['sending'], {
        ...last,
        status: 'retrying',
        next_attempt_at: runAt.toISOString(),
      });
      await deps.jobs.enqueue(trx, deliverJob, { delivery_id: id }, { runAt });
    }
    await recordFailure(trx, deps, endpoint);
  });
}

/** Ends a delivery (succeeded or dead) and starts the next one of its lane. */
async function close(
  trx: Trx,
  deps: WebhooksDeps,
  delivery: d.DeliveryRow,
  status: 'succeeded' | 'dead',
  changes: Partial<d.DeliveryRow>,
): Promise<void> {
  const completed_at = deps.clock.now().toISOString();
  await d.moveDelivery(trx, delivery.id, ['pending', 'sending', 'retrying'], {
    ...changes,
    status,
    completed_at,
  });
  const next = await d.laneHead(trx, delivery.endpoint_id, delivery.lane);
  if (next) await deps.jobs.enqueue(trx, deliverJob, { delivery_id: next.id });
}

/** Starts or extends the endpoint's failing streak; past the limit it is disabled and the owner told. */
async function recordFailure(trx: Trx, deps: WebhooksDeps, endpoint: EndpointRow): Promise<void> {
  const now = deps.clock.now();
  await markFailing(trx, endpoint.id, now.toISOString());
  const since = endpoint.failing_since;
  if (!since || now.getTime() - Date.parse(since) < deps.settings.disableAfterMs) return;
  await updateEndpoint(trx, endpoint.id, {
    is_active: 0,
    disabled_reason: `every delivery failed since ${since}`,
    updated_at: now.toISOString(),
  });
  await deps.audit.record(trx, systemActor('webhooks.deliver'), {
    type: 'webhooks.endpoint.disabled',
    entityId: endpoint.id,
    payload: { failing_since: since },
  });
  await noticeEndpointDisabled(trx, deps.ctx, { ...endpoint, failing_since: since });
}
