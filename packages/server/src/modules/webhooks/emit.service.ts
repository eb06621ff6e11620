import type { Clock } from '../../platform/db/clock.js';
import { newId } from '../../platform/db/ids.js';
import { encodeJson } from '../../platform/db/json-codec.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import type { JobRuntime } from '../../platform/jobs/index.js';
import { type EventRow, insertEvent, insertEvents } from './deliveries.repository.js';
import { dispatchJob } from './webhooks.jobs.js';

/** What a module emits: a catalogued type and the resource as its API presents it. */
export interface IntegrationEvent {
  type: string;
  resource_type: string;
  resource_id: string;
  /** The presented resource (a presenter's output, never a row); links included. */
  data: Record<string, unknown>;
}

/** Transactions that already asked for a dispatcher run (released with the transaction). */
const dispatching = new WeakSet<object>();

/**
 * Writes the event to the outbox in the caller's transaction, one compiled insert: the
 * event exists exactly when the business change does. Once that transaction has committed, a
 * dispatcher run is made sure of (a waiting one reused, else one enqueued) outside it, so
 * the business transaction holds nothing but its own rows and this insert. The outbox row is
 * the guarantee; should the process die between the commit and that wake-up, the minutely
 * sweep delivers the event. `bench/webhooks.bench.js` measures it.
 */
export async function emitEvent(trx: DbOrTrx, deps: EmitDeps, event: IntegrationEvent): Promise<string> {
  const row = outboxRow(deps, event);
  await insertEvent(trx, row);
  await ensureDispatch(trx, deps.jobs);
  return row.id;
}

type EmitDeps = { jobs: JobRuntime; clock: Clock; knownTypes: ReadonlyMap<string, unknown> };

/**
 * Several events of one business step, in their order: one multi-row insert (ids ascending,
 * so the dispatcher reads them in order) and the transaction's one dispatcher run. A step that
 * emits five events (an approval that finishes) writes one statement instead of five.
 */
export async function emitEvents(
  trx: DbOrTrx,
  deps: EmitDeps,
  events: IntegrationEvent[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => outboxRow(deps, event));
  await insertEvents(trx, rows);
  await ensureDispatch(trx, deps.jobs);
  return rows.map((row) => row.id);
}

function outboxRow(deps: EmitDeps, event: IntegrationEvent): EventRow {
  if (!deps.knownTypes.has(event.type)) throw new Error(`integration event ${event.type} is not catalogued`);
  return {
    id: newId(),
    type: event.type,
    resource_type: event.resource_type,
    resource_id: event.resource_id,
    data: encodeJson(event.data),
    fanned_out: 0,
    created_at: deps.clock.now().toISOString(),
  };
}

/**
 * Makes sure a dispatcher run starts after the transaction commits, asked once per
 * transaction: after the commit a run already queued and due is reused (one indexed read,
 * see `JobRuntime.ensureQueuedAfterCommit`), else one is enqueued. The outbox row is the
 * guarantee; the run is only the wake-up, and the minutely sweep runs the dispatcher regardless.
 */
export async function ensureDispatch(trx: DbOrTrx, jobs: JobRuntime): Promise<void> {
  if (trx.isTransaction && dispatching.has(trx)) return;
  await jobs.ensureQueuedAfterCommit(trx, dispatchJob, {});
  if (trx.isTransaction) dispatching.add(trx);
}
