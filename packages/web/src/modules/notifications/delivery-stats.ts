import type { Stats } from './notifications.api';

/** How the statistics page groups the server's rows. */
export type StatsGrouping = 'channel' | 'category' | 'template' | 'day';

/** One row of the statistics page: a channel, category, template or day over the chosen period. */
export interface StatsRow {
  key: string;
  sent: number;
  delivered: number;
  failed: number;
  suppressed: number;
  other: number;
  total: number;
  /** Sent and delivered over everything settled (sent, delivered, failed, dead); null when nothing settled. */
  successRate: number | null;
}

/**
 * Sums the server's per day × channel × template rows by one of those (or by category). `failed`
 * counts dead letters too (both are failures to the reader); `other` is what is still on
 * its way or waiting (queued, deferred, held…), so each row adds up to its total.
 */
export function summarize(rows: Stats, by: StatsGrouping): StatsRow[] {
  const sums = new Map<string, StatsRow>();
  for (const row of rows) {
    const key = row[by];
    const sum = sums.get(key) ?? {
      key,
      sent: 0,
      delivered: 0,
      failed: 0,
      suppressed: 0,
      other: 0,
      total: 0,
      successRate: null,
    };
    const count = (status: string) => row.counts[status] ?? 0;
    sum.sent += count('sent');
    sum.delivered += count('delivered');
    sum.failed += count('failed') + count('dead');
    sum.suppressed += count('suppressed');
    sum.total += row.total;
    sums.set(key, sum);
  }
  return (
    [...sums.values()]
      .map((s) => {
        const ok = s.sent + s.delivered;
        const settled = ok + s.failed;
        return {
          ...s,
          other: s.total - ok - s.failed - s.suppressed,
          successRate: settled === 0 ? null : ok / settled,
        };
      })
      // Days read in calendar order; everything else busiest first.
      .sort((a, b) =>
        by === 'day' ? a.key.localeCompare(b.key) : b.total - a.total || a.key.localeCompare(b.key),
      )
  );
}
