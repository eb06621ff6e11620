import { microBatch } from '../../platform/jobs/micro-batch.js';
import { type Claimed, claimDue, fanOutPending } from './delivery.service.js';
import { type Outcome, recordOutcomes } from './delivery-outcomes.js';
import { sendAttempt } from './delivery-send.js';
import { liveSecrets } from './endpoints.service.js';
import type { WebhooksDeps } from './webhooks.deps.js';
import { dispatchJob } from './webhooks.jobs.js';

/** How a dispatcher run ended: `budget` means work may be left (the caller enqueues a follow-up). */
export type DispatchEnd = 'idle' | 'budget' | 'aborted';

/**
 * One run of the webhook dispatcher (the `webhooks.dispatch` job). It keeps up to
 * `settings.dispatch.window` deliveries in flight (at most `perEndpoint` per endpoint, so
 * one slow receiver cannot take every slot): each turn it fans out pending outbox events
 * and claims due lane heads in bulk, sends each claimed delivery through the outbound
 * client, and logs the attempts in group commits. A slot is freed only once its attempt is
 * committed, so the lane's next delivery is claimable exactly when the previous one closed.
 * It ends when nothing is in flight and nothing was found, when the signal aborts, or after
 * `budgetMs` (then with `budget`).
 */
export async function dispatch(deps: WebhooksDeps, signal: AbortSignal): Promise<DispatchEnd> {
  const { window, perEndpoint, batch, budgetMs, tickMs } = deps.settings.dispatch;
  const inFlight = new Map<string, Promise<void>>();
  const perEndpointUsed = new Map<string, number>();
  const record = microBatch<Outcome, true>(
    async (outcomes) => {
      await recordOutcomes(deps, outcomes);
      return new Map(outcomes.map((o) => [o, true as const]));
    },
    true,
    200,
  );
  const secrets = secretCache(deps);
  let failure: unknown;
  let wake: () => void = () => undefined;
  // slots freed since the last turn: a turn (two transactions, about six statements) waits for
  // a quarter of an endpoint's slots, or the tick, instead of running per group commit
  let freed = 0;
  const turnAfter = Math.max(1, Math.floor(perEndpoint / 4));
  const until = performance.now() + budgetMs;

  const launch = (claim: Claimed) => {
    const endpointId = claim.endpoint.id;
    perEndpointUsed.set(endpointId, (perEndpointUsed.get(endpointId) ?? 0) + 1);
    const done = send(deps, claim, secrets(claim))
      .then(record)
      .then(
        () => undefined,
        (error: unknown) => {
          failure ??= error;
        },
      )
      .finally(() => {
        inFlight.delete(claim.delivery.id);
        perEndpointUsed.set(endpointId, (perEndpointUsed.get(endpointId) ?? 1) - 1);
        freed += 1;
        wake();
      });
    inFlight.set(claim.delivery.id, done);
  };
  const mine = {
    capacity: (endpointId: string) => perEndpoint - (perEndpointUsed.get(endpointId) ?? 0),
    has: (deliveryId: string) => inFlight.has(deliveryId),
  };

  let end: DispatchEnd = 'idle';
  let staleAt: string | undefined;
  while (failure === undefined) {
    if (signal.aborted) end = 'aborted';
    else if (performance.now() > until) end = 'budget';
    let found = false;
    let full = false;
    freed = 0;
    if (end === 'idle') {
      const fanned = await fanOutPending(deps, batch);
      found = fanned > 0;
      full = fanned >= batch;
      const free = window - inFlight.size;
      if (free > 0) {
        const asked = Math.min(free, batch);
        const turn = await claimDue(deps, asked, mine);
        full ||= turn.claimed.length >= asked;
        const { claimed, closed } = turn;
        if (turn.staleAt && (!staleAt || turn.staleAt < staleAt)) staleAt = turn.staleAt;
        for (const claim of claimed) launch(claim);
        found ||= claimed.length + closed > 0;
      }
    }
    if (inFlight.size === 0) {
      if (end !== 'idle' || !found) break;
      continue;
    }
    // claim again at once only after a full turn (more is likely waiting); otherwise wait for
    // slots to free (group commits of attempts wake the loop: once a quarter of an endpoint's
    // slots, or all of them, are free, or on a failure) or the tick, so that each claim
    // transaction takes a batch instead of the few deliveries just finished
    if (full && inFlight.size < window / 2) continue;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, tickMs);
      wake = () => {
        if (freed < turnAfter && inFlight.size > 0 && failure === undefined) return;
        clearTimeout(timer);
        resolve();
      };
      wake();
    });
    wake = () => undefined;
  }
  await Promise.all(inFlight.values());
  if (failure !== undefined) throw failure;
  // a lane held by another sender's claim (a process killed mid-send, kill -9): run again when
  // that claim goes stale, instead of waiting for the minute sweep
  if (end === 'idle' && staleAt !== undefined)
    await deps.jobs.enqueue(
      deps.db,
      dispatchJob,
      {},
      { runAt: new Date(staleAt), idempotencyKey: `stale:${staleAt}` },
    );
  return end;
}

function send(deps: WebhooksDeps, claim: Claimed, secrets: string[]): Promise<Outcome> {
  const now = deps.clock.now();
  return sendAttempt(deps.outbound.post, claim.endpoint.url, claim.event, claim.delivery, secrets, {
    timeoutMs: deps.settings.timeoutMs,
    excerptChars: deps.settings.excerptChars,
    now,
  }).then((result) => ({ claim, result, at: deps.clock.now().toISOString() }));
}

/** Unseals an endpoint's live secrets once per run (not once per delivery). */
function secretCache(deps: WebhooksDeps): (claim: Claimed) => string[] {
  const known = new Map<string, string[]>();
  return ({ endpoint }) => {
    const key = `${endpoint.id}|${endpoint.secret}|${endpoint.previous_secret}|${endpoint.previous_secret_until}`;
    let secrets = known.get(key);
    if (!secrets) {
      secrets = liveSecrets(deps, endpoint, deps.clock.now());
      known.set(key, secrets);
    }
    return secrets;
  };
}
