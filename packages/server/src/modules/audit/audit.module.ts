import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { onContextCreated } from '../../platform/context-initializers.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { configureAudit, MAC_PURPOSE } from './audit.config.js';
import { auditRoutes } from './audit.routes.js';
import { checkpointAll } from './audit-checkpoint.service.js';
import { auditDeps } from './audit-deps.js';
import { installRequestAudit } from './audit-http.hook.js';
import { archiveExpired } from './audit-retention.service.js';
import { AUDIT_CHAINS } from './audit-types.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Waits for request-audit writes still in flight (tests; shutdown does it itself). */
    flushRequestAudit(): Promise<void>;
  }
}

/**
 * Every AppContext (server, CLI commands, first-start hooks) configures the recorder with
 * its clock, version and MAC secret, so events recorded outside the HTTP app are
 * authenticated like the server's.
 */
onContextCreated((ctx) =>
  configureAudit({
    clock: ctx.clock,
    appVersion: ctx.config.appVersion,
    macKey: ctx.keyring.secret(MAC_PURPOSE),
  }),
);

/** The audit module: request audit, periodic checkpoints and the review API. */
export const auditModule: ModuleDefinition = {
  name: 'audit',
  install: async (app, ctx) => {
    const { flush } = installRequestAudit(app, ctx.db, ctx.logger);
    app.decorate('flushRequestAudit', flush);
    schedulePeriodicWork(app, ctx);
  },
  routes: auditRoutes,
};

/** Checkpoints (and retention) on a timer; each worker may run it, a repeat finds nothing new to sign. */
function schedulePeriodicWork(app: FastifyInstance, ctx: AppContext): void {
  const seconds = ctx.config.audit.checkpointIntervalSeconds;
  if (seconds <= 0) return;
  const deps = auditDeps(ctx);
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = checkpointAll(deps, AUDIT_CHAINS)
      .then(() => archiveExpired(deps))
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'audit checkpoint failed'))
      .finally(() => {
        running = null;
      });
  }, seconds * 1000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
