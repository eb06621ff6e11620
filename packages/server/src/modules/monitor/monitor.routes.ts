import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { envelope, errorResponses, ok } from '../../platform/http/envelope.js';
import { definePermissions } from '../identity/index.js';
import { systemOverview } from './monitor.service.js';

export const monitorPermissions = definePermissions('monitor', {
  'monitor.dashboard.read': 'See the system dashboard (latency, error rates, job success)',
});

const nullableMs = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });
const overview = Type.Object({
  requests: Type.Integer({ description: 'API requests answered since the server (or cluster) started' }),
  latency_ms: Type.Object({
    p50: nullableMs('Median API response time in ms (null: no requests yet)'),
    p95: nullableMs('95th percentile in ms'),
    p99: nullableMs('99th percentile in ms'),
  }),
  server_error_rate: Type.Number({ description: 'Share of API responses with a 5xx status (0–1)' }),
  client_error_rate: Type.Number({ description: 'Share of API responses with a 4xx status (0–1)' }),
  jobs: Type.Object({
    succeeded: Type.Integer({ description: 'Jobs that succeeded (within the retention window)' }),
    dead: Type.Integer({ description: 'Jobs in the dead letters' }),
    success_rate: Type.Union([Type.Number(), Type.Null()], { description: 'succeeded / (succeeded + dead)' }),
  }),
  uptime_seconds: Type.Integer({ description: 'Uptime of the answering process' }),
  memory_rss_bytes: Type.Integer({ description: 'Resident memory of the answering process' }),
});

/** GET /monitor/overview: the figures of the system dashboard. */
export async function monitorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/monitor/overview',
    {
      config: { access: { permission: monitorPermissions['monitor.dashboard.read'] } },
      schema: {
        tags: ['monitor'],
        summary: 'System dashboard figures',
        description: 'API latency percentiles and error rates (from /metrics), job success rate.',
        response: { 200: envelope(overview), ...errorResponses(401, 403) },
      },
    },
    async () => ok(await systemOverview(ctx)),
  );
}
