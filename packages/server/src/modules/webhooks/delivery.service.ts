import { newId } from '../../platform/db/ids.js';
import { decodeJson } from '../../platform/db/json-codec.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import * as d from './deliveries.repository.js';
import * as dr from './dispatch.repository.js';
import { activeEndpoints, allEndpoints, type EndpointRow } from './endpoints.repository.js';
import type { WebhooksDeps } from './webhooks.deps.js';

/** A resource's deliveries to one endpoint go out in event order (docs/integration.md). */
export function laneOf(event: Pick<d.EventRow, 'resource_type' | 'resource_id'>): string {
  return `${event.resource_type}:${event.resource_id}`.slice(0, 160);
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

/**
 * Fans out up to `limit` outbox events in one transaction: one delivery per active endpoint
 * subscribed to each event's type, written with multi-row inserts. Returns the events taken.
 */
export async function fanOutPending(deps: WebhooksDeps, limit: number): Promise<number> {
  return inTransaction(deps.db, async (trx) => {
    const events = await dr.lockUnfanned(trx, deps.dialect, limit);
    if (events.length === 0) return 0;
    await dr.markFannedOutMany(
      trx,
      events.map((e) => e.id),
    );
    const subscribed = (await activeEndpoints(trx)).map((e) => ({
      id: e.id,
      types: new Set(decodeJson<string[]>(e.event_types) ?? []),
    }));
    const now = deps.clock.now().toISOString();
    const rows = events.flatMap((event) =>
      subscribed
        .filter((s) => s.types.has(event.type))
        .map((s) => newDelivery(s.id, event, laneOf(event), now)),
    );
    for (let i = 0; i < rows.length; i += 200) await d.insertDeliveries(trx, rows.slice(i, i + 200));
    return events.length;
  });
}

/** A claimed delivery with what sending it needs. */
export interface Claimed {
  delivery: d.DeliveryRow;
  event: d.EventRow;
  endpoint: EndpointRow;
}

/** What this run has in flight: per endpoint (for its cap) and by delivery id. */
export interface InFlight {
  capacity(endpointId: string): number;
  has(deliveryId: string): boolean;
}

const unfannedWindow = 1000;
const maxPages = 5;

/**
 * Claims up to `limit` due lane heads in one transaction. Each endpoint's open deliveries
 * are read in event order (a few pages at most, so one endpoint's backlog never holds up
 * the others); a lane's first row is its head, sendable when due and not under a live
 * claim. A head whose resource has an earlier event not fanned out yet waits for it. The
 * claim is one compare-and-set statement that re-checks all of this; a delivery of a
 * disabled endpoint is closed as dead instead (its lane then moves on).
 */
export async function claimDue(
  deps: WebhooksDeps,
  limit: number,
  mine: InFlight,
): Promise<{ claimed: Claimed[]; closed: number; staleAt?: string }> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const stale = new Date(now.getTime() - 2 * deps.settings.timeoutMs).toISOString();
  // the earliest live claim of another sender (maybe dead): its lane needs a run once it is stale
  let liveClaim: string | undefined;
  const sendable = (row: d.DeliveryRow) => {
    if (mine.has(row.id)) return false;
    const claimedAt = row.claimed_at ?? '';
    if (row.status === 'sending' && claimedAt > stale) {
      if (liveClaim === undefined || claimedAt < liveClaim) liveClaim = claimedAt;
      return false;
    }
    return row.next_attempt_at === null || row.next_attempt_at <= nowIso;
  };
  return inTransaction(deps.db, async (trx) => {
    const mayGo = await orderGuard(trx);
    const picked: { row: d.DeliveryRow; endpoint: EndpointRow }[] = [];
    const disabled: string[] = [];
    for (const endpoint of await allEndpoints(trx)) {
      const room = Math.min(endpoint.is_active ? mine.capacity(endpoint.id) : limit, limit - picked.length);
      if (room <= 0) continue;
      const heads = await laneHeads(trx, endpoint.id, room, (row) => sendable(row) && mayGo(row));
      if (endpoint.is_active) picked.push(...heads.map((row) => ({ row, endpoint })));
      else disabled.push(...heads.map((row) => row.id));
    }
    const got = await dr.claimMany(
      trx,
      picked.map((p) => p.row.id),
      nowIso,
      stale,
    );
    const ours = picked.filter((p) => got.has(p.row.id));
    const events = new Map(
      (await dr.eventsByIds(trx, [...new Set(ours.map((p) => p.row.event_id))])).map((e) => [e.id, e]),
    );
    await dr.closeDead(trx, disabled, 'endpoint disabled', nowIso);
    const claimed = ours.flatMap(({ row, endpoint }) => {
      const event = events.get(row.event_id);
      return event ? [{ delivery: row, event, endpoint }] : [];
    });
    const staleAt =
      liveClaim === undefined
        ? undefined
        : new Date(Date.parse(liveClaim) + 2 * deps.settings.timeoutMs + 1).toISOString();
    return { claimed, closed: disabled.length, staleAt };
  });
}

/** Up to `room` lane heads of one endpoint that `take` accepts, from its first pages of open deliveries. */
async function laneHeads(
  trx: DbOrTrx,
  endpointId: string,
  room: number,
  take: (row: d.DeliveryRow) => boolean,
): Promise<d.DeliveryRow[]> {
  const pageSize = Math.min(1000, Math.max(100, room * 4));
  const seen = new Set<string>();
  const heads: d.DeliveryRow[] = [];
  let after = '';
  for (let page = 0; page < maxPages && heads.length < room; page++) {
    const rows = await dr.openPage(trx, endpointId, after, pageSize);
    for (const row of rows) {
      if (seen.has(row.lane)) continue;
      seen.add(row.lane);
      if (take(row)) heads.push(row);
      if (heads.length >= room) break;
    }
    if (rows.length < pageSize) break;
    after = rows.at(-1)?.event_id ?? after;
  }
  return heads;
}

/** False for a delivery whose resource has an earlier event still waiting for fan-out. */
async function orderGuard(trx: DbOrTrx) {
  const unfanned = await dr.unfannedHeads(trx, unfannedWindow);
  const first = new Map<string, string>();
  for (const e of unfanned) {
    const lane = laneOf(e);
    if (!first.has(lane)) first.set(lane, e.id);
  }
  // past the window, an unseen earlier sibling is possible: such deliveries wait a pass
  const horizon = unfanned.length === unfannedWindow ? unfanned.at(-1)?.id : undefined;
  return (row: d.DeliveryRow): boolean => {
    if (horizon !== undefined && row.event_id > horizon) return false;
    const earliest = first.get(row.lane);
    return earliest === undefined || earliest > row.event_id;
  };
}
