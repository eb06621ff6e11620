import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { shareRegistryWithPrimary } from './cluster-metrics.js';
import { RequestHistogram } from './request-histogram.js';

/** The Prometheus registry of one process, with process metrics and request latency. */
export interface Metrics {
  registry: Registry;
  httpDuration: RequestHistogram;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'signx_' });
  const httpDuration = new RequestHistogram({
    name: 'signx_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  shareRegistryWithPrimary(registry);
  return { registry, httpDuration };
}

/** Observes every response by route pattern (never the raw URL, which would explode labels). */
export function installRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
}
