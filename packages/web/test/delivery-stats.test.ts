import { describe, expect, it } from 'vitest';
import { summarize } from '../src/modules/notifications/delivery-stats';
import type { Stats } from '../src/modules/notifications/notifications.api';

const row = (day: string, channel: string, template: string, counts: Record<string, number>) => ({
  day,
  channel,
  template,
  category: template.startsWith('auth') ? 'security' : 'workflow',
  counts,
  total: Object.values(counts).reduce((a, b) => a + b, 0),
});

const stats = [
  row('2026-12-05', 'email', 'auth.reset', { sent: 3, failed: 1 }),
  row('2026-12-06', 'email', 'flow.task', { delivered: 2, dead: 1, suppressed: 2 }),
  row('2026-12-04', 'sms', 'auth.reset', { delivered: 4, queued: 1 }),
] as unknown as Stats;

describe('delivery statistics grouping', () => {
  it('sums by template: dead letters count as failed, queued as pending, rows add up', () => {
    const rows = summarize(stats, 'template');
    expect(rows.map((r) => r.key)).toEqual(['auth.reset', 'flow.task']);
    const reset = rows[0];
    expect(reset).toMatchObject({ sent: 3, delivered: 4, failed: 1, suppressed: 0, other: 1, total: 9 });
    expect(reset?.successRate).toBeCloseTo(7 / 8);
    expect(rows[1]).toMatchObject({ delivered: 2, failed: 1, suppressed: 2, other: 0, total: 5 });
  });
  it('sums by day in calendar order, not by size', () => {
    expect(summarize(stats, 'day').map((r) => [r.key, r.total])).toEqual([
      ['2026-12-04', 5],
      ['2026-12-05', 4],
      ['2026-12-06', 5],
    ]);
  });
  it('has no success rate where nothing settled', () => {
    const onlySuppressed = [row('2026-12-06', 'inapp', 'flow.task', { suppressed: 2 })] as unknown as Stats;
    expect(summarize(onlySuppressed, 'channel')[0]?.successRate).toBeNull();
  });
});
