import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { metricsText } from '../cluster-metrics.js';
import { pendingMigrations } from '../db/migrator.js';
import { createQueueProbe } from '../jobs/queue-probe.js';

const probe = {
  access: { public: true, reason: 'liveness/readiness probes and Prometheus scraping' },
} as const;
const check = Type.Object({ name: Type.String(), ok: Type.Boolean(), detail: Type.Optional(Type.String()) });

/**
 * Operational endpoints outside /api/v1: /health (the process answers), /ready (the
 * database answers and its migrations are current; storage is usable; with QUEUE_URL, the
 * job queue's Redis answers) and /metrics.
 */
export async function opsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const queueUrl = ctx.config.jobs.queueUrl;
  const queue = queueUrl ? createQueueProbe(queueUrl) : undefined;
  if (queue) app.addHook('onClose', () => queue.close());
  app.get(
    '/health',
    {
      // No rate limit: the answer is a constant, so a 429 would cost the server as much as
      // the answer it refuses (and limiting would fail load balancers' probes behind one
      // NAT address). Security headers and request ids still apply.
      config: { ...probe, rateLimit: false },
      schema: {
        summary: 'Liveness: the process answers',
        response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String() }) },
      },
    },
    async () => ({ status: 'ok' as const, version: ctx.config.appVersion }),
  );
  app.get(
    '/ready',
    {
      config: probe,
      schema: {
        summary: 'Readiness: database, storage and job queue answer',
        response: { '2xx': Type.Object({ status: Type.String(), checks: Type.Array(check) }) },
      },
    },
    async (_request, reply) => {
      const checks = await Promise.all([
        databaseCheck(ctx),
        storageCheck(ctx),
        ...(queue ? [queueCheck(queue)] : []),
      ]);
      const ready = checks.every((c) => c.ok);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
    },
  );
  app.get('/metrics', { config: probe, schema: { hide: true } }, async (_request, reply) =>
    reply.type(ctx.metrics.registry.contentType).send(await metricsText(ctx.metrics.registry)),
  );
}

async function databaseCheck(ctx: AppContext) {
  try {
    const pending = await pendingMigrations(ctx.db);
    return pending.length === 0
      ? { name: 'database', ok: true }
      : { name: 'database', ok: false, detail: `${pending.length} migration(s) pending` };
  } catch {
    return { name: 'database', ok: false, detail: 'database unreachable' };
  }
}

async function storageCheck(ctx: AppContext) {
  try {
    await ctx.storage.check();
    return { name: 'storage', ok: true };
  } catch {
    return { name: 'storage', ok: false, detail: 'storage unusable' };
  }
}

async function queueCheck(queue: ReturnType<typeof createQueueProbe>) {
  try {
    await queue.check();
    return { name: 'queue', ok: true };
  } catch {
    return { name: 'queue', ok: false, detail: 'job queue (Redis) unreachable' };
  }
}
