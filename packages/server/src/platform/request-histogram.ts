import type { Registry } from 'prom-client';

/** One label set's tallies: per-bucket counts (not cumulative), sum and count. */
interface Series {
  labels: { method: string; route: string; status_code: string };
  counts: number[];
  sum: number;
  count: number;
}

interface ValuePair {
  labels: Record<string, string | number>;
  sharedLabels: Record<string, string>;
  value: number;
  metricName: string;
  exemplar: null | undefined;
}

/**
 * The request-latency histogram, recorded on every response. prom-client's `Histogram.observe`
 * builds a labels object, validates it, hashes it into a string key and looks a bucket up by
 * its float bound turned into a property name, on every request (about a twentieth of
 * `/health`'s CPU). This one keeps a series per (route, method, status) in nested maps, so an
 * observation is three map reads, a bucket scan and two additions, and builds what
 * prom-client's histogram exports (same `get()` values, same text) only when scraped. It
 * registers in a prom-client `Registry` like any metric, so `/metrics`, the cluster
 * aggregation (`aggregator: 'sum'`) and the monitor's parsing see no difference.
 */
export class RequestHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  private readonly bounds: readonly number[];
  private series = new Map<string, Map<string, Map<number, Series>>>();
  /** The series in the order first seen (prom-client's export order). */
  private ordered: Series[] = [];

  constructor(options: { name: string; help: string; buckets: readonly number[]; registers: Registry[] }) {
    this.name = options.name;
    this.help = options.help;
    this.bounds = Object.freeze([...options.buckets].sort((a, b) => a - b));
    for (const registry of options.registers)
      registry.registerMetric(this as unknown as Parameters<Registry['registerMetric']>[0]);
  }

  /** Counts one response of `route` (the route pattern, never a raw URL) taking `seconds`. */
  observe(method: string, route: string, status: number, seconds: number): void {
    let byMethod = this.series.get(route);
    if (!byMethod) {
      byMethod = new Map();
      this.series.set(route, byMethod);
    }
    let byStatus = byMethod.get(method);
    if (!byStatus) {
      byStatus = new Map();
      byMethod.set(method, byStatus);
    }
    let series = byStatus.get(status);
    if (!series) {
      series = {
        labels: { method, route, status_code: String(status) },
        counts: this.bounds.map(() => 0),
        sum: 0,
        count: 0,
      };
      byStatus.set(status, series);
      this.ordered.push(series);
    }
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i += 1) {
      if (seconds <= (bounds[i] as number)) {
        (series.counts[i] as number) += 1;
        break;
      }
    }
    series.sum += seconds;
    series.count += 1;
  }

  reset(): void {
    this.series = new Map();
    this.ordered = [];
  }

  /** As prom-client's histogram: bucket, +Inf, sum and count lines per series, labels apart. */
  async getForPromString() {
    const values: ValuePair[] = [];
    const bucket = `${this.name}_bucket`;
    for (const s of this.ordered) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += s.counts[i] as number;
        values.push(pair({ le }, cumulative, bucket, null, s.labels));
      });
      values.push(
        pair({ le: '+Inf' }, s.count, bucket, null, s.labels),
        pair({}, s.sum, `${this.name}_sum`, undefined, s.labels),
        pair({}, s.count, `${this.name}_count`, undefined, s.labels),
      );
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  async get() {
    const data = await this.getForPromString();
    return {
      ...data,
      values: data.values.map(({ sharedLabels, labels, ...rest }) => ({
        ...rest,
        labels: { ...labels, ...sharedLabels },
      })),
    };
  }
}

function pair(
  labels: ValuePair['labels'],
  value: number,
  metricName: string,
  exemplar: null | undefined,
  sharedLabels: Series['labels'],
): ValuePair {
  return { labels, sharedLabels, value, metricName, exemplar };
}
