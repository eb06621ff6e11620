import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { onContextCreated } from '../../platform/context-initializers.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { configureAudit, MAC_PURPOSE } from './audit.config.js';
import { auditDeps } from './audit.deps.js';
import { auditRoutes } from './audit.routes.js';
import { AUDIT_CHAINS } from './chain/chain.types.js';
import { installRequestAudit } from './chain/request-audit.hook.js';
import { checkpointAll } from './checkpoints/checkpoints.service.js';
import { archiveExpired } from './retention/retention.service.js';

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

/** Per app: the automatic checkpoints, so shutdown can wait for a running one and sign the last. */
const lifecycles = new WeakMap<AppContext, { shutdown(): Promise<void> }>();

/** The audit module: request audit, automatic checkpoints and the review API. */
export const auditModule: ModuleDefinition = {
  name: 'audit',
  install: async (app, ctx) => {
    const { flush } = installRequestAudit(app, ctx.db, ctx.logger);
    app.decorate('flushRequestAudit', flush);
    scheduleCheckpoints(app, ctx);
  },
  onShutdown: async (ctx) => lifecycles.get(ctx)?.shutdown(),
  routes: auditRoutes,
};

/**
 * Signed checkpoints without waiting for the interval: one at start (covering events made
 * since the last, e.g. by a server restarted before its first interval ended), one every
 * AUDIT_CHECKPOINT_INTERVAL_SECONDS (with retention), and a last one at graceful shutdown.
 * Each worker may run them; a repeat finds nothing new to sign. 0 turns them all off.
 */
function scheduleCheckpoints(app: FastifyInstance, ctx: AppContext): void {
  const seconds = ctx.config.audit.checkpointIntervalSeconds;
  if (seconds <= 0) return;
  const deps = auditDeps(ctx);
  let running: Promise<unknown> | null = null;
  const runOnce = (moment: string, work: () => Promise<unknown>) => {
    if (running) return running;
    running = work()
      .catch((error: unknown) => ctx.logger.error({ err: error, moment }, 'audit checkpoint failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const checkpoint = () => checkpointAll(deps, AUDIT_CHAINS);
  // In the background: verifying a long tail of new events must not delay readiness.
  app.addHook('onReady', async () => {
    void runOnce('start', checkpoint);
  });
  const timer = setInterval(() => {
    void runOnce('interval', () => checkpoint().then(() => archiveExpired(deps)));
  }, seconds * 1000);
  timer.unref();
  const stop = async () => {
    clearInterval(timer);
    await running;
  };
  lifecycles.set(ctx, {
    shutdown: async () => {
      await stop();
      await runOnce('shutdown', checkpoint);
    },
  });
  app.addHook('onClose', stop);
}
