import { describe, expect, it } from 'vitest';
import { nextRunAt, retryDelayMs } from './job-retry.policy.js';

describe('retry policy', () => {
  const exponential = { attempts: 6, backoff: 'exponential' as const, delayMs: 1000, maxDelayMs: 5000 };

  it('doubles exponential delays up to the maximum', () => {
    expect([2, 3, 4, 5, 6].map((attempt) => retryDelayMs(exponential, attempt))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
    expect([2, 3, 4].map((attempt) => retryDelayMs({ ...exponential, backoff: 'fixed' }, attempt))).toEqual([
      1000, 1000, 1000,
    ]);
  });

  it('jitters between half and all of the delay', () => {
    const jittered = { ...exponential, jitter: true };
    expect(retryDelayMs(jittered, 3, () => 0)).toBe(1000);
    expect(retryDelayMs(jittered, 3, () => 0.5)).toBe(1500);
    expect(retryDelayMs(jittered, 3, () => 1)).toBe(2000);
    expect(retryDelayMs(jittered, 6, () => 1)).toBe(5000);
  });

  it('gives no next run after the last attempt', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    expect(nextRunAt(exponential, 1, 3, now)?.toISOString()).toBe('2026-01-01T00:00:01.000Z');
    expect(nextRunAt(exponential, 3, 3, now)).toBeNull();
  });
});
