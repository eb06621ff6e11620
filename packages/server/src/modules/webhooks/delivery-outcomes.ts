import { systemActor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { encodeJson } from '../../platform/db/json-codec.js';
import type { Trx } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import * as d from './deliveries.repository.js';
import type { Claimed } from './delivery.service.js';
import type { AttemptOutcome } from './delivery-send.js';
import * as dr from './dispatch.repository.js';
import { type EndpointRow, markFailing, updateEndpoint } from './endpoints.repository.js';
import { noticeEndpointDisabled } from './owner-notice.js';
import { retryDelayMs } from './retry-schedule.js';
import type { WebhooksDeps } from './webhooks.deps.js';
import { dispatchJob } from './webhooks.jobs.js';

/** One sent attempt, waiting to be logged. */
export interface Outcome {
  claim: Claimed;
  result: AttemptOutcome;
  at: string;
}

/**
 * Logs a group of attempts in one transaction: a multi-row insert of the attempts, one
 * update per HTTP status for the successes, and per delivery for the failures (the retry,
 * or the dead letter). A failure schedules a dispatcher run for its retry time; an
 * endpoint with no success in the group starts or extends its failing streak.
 */
export async function recordOutcomes(deps: WebhooksDeps, outcomes: Outcome[]): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    await dr.insertAttempts(trx, outcomes.map(attemptRow));
    const ok = outcomes.filter((o) => o.result.ok);
    const byStatus = new Map<number | null, string[]>();
    for (const o of ok) {
      const ids = byStatus.get(o.result.status) ?? [];
      ids.push(o.claim.delivery.id);
      byStatus.set(o.result.status, ids);
    }
    const at = deps.clock.now().toISOString();
    for (const [status, ids] of byStatus) await dr.closeSucceeded(trx, ids, status, at);
    const healthy = new Map(ok.map((o) => [o.claim.endpoint.id, o.claim.endpoint]));
    const failing = new Map<string, EndpointRow>();
    for (const o of outcomes) {
      if (o.result.ok) continue;
      await scheduleRetry(trx, deps, o);
      if (!healthy.has(o.claim.endpoint.id)) failing.set(o.claim.endpoint.id, o.claim.endpoint);
    }
    for (const endpoint of healthy.values())
      if (endpoint.failing_since) await updateEndpoint(trx, endpoint.id, { failing_since: null });
    for (const endpoint of failing.values()) await recordFailure(trx, deps, endpoint);
  });
}

function attemptRow(o: Outcome): d.AttemptRow {
  return {
    id: newId(),
    delivery_id: o.claim.delivery.id,
    attempt: o.claim.delivery.attempts + 1,
    request_headers: encodeJson(o.result.headers),
    response_status: o.result.status,
    response_excerpt: o.result.excerpt,
    error: o.result.error,
    duration_ms: o.result.durationMs,
    created_at: o.at,
  };
}

/** The next attempt after the schedule's delay, or the dead letter after the last one. */
async function scheduleRetry(trx: Trx, deps: WebhooksDeps, o: Outcome): Promise<void> {
  const { delivery } = o.claim;
  const attempt = delivery.attempts + 1;
  const last = { attempts: attempt, last_status: o.result.status, last_error: o.result.error };
  const delay = retryDelayMs(deps.settings.retry, attempt);
  const now = deps.clock.now();
  if (delay === null) {
    await d.moveDelivery(trx, delivery.id, ['sending'], {
      ...last,
      status: 'dead',
      completed_at: now.toISOString(),
    });
    return;
  }
  const runAt = new Date(now.getTime() + delay);
  await d.moveDelivery(trx, delivery.id, ['sending'], {
    ...last,
    status: 'retrying',
    next_attempt_at: runAt.toISOString(),
  });
  await deps.jobs.enqueue(trx, dispatchJob, {}, { runAt, idempotencyKey: `retry:${delivery.id}:${attempt}` });
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
    payload: { team_id: endpoint.team_id, failing_since: since },
  });
  await noticeEndpointDisabled(trx, deps.ctx, { ...endpoint, failing_since: since });
}
