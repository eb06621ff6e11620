import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { modules as allModules } from './modules/index.js';
import { type AppContext, type ContextOverrides, createContext } from './platform/app-context.js';
import { installAccessControl } from './platform/http/access.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { installIdempotency } from './platform/http/idempotency.js';
import { trackInFlight } from './platform/http/in-flight.js';
import { installJsonBodyParser } from './platform/http/json-body.js';
import { installOpenApi } from './platform/http/openapi.js';
import { opsRoutes } from './platform/http/ops.routes.js';
import { requestIdFor } from './platform/http/request-id.js';
import { installResponseHeaders } from './platform/http/response-headers.js';
import { installSecurity } from './platform/http/security.js';
import { validatorCompiler } from './platform/http/validation.js';
import { installWebApp } from './platform/http/web-app.js';
import { type Logger, requestChildLogger } from './platform/logger.js';
import { closeMailer, sendMailJob } from './platform/mail/mail.jobs.js';
import { installRequestMetrics } from './platform/metrics.js';
import type { ModuleDefinition } from './platform/module.js';
import { trustRoutes } from './platform/trust/trust.routes.js';

export interface BuildOptions extends ContextOverrides {
  /** The modules to mount (default: all of SignX); tests add their own. */
  modules?: ModuleDefinition[];
  /** The built web app's directory (default: packages/web/dist). */
  webRoot?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The platform context the app was built with. */
    signx: AppContext;
  }
}

/**
 * Builds the HTTP application (no listen): platform hooks first, then every module's
 * routes under /api/v1. Closing the app closes the context's database.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { modules = allModules, webRoot, ...overrides } = options;
  const ctx = createContext(config, overrides, modules);
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    genReqId: requestIdFor,
    childLoggerFactory: (logger, bindings, options) =>
      requestChildLogger(logger as Logger, bindings, options) as FastifyBaseLogger,
    trustProxy: config.http.trustedProxies.length > 0 ? [...config.http.trustedProxies] : false,
    bodyLimit: config.http.bodyLimitBytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.decorate('signx', ctx);
  registerJobs(ctx, modules);
  app.setValidatorCompiler(validatorCompiler);
  installErrorHandler(app);
  installAccessControl(app, {
    publicBodyLimit: Math.min(config.http.publicBodyLimitBytes, config.http.bodyLimitBytes),
  });
  installJsonBodyParser(app, config.http.jsonMaxDepth);
  installResponseHeaders(app);
  installRequestMetrics(app, ctx.metrics);
  await installSecurity(app, config);
  await installOpenApi(app, config.appVersion, ctx.catalogues);
  installIdempotency(app, ctx.db, ctx.clock);
  for (const module of modules) await module.install?.(app, ctx);
  // After the modules' hooks (e.g. the request audit log), so it counts their onResponse work too.
  const inFlight = trackInFlight(app);
  await opsRoutes(app, ctx);
  await trustRoutes(app, ctx);
  await app.register(
    async (api) => {
      for (const module of modules) await module.routes?.(api, ctx);
    },
    { prefix: '/api/v1' },
  );
  await installWebApp(app, webRoot);
  app.addHook('onClose', async () => {
    await inFlight.drained(config.http.shutdownGraceMs);
    await ctx.jobs.stop(Math.floor(config.http.shutdownGraceMs * 0.8));
    for (const module of modules)
      await module
        .onShutdown?.(ctx)
        .catch((error: unknown) =>
          ctx.logger.error({ err: error, module: module.name }, 'module shutdown step failed'),
        );
    closeMailer(config);
    await ctx.converter.close();
    await ctx.realtime.close();
    ctx.trust.close();
    if (!overrides.database) await ctx.database.destroy();
  });
  return app;
}

/** Platform jobs plus every module's jobs and schedules; workers start only in `serve` (or a test's start()). */
export function registerJobs(ctx: AppContext, modules: ModuleDefinition[]): void {
  if (!ctx.jobs.definition(sendMailJob.name)) ctx.jobs.register(sendMailJob);
  for (const module of modules) {
    for (const job of module.jobs ?? []) ctx.jobs.register(job);
    for (const schedule of module.schedules ?? []) ctx.jobs.registerSchedule(schedule);
  }
}
