import type { Clock } from '../../platform/db/clock.js';
import { newId } from '../../platform/db/ids.js';
import { encodeJson } from '../../platform/db/json-codec.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import type { JobRuntime } from '../../platform/jobs/index.js';
import { insertEvent } from './deliveries.repository.js';
import { fanOutJob } from './webhooks.jobs.js';

/** What a module emits: a catalogued type and the resource as its API presents it. */
export interface IntegrationEvent {
  type: string;
  resource_type: string;
  resource_id: string;
  /** The presented resource (a presenter's output, never a row); links included. */
  data: Record<string, unknown>;
}

/**
 * Writes the event to the outbox in the caller's transaction and enqueues its fan-out (the
 * job runtime's one enqueue): the event exists exactly when the business change does, and
 * its deliveries are made after commit. Two inserts; `bench/webhooks.bench.js` measures it.
 */
export async function emitEvent(
  trx: DbOrTrx,
  deps: { jobs: JobRuntime; clock: Clock; knownTypes: ReadonlyMap<string, unknown> },
  event: IntegrationEvent,
): Promise<string> {
  if (!deps.knownTypes.has(event.type)) throw new Error(`integration event ${event.type} is not catalogued`);
  const id = newId();
  await insertEvent(trx, {
    id,
    type: event.type,
    resource_type: event.resource_type,
    resource_id: event.resource_id,
    data: encodeJson(event.data),
    fanned_out: 0,
    created_at: deps.clock.now().toISOString(),
  });
  await deps.jobs.enqueue(trx, fanOutJob, { event_id: id });
  return id;
}
