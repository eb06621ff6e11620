import type { DeliveryRow } from './deliveries.repository.js';

/** Attempts per delivery before it becomes a dead letter. */
export const maxAttempts = 6;

/**
 * When a failed attempt runs again: exponential from 30 s, capped at one hour, with "equal
 * jitter" (at least half the delay), and never before the provider's own block has passed
 * (an immediate retry into a DingTalk 130101 block makes the block last longer).
 */
export function retryDelayMs(
  attempt: number,
  providerWaitMs: number | undefined,
  random: () => number = Math.random,
): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  const jittered = base / 2 + (random() * base) / 2;
  return Math.round(Math.max(jittered, providerWaitMs ?? 0));
}

/** What the dispatcher writes when an attempt failed and no provider is left to try. */
export function afterFailure(
  row: Pick<DeliveryRow, 'attempts'>,
  failure: { transient: boolean; retryAfterMs?: number; message: string },
  now: Date,
): { status: 'failed' | 'dead' | 'queued'; next_attempt_at: string | null; last_error: string } {
  if (!failure.transient) return { status: 'failed', next_attempt_at: null, last_error: failure.message };
  if (row.attempts >= maxAttempts) {
    return {
      status: 'dead',
      next_attempt_at: null,
      last_error: `${failure.message} (gave up after ${row.attempts} attempts)`,
    };
  }
  const at = new Date(now.getTime() + retryDelayMs(row.attempts, failure.retryAfterMs));
  return { status: 'queued', next_attempt_at: at.toISOString(), last_error: failure.message };
}
