import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { decodeJson } from '../../platform/db/json-codec.js';
import type { Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import * as d from './deliveries.repository.js';
import { laneOf, newDelivery } from './delivery.service.js';
import { emitEvent, ensureDispatch } from './emit.service.js';
import { getEndpoint } from './endpoints.service.js';
import type { WebhooksDeps } from './webhooks.deps.js';
import { webhooksErrors } from './webhooks.errors.js';

const replayLimit = 10_000;

/** Sends one delivery's event again as a new delivery (its own lane: a by-hand resend is out of band). */
export async function redeliver(trx: Trx, deps: WebhooksDeps, actor: Actor, deliveryId: string) {
  const old = await d.findDelivery(trx, deliveryId);
  if (!old) throw notFound('Webhook delivery');
  const endpoint = await getEndpoint(trx, actor, old.endpoint_id);
  assertActive(endpoint);
  const event = await d.findEvent(trx, old.event_id);
  if (!event) throw notFound('Webhook event');
  const row = newDelivery(endpoint.id, event, `redeliver:${newId()}`, deps.clock.now().toISOString());
  await d.insertDeliveries(trx, [row]);
  await ensureDispatch(trx, deps.jobs);
  await deps.audit.record(trx, actor, {
    type: 'webhooks.delivery.redelivered',
    entityId: endpoint.id,
    payload: { team_id: endpoint.team_id, deliveries: 1 },
  });
  return row;
}

/**
 * Sends every subscribed event of a time range again, in event order per resource (one
 * lane per resource and replay), e.g. after an endpoint was down and disabled.
 */
export async function replay(
  trx: Trx,
  deps: WebhooksDeps,
  actor: Actor,
  endpointId: string,
  range: { from: string; to: string },
): Promise<number> {
  const endpoint = await getEndpoint(trx, actor, endpointId);
  assertActive(endpoint);
  const types = new Set(decodeJson<string[]>(endpoint.event_types) ?? []);
  const events = await d.eventsBetween(trx, range.from, range.to, replayLimit + 1);
  if (events.length > replayLimit) {
    throw domainError(webhooksErrors.WEBHOOK_REPLAY_TOO_LARGE, 'More than 10,000 events in that range');
  }
  const batch = newId();
  const now = deps.clock.now().toISOString();
  const rows = events
    .filter((e) => types.has(e.type))
    .map((e) => newDelivery(endpoint.id, e, `replay:${batch}:${laneOf(e)}`.slice(0, 160), now));
  for (let i = 0; i < rows.length; i += 200) await d.insertDeliveries(trx, rows.slice(i, i + 200));
  await ensureDispatch(trx, deps.jobs);
  await deps.audit.record(trx, actor, {
    type: 'webhooks.delivery.redelivered',
    entityId: endpoint.id,
    payload: { team_id: endpoint.team_id, deliveries: rows.length },
  });
  return rows.length;
}

/** A test event to every endpoint subscribed to `webhooks.endpoint.test`… and to this one in any case. */
export async function sendTest(trx: Trx, deps: WebhooksDeps, actor: Actor, endpointId: string) {
  const endpoint = await getEndpoint(trx, actor, endpointId);
  assertActive(endpoint);
  const eventId = await emitEvent(
    trx,
    { jobs: deps.jobs, clock: deps.clock, knownTypes: deps.catalogues.integrationEvents },
    {
      type: 'webhooks.endpoint.test',
      resource_type: 'webhook_endpoint',
      resource_id: endpoint.id,
      data: { endpoint_id: endpoint.id, message: 'This is a test event from SignX' },
    },
  );
  const event = await d.findEvent(trx, eventId);
  if (!event) throw notFound('Webhook event');
  await d.markFannedOut(trx, eventId);
  const row = newDelivery(endpoint.id, event, `test:${eventId}`, deps.clock.now().toISOString());
  await d.insertDeliveries(trx, [row]);
  await ensureDispatch(trx, deps.jobs);
  return row;
}

function assertActive(endpoint: { is_active: number }): void {
  if (endpoint.is_active !== 1) {
    throw domainError(webhooksErrors.WEBHOOK_ENDPOINT_INACTIVE, 'The endpoint is disabled: enable it first');
  }
}
