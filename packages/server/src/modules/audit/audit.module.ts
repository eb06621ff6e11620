import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { onContextCreated } from '../../platform/context-initializers.js';
import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { auditEventTypes, auditPermissions, auditTag } from './audit.catalogue.js';
import { auditDeps } from './audit.deps.js';
import { auditErrors } from './audit.errors.js';
import { auditRoutes } from './audit.routes.js';
import { AUDIT_CHAINS } from './chain/chain.types.js';
import { configureRecorder } from './chain/recorder.settings.js';
import { installRequestAudit } from './chain/request-audit.hook.js';
import { checkpointJob, checkpointSchedule } from './checkpoints/checkpoints.jobs.js';
import { checkpointAll } from './checkpoints/checkpoints.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Waits for request-audit writes still in flight (tests; shutdown does it itself). */
    flushRequestAudit(): Promise<void>;
  }
}

/**
 * Every AppContext (server, CLI commands, first-start hooks) gives the recorder its clock,
 * version and MAC secret for events written through its database, so events recorded
 * outside the HTTP app are authenticated like the server's (chain/recorder.settings.ts).
 */
onContextCreated((ctx) => configureRecorder(ctx.db, auditDeps(ctx).recorder));

/** Per app: the start checkpoint still running, so shutdown can wait for it and sign the last. */
const lifecycles = new WeakMap<AppContext, { shutdown(): Promise<void> }>();

/** The audit module: request audit, signed checkpoints (start, schedule, shutdown) and the review API. */
export const auditModule: ModuleDefinition = {
  name: 'audit',
  tags: [auditTag],
  permissions: auditPermissions,
  auditEvents: auditEventTypes,
  errors: auditErrors,
  jobs: [checkpointJob],
  install: async (app, ctx) => {
    const { flush } = installRequestAudit(app, ctx.db, ctx.logger);
    app.decorate('flushRequestAudit', flush);
    checkpointAtStartAndShutdown(app, ctx);
  },
  onStart: (ctx) => ctx.jobs.registerSchedule(checkpointSchedule(ctx.config.audit.checkpointIntervalSeconds)),
  onShutdown: async (ctx) => lifecycles.get(ctx)?.shutdown(),
  routes: async (api, ctx) => mountRoutes(api, auditTag, auditRoutes(ctx, auditDeps(ctx))),
};

/**
 * Signed checkpoints without waiting for the schedule: one at start (covering events made
 * since the last, e.g. by a server restarted before its first interval ended) and a last
 * one at graceful shutdown. The periodic one (with retention) is the job runtime's schedule
 * (checkpoints.jobs.ts), registered only by a process that runs jobs (`onStart`).
 */
function checkpointAtStartAndShutdown(app: FastifyInstance, ctx: AppContext): void {
  const deps = auditDeps(ctx);
  let running: Promise<unknown> | null = null;
  const runOnce = (moment: string) => {
    if (running) return running;
    running = checkpointAll(deps, AUDIT_CHAINS)
      .catch((error: unknown) => ctx.logger.error({ err: error, moment }, 'audit checkpoint failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  // In the background: verifying a long tail of new events must not delay readiness.
  app.addHook('onReady', async () => {
    void runOnce('start');
  });
  app.addHook('onClose', async () => {
    await running;
  });
  lifecycles.set(ctx, {
    shutdown: async () => {
      await running;
      await runOnce('shutdown');
    },
  });
}
