import type { RetryPolicy } from './job-definition.js';

/**
 * Delay before attempt `nextAttempt` (2 = first retry). Exponential doubles from delayMs;
 * both kinds are capped at maxDelayMs. Jitter ("equal jitter") keeps at least half the
 * delay, so retries still back off while many failing jobs spread out instead of
 * hammering a recovering service together.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  nextAttempt: number,
  random: () => number = Math.random,
): number {
  const step = Math.max(0, nextAttempt - 2);
  const base = policy.backoff === 'exponential' ? policy.delayMs * 2 ** step : policy.delayMs;
  const capped = Math.min(base, policy.maxDelayMs ?? Number.POSITIVE_INFINITY);
  if (!policy.jitter) return Math.round(capped);
  const half = capped / 2;
  return Math.round(half + random() * half);
}

/** When a failed attempt runs again, or null when it was the last one. */
export function nextRunAt(
  policy: RetryPolicy,
  attemptsMade: number,
  maxAttempts: number,
  now: Date,
  random?: () => number,
): Date | null {
  if (attemptsMade >= maxAttempts) return null;
  return new Date(now.getTime() + retryDelayMs(policy, attemptsMade + 1, random));
}
