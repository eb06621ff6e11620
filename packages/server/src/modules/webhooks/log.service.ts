import type { Actor } from '../../platform/actor.js';
import type { PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import * as d from './deliveries.repository.js';
import { getEndpoint } from './endpoints.service.js';

/** The delivery log of an endpoint the actor may see, filtered by state and event type. */
export async function listDeliveries(
  db: DbOrTrx,
  actor: Actor,
  endpointId: string,
  filter: d.DeliveryFilter,
  page: PageRequest,
) {
  await getEndpoint(db, actor, endpointId);
  return d.deliveryPage(db, endpointId, filter, page);
}

/** One delivery with every attempt (request headers, status, body excerpt, duration). */
export async function getDelivery(db: DbOrTrx, actor: Actor, id: string) {
  const delivery = await d.findDelivery(db, id);
  if (!delivery) throw notFound('Webhook delivery');
  await getEndpoint(db, actor, delivery.endpoint_id);
  return { delivery, attempts: await d.attemptsOf(db, id) };
}
