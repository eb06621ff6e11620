/** One sample of the Prometheus text format: metric name, labels, value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const line = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const label = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * Reads the exposition text /metrics serves (cluster-wide when several workers run), so
 * the dashboard sees exactly what Prometheus would scrape.
 */
export function parsePrometheusText(text: string, wanted: (name: string) => boolean): Sample[] {
  const samples: Sample[] = [];
  for (const row of text.split('\n')) {
    if (row.startsWith('#')) continue;
    const match = line.exec(row);
    if (!match?.[1] || !wanted(match[1])) continue;
    const labels: Record<string, string> = {};
    for (const l of (match[2] ?? '').matchAll(label)) labels[l[1]!] = l[2]!.replace(/\\(.)/g, '$1');
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/**
 * A quantile from cumulative histogram buckets (upper bound → count), interpolated
 * linearly inside the bucket as Prometheus' histogram_quantile does. Null without data.
 */
export function histogramQuantile(q: number, buckets: Map<number, number>): number | null {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Number.POSITIVE_INFINITY) ?? buckets.get(bounds[bounds.length - 1] ?? 0) ?? 0;
  if (total === 0) return null;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const bound of bounds) {
    const count = buckets.get(bound) ?? 0;
    if (count >= rank) {
      if (bound === Number.POSITIVE_INFINITY) return lowerBound;
      return lowerBound + (bound - lowerBound) * ((rank - lowerCount) / Math.max(count - lowerCount, 1e-9));
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound;
}
