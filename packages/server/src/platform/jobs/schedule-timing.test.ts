import { describe, expect, it } from 'vitest';
import { planDueFires } from './schedule-timing.js';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe('planning due fires', () => {
  it('handles a per-second cron paused for a month without walking every missed second', () => {
    const everySecond = {
      kind: 'cron' as const,
      cron: '* * * * * *',
      interval_ms: null,
      time_zone: 'UTC',
      catch_up_window_ms: 5000,
    };
    const from = new Date('2026-01-01T00:00:00.000Z');
    const now = new Date('2026-02-01T00:00:00.500Z');
    const once = planDueFires({ ...everySecond, misfire: 'fire-once' }, from, now);
    const skip = planDueFires({ ...everySecond, misfire: 'skip' }, from, now);
    const catchUp = planDueFires({ ...everySecond, misfire: 'catch-up' }, from, now);
    expect(iso(once.next)).toBe('2026-02-01T00:00:01.000Z');
    expect(once.fires.map(iso)).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(skip.fires.map(iso)).toEqual(
      Array.from({ length: 10 }, (_, i) =>
        new Date(Date.parse('2026-01-31T23:59:51.000Z') + i * 1000).toISOString(),
      ),
    );
    expect(catchUp.fires).toHaveLength(10);
  });

  it('keeps a fixed-rate schedule in phase after an outage, and fires a rare cron once', () => {
    const rate = {
      kind: 'fixed-rate' as const,
      cron: null,
      interval_ms: 60_000,
      time_zone: 'UTC',
      catch_up_window_ms: 0,
    };
    const plan = planDueFires(
      { ...rate, misfire: 'skip' },
      new Date('2026-05-01T12:00:00.000Z'),
      new Date('2026-05-03T13:00:30.000Z'),
    );
    expect(plan.fires).toEqual([]);
    expect(iso(plan.next)).toBe('2026-05-03T13:01:00.000Z');
    const monthly = {
      kind: 'cron' as const,
      cron: '0 0 1 * *',
      interval_ms: null,
      time_zone: 'UTC',
      catch_up_window_ms: 0,
      misfire: 'fire-once' as const,
    };
    const missed = planDueFires(
      monthly,
      new Date('2026-03-01T00:00:00.000Z'),
      new Date('2026-03-20T00:00:00.000Z'),
    );
    expect(missed.fires.map(iso)).toEqual(['2026-03-01T00:00:00.000Z']);
    expect(iso(missed.next)).toBe('2026-04-01T00:00:00.000Z');
  });
});
