/**
 * When a failed delivery is tried again: exponential from `baseMs` (×4 each time), capped at
 * `capMs`, each delay drawn between 75 % and 100 % of the computed one (jitter, so a
 * receiver that came back is not hit by every retry at once). The defaults give 12 attempts
 * over about three days: 10 s, 40 s, 2.7 min, 11 min, 43 min, 2.8 h, 11 h, then 12 h.
 */
export interface RetrySchedule {
  attempts: number;
  baseMs: number;
  capMs: number;
}

export const defaultRetrySchedule: RetrySchedule = { attempts: 12, baseMs: 10_000, capMs: 12 * 3600_000 };

/** The delay before attempt `failed + 1`, or null when `failed` attempts are all there are. */
export function retryDelayMs(schedule: RetrySchedule, failed: number, random = Math.random): number | null {
  if (failed >= schedule.attempts) return null;
  const computed = Math.min(schedule.baseMs * 4 ** (failed - 1), schedule.capMs);
  return Math.round(computed * (0.75 + 0.25 * random()));
}
