import { newId } from '../../../platform/db/ids.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import {
  asProviderError,
  type Outgoing,
  type Provider,
  type ProviderError,
} from '../channels/channel-port.js';
import { blockUntil } from '../channels/rate-limiter.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import type { DeliveryStatus } from '../notifications.tables.js';
import { openValue } from '../sealed.js';
import type { DeliveryExtra } from '../sending/delivery-extra.js';
import { type AdmissionLookup, decideAdmission, lookupAdmission } from './admission.service.js';
import { commitClaim, commitSent } from './attempt-commits.js';
import * as store from './deliveries.repository.js';
import { afterFailure } from './delivery-outcome.js';
import { scheduleDelivery, scheduleDigest } from './schedule-delivery.js';

/** The job run a dispatch belongs to: its claims carry the job id, so a re-run finds its own. */
export interface DispatchRun {
  jobId: string;
  signal: AbortSignal;
}

/** A claim older than this belongs to a run that is gone (jobs time out after 5 minutes). */
const staleClaimMs = 10 * 60_000;

/**
 * Sends the given deliveries, each at most once per attempt record: the attempt is written
 * and committed before the provider is called, and a run that finds its own attempt still
 * open (the process died mid-send) closes it as interrupted and starts a new one, so
 * nothing is lost and nothing is repeated under one record. Every delivery passes the
 * admission policy here, whatever sent it.
 */
export async function dispatchDeliveries(
  deps: NotificationsDeps,
  ids: readonly string[],
  run: DispatchRun,
): Promise<void> {
  const rows = await store.findDeliveries(deps.db, ids);
  const lookup = await lookupAdmission(deps.db, rows);
  const limit = 8;
  let next = 0;
  const worker = async () => {
    while (next < rows.length && !run.signal.aborted) {
      const row = rows[next++] as store.DeliveryRow;
      await dispatchOne(deps, row, run, lookup);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, rows.length) }, worker));
}

export async function dispatchOne(
  deps: NotificationsDeps,
  initial: store.DeliveryRow,
  run: DispatchRun,
  lookup?: AdmissionLookup,
): Promise<void> {
  const now = deps.clock.now();
  let row = (await recoverOwnClaim(deps, initial, run, now)) ?? initial;
  if (row.status !== 'queued' && row.status !== 'deferred') return;
  if (row.next_attempt_at && Date.parse(row.next_attempt_at) > now.getTime()) return;
  const admission = await decideAdmission(deps.db, row, now, 'Asia/Shanghai', lookup);
  if (admission.action === 'suppress')
    return settle(deps, row, ['queued', 'deferred'], { status: 'suppressed', last_error: admission.reason });
  if (admission.action === 'defer') return defer(deps, row, admission.until, admission.reason);
  if (admission.action === 'hold')
    return hold(
      deps,
      row,
      `freq:${row.channel}:${row.user_id}:${row.template_code}`,
      admission.until,
      admission.reason,
    );
  const extra =
    decodeJson<DeliveryExtra>(openValue(deps.keys.seal, row.extra)) ??
    ({ format: 'text', bodyFormat: 'text' } as DeliveryExtra);
  const route = await deps.channels.route(deps, row, extra);
  if ('error' in route)
    return settle(deps, row, ['queued', 'deferred'], { status: 'failed', last_error: route.error });
  if ('wait' in route) {
    if (row.priority === 'urgent' || row.is_digest === 1 || row.channel === 'sms')
      return defer(deps, row, route.wait, route.reason);
    return hold(deps, row, `group:${extra.group_id}:${row.channel}`, route.wait, route.reason);
  }
  const body = openValue(deps.keys.seal, row.body) ?? '';
  for (const [index, provider] of route.providers.entries()) {
    const isLast = index === route.providers.length - 1;
    const outcome = await attempt(deps, row, provider, { subject: row.subject, body, extra }, run);
    if (outcome === 'lost' || outcome === 'sent') return;
    row = { ...row, attempts: row.attempts + 1 };
    if (!outcome.failover || isLast) return giveUp(deps, row, outcome);
  }
}

/** A run that finds a delivery it claimed itself (or a stale claim) still sending: that send died with its process. */
async function recoverOwnClaim(deps: NotificationsDeps, row: store.DeliveryRow, run: DispatchRun, now: Date) {
  if (row.status !== 'sending') return undefined;
  const isStale = Date.parse(row.updated_at) < now.getTime() - staleClaimMs;
  if (row.claim !== run.jobId && !isStale) return undefined;
  return inTransaction(deps.db, async (trx) => {
    await store.interruptOpenAttempts(trx, row.id, now.toISOString());
    const changes = {
      status: 'queued' as const,
      claim: null,
      next_attempt_at: null,
      updated_at: now.toISOString(),
    };
    const moved = await store.moveDelivery(trx, row.id, ['sending'], changes);
    return moved ? { ...row, ...changes } : undefined;
  });
}

type AttemptOutcome = 'sent' | 'lost' | ProviderError;

async function attempt(
  deps: NotificationsDeps,
  row: store.DeliveryRow,
  provider: Provider,
  content: { subject: string | null; body: string; extra: DeliveryExtra },
  run: DispatchRun,
): Promise<AttemptOutcome> {
  const started = deps.clock.now().toISOString();
  const record: store.AttemptRow = {
    id: newId(),
    delivery_id: row.id,
    attempt: row.attempts + 1,
    provider: provider.name,
    status: 'sending',
    job_id: run.jobId,
    response: null,
    error: null,
    started_at: started,
    finished_at: null,
    provider_message_id: null,
    receipt_status: null,
    receipt_code: null,
    receipt_at: null,
  };
  const claimed = await commitClaim(deps.db, { row, claim: run.jobId, record, now: started });
  if (!claimed) return 'lost';
  const outgoing: Outgoing = { row, ...content, attemptId: record.id, attempt: record.attempt };
  try {
    const answer = await provider.send(outgoing, run.signal);
    deps.channels.breakers.succeeded(provider.name);
    const at = deps.clock.now().toISOString();
    const erase = row.body?.startsWith('sx1.') ? { body: null, extra: null } : {};
    await commitSent(deps.db, {
      row,
      attemptId: record.id,
      finish: {
        status: 'sent',
        response: answer.response.slice(0, 2000),
        error: null,
        finished_at: at,
        provider_message_id: answer.providerMessageId || null,
      },
      changes: {
        status: 'sent',
        provider: provider.name,
        provider_message_id: answer.providerMessageId ?? null,
        last_error: null,
        claim: null,
        sent_at: at,
        updated_at: at,
        ...erase,
      },
    });
    return 'sent';
  } catch (error) {
    const failure = asProviderError(error);
    if (failure.transient) deps.channels.breakers.failed(provider.name);
    if (failure.retryAfterMs && provider.name.startsWith('robot:')) {
      await blockUntil(deps.db, provider.name, new Date(deps.clock.now().getTime() + failure.retryAfterMs));
    }
    const at = deps.clock.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      await store.finishAttempt(trx, record.id, {
        status: 'failed',
        response: failure.response?.slice(0, 2000) ?? null,
        error: failure.message.slice(0, 1000),
        finished_at: at,
      });
      await store.moveDelivery(trx, row.id, ['sending'], {
        status: 'queued',
        claim: null,
        last_error: failure.message.slice(0, 1000),
        updated_at: at,
      });
    });
    return failure;
  }
}

async function giveUp(
  deps: NotificationsDeps,
  row: store.DeliveryRow,
  failure: ProviderError,
): Promise<void> {
  const now = deps.clock.now();
  const next = afterFailure(
    row,
    {
      transient: failure.transient,
      message: failure.message,
      ...(failure.retryAfterMs ? { retryAfterMs: failure.retryAfterMs } : {}),
    },
    now,
  );
  await inTransaction(deps.db, async (trx) => {
    const moved = await store.moveDelivery(trx, row.id, ['queued'], {
      ...next,
      updated_at: now.toISOString(),
    });
    if (moved && next.status === 'queued' && next.next_attempt_at) {
      await scheduleDelivery(trx, deps, row, new Date(next.next_attempt_at));
    }
  });
}

async function settle(
  deps: NotificationsDeps,
  row: store.DeliveryRow,
  from: DeliveryStatus[],
  changes: Partial<store.DeliveryRow>,
): Promise<void> {
  await inTransaction(deps.db, (trx) =>
    store.moveDelivery(trx, row.id, from, { ...changes, updated_at: deps.clock.now().toISOString() }),
  );
}

async function defer(
  deps: NotificationsDeps,
  row: store.DeliveryRow,
  until: Date,
  reason: string,
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const changes = {
      status: 'deferred' as const,
      next_attempt_at: until.toISOString(),
      last_error: reason,
      updated_at: deps.clock.now().toISOString(),
    };
    if (await store.moveDelivery(trx, row.id, ['queued', 'deferred'], changes))
      await scheduleDelivery(trx, deps, row, until);
  });
}

/** Held back by a limit: merged with whatever else is held for the same place into one digest. */
async function hold(
  deps: NotificationsDeps,
  row: store.DeliveryRow,
  digestKey: string,
  until: Date,
  reason: string,
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const changes = {
      status: 'held' as const,
      digest_key: digestKey,
      next_attempt_at: until.toISOString(),
      last_error: reason,
      updated_at: deps.clock.now().toISOString(),
    };
    if (await store.moveDelivery(trx, row.id, ['queued', 'deferred'], changes))
      await scheduleDigest(trx, deps, digestKey, until);
  });
}
