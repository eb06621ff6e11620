import { AggregatorRegistry, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestHistogram } from './request-histogram.js';

const buckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const name = 'signx_http_request_duration_seconds';
const help = 'HTTP request latency by route pattern';

/** The same observations through prom-client's Histogram and through RequestHistogram. */
function both() {
  const promRegistry = new Registry();
  const ours = new Registry();
  const prom = new Histogram({
    name,
    help,
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets,
    registers: [promRegistry],
  });
  const histogram = new RequestHistogram({ name, help, buckets, registers: [ours] });
  const observe = (method: string, route: string, status: number, seconds: number) => {
    prom.observe({ method, route, status_code: String(status) }, seconds);
    histogram.observe(method, route, status, seconds);
  };
  return { promRegistry, ours, prom, histogram, observe };
}

const observations: [string, string, number, number][] = [
  ['GET', '/health', 200, 0.0004],
  ['GET', '/api/v1/users', 200, 0.003],
  ['GET', '/health', 200, 0.001], // on a bound: counted in that bucket (le)
  ['POST', '/api/v1/users', 201, 0.02],
  ['GET', '/api/v1/users', 403, 0.0071],
  ['GET', '/api/v1/users', 200, 12], // above the last bound: +Inf only
  ['GET', 'unmatched', 404, 0.2],
  ['GET', '/health', 200, 0.07],
];

describe('RequestHistogram', () => {
  it("exports exactly what prom-client's histogram exports for the same observations", async () => {
    const { promRegistry, ours, prom, histogram, observe } = both();
    for (const o of observations) observe(...o);
    expect(await ours.metrics()).toBe(await promRegistry.metrics());
    expect(await histogram.get()).toEqual(await prom.get());
    expect(await ours.getMetricsAsJSON()).toEqual(await promRegistry.getMetricsAsJSON());
    // The figures are really there: 3 /health 200s, one of them at the 1 ms bound.
    const text = await ours.metrics();
    expect(text).toContain(`${name}_count{method="GET",route="/health",status_code="200"} 3`);
    expect(text).toContain(`${name}_bucket{le="0.001",method="GET",route="/health",status_code="200"} 2`);
    expect(text).toContain(`${name}_bucket{le="10",method="GET",route="/api/v1/users",status_code="200"} 1`);
    expect(text).toContain(
      `${name}_bucket{le="+Inf",method="GET",route="/api/v1/users",status_code="200"} 2`,
    );
  });

  it('sums across processes as the cluster aggregation does for prom-client histograms', async () => {
    const first = both();
    const second = both();
    for (const o of observations) first.observe(...o);
    for (const o of observations.slice(2)) second.observe(...o);
    const aggregate = async (registries: Registry[]) =>
      (
        await AggregatorRegistry.aggregate(await Promise.all(registries.map((r) => r.getMetricsAsJSON())))
      ).metrics();
    expect(await aggregate([first.ours, second.ours])).toBe(
      await aggregate([first.promRegistry, second.promRegistry]),
    );
  });

  it('starts empty again after reset', async () => {
    const { ours, promRegistry, observe } = both();
    for (const o of observations) observe(...o);
    ours.resetMetrics();
    promRegistry.resetMetrics();
    expect(await ours.metrics()).toBe(await promRegistry.metrics());
    expect(await ours.metrics()).not.toContain('_count{');
  });
});
