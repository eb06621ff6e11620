import type { AppContext } from '../../platform/app-context.js';
import { metricsText } from '../../platform/cluster-metrics.js';
import { listQueues } from '../../platform/jobs/jobs-admin.repository.js';
import { histogramQuantile, parsePrometheusText, type Sample } from './prometheus-text.js';

const httpMetric = 'signx_http_request_duration_seconds';

/**
 * The system dashboard's figures (OPS seed §2.6), computed from what the server already
 * measures: API latency percentiles and error rates from the request histogram (API routes
 * only: the web app's static files would flatter them), job success from the job tables.
 */
export async function systemOverview(ctx: AppContext) {
  const samples = parsePrometheusText(await metricsText(ctx.metrics.registry), (name) =>
    name.startsWith(httpMetric),
  );
  const api = (s: Sample) => (s.labels.route ?? '').startsWith('/api/v1/');
  const buckets = new Map<number, number>();
  for (const s of samples.filter((x) => x.name === `${httpMetric}_bucket` && api(x))) {
    const bound = s.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(s.labels.le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + s.value);
  }
  const counts = samples.filter((x) => x.name === `${httpMetric}_count` && api(x));
  const total = sum(counts);
  const byClass = (prefix: string) =>
    sum(counts.filter((s) => (s.labels.status_code ?? '').startsWith(prefix)));
  const queues = await listQueues(ctx.db, ctx.jobs.queues());
  const succeeded = queues.reduce((n, q) => n + q.counts.succeeded, 0);
  const dead = queues.reduce((n, q) => n + q.counts.dead, 0);
  const ms = (q: number) => {
    const seconds = histogramQuantile(q, buckets);
    return seconds === null ? null : Math.round(seconds * 10_000) / 10;
  };
  return {
    requests: total,
    latency_ms: { p50: ms(0.5), p95: ms(0.95), p99: ms(0.99) },
    server_error_rate: total ? byClass('5') / total : 0,
    client_error_rate: total ? byClass('4') / total : 0,
    jobs: { succeeded, dead, success_rate: succeeded + dead ? succeeded / (succeeded + dead) : null },
    uptime_seconds: Math.round(process.uptime()),
    memory_rss_bytes: process.memoryUsage().rss,
  };
}

function sum(samples: Sample[]): number {
  return samples.reduce((n, s) => n + s.value, 0);
}
