import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  tokenFor,
} from '../../../test/identity-fixtures.js';
import { histogramQuantile, parsePrometheusText } from './prometheus-text.js';

describe('Prometheus text and histogram quantiles', () => {
  it('parses samples with escaped label values and skips comments and other metrics', () => {
    const text = [
      '# HELP x_seconds help',
      'x_seconds_bucket{le="0.1",route="/a \\"q\\""} 3',
      'x_seconds_count{route="/a"} 4',
      'other_total 9',
    ].join('\n');
    const samples = parsePrometheusText(text, (name) => name.startsWith('x_'));
    expect(samples).toEqual([
      { name: 'x_seconds_bucket', labels: { le: '0.1', route: '/a "q"' }, value: 3 },
      { name: 'x_seconds_count', labels: { route: '/a' }, value: 4 },
    ]);
  });

  it('interpolates inside the bucket that holds the rank, like histogram_quantile', () => {
    const buckets = new Map([
      [0.1, 50],
      [0.2, 90],
      [1, 100],
      [Number.POSITIVE_INFINITY, 100],
    ]);
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1);
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.15);
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.6);
    expect(histogramQuantile(0.5, new Map([[Number.POSITIVE_INFINITY, 0]]))).toBeNull();
  });
});

describe('GET /api/v1/monitor/overview', () => {
  let t: IdentityTestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    await createUserWith(t.app, { username: 'plain' });
    admin = await tokenFor(t.app, 'root');
  });
  afterAll(() => t.close());

  it('reports API latency percentiles and error rates from the request metrics', async () => {
    for (let i = 0; i < 5; i += 1)
      await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(admin) });
    await t.app.inject({ method: 'GET', url: '/api/v1/users/not-a-uuid', headers: bearer(admin) });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/monitor/overview',
      headers: bearer(admin),
    });
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json().data;
    expect(data.requests).toBeGreaterThanOrEqual(7);
    expect(data.latency_ms.p50).toBeGreaterThan(0);
    expect(data.latency_ms.p99).toBeGreaterThanOrEqual(data.latency_ms.p50);
    expect(data.client_error_rate).toBeGreaterThan(0);
    expect(data.server_error_rate).toBe(0);
    expect(data.jobs).toMatchObject({ succeeded: expect.any(Number), dead: expect.any(Number) });
  });

  it('refuses a user without monitor.dashboard.read', async () => {
    const plain = await tokenFor(t.app, 'plain');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/monitor/overview',
      headers: bearer(plain),
    });
    expect(response.statusCode).toBe(403);
  });
});
