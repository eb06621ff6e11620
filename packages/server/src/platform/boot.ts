import type { FastifyInstance } from 'fastify';
import type { AppContext } from './app-context.js';
import { migrateToLatest } from './db/migrator.js';
import { claimState, readState } from './db/platform-state.js';
import type { ModuleDefinition } from './module.js';

/**
 * Brings the database to the code's schema and runs each module's first-start hook once
 * per installation. `modules` default to those the context was created for (the platform
 * never imports the module list; the app and CLI pass it in). A hook is marked done only
 * after it succeeded, so a failed first start (say, the administrator could not be
 * created) is retried at the next start. Hooks must be idempotent: separate hosts starting at once may both run one (within one host,
 * `serve --workers` prepares in the primary only).
 */
export async function prepareInstallation(
  ctx: AppContext,
  output: (line: string) => void,
  modules: readonly ModuleDefinition[] = ctx.modules,
): Promise<void> {
  const applied = await migrateToLatest(ctx.db);
  if (applied.length > 0) ctx.logger.info({ migrations: applied }, 'database migrated');
  for (const module of modules) {
    if (!module.onFirstStart) continue;
    const key = `first_start:${module.name}`;
    if (await readState(ctx.db, key)) continue;
    await module.onFirstStart(ctx, output);
    await claimState(ctx.db, key, ctx.clock.now().toISOString());
  }
}

/**
 * Stops accepting requests, lets in-flight ones finish (bounded by the grace period), then
 * closes the app (which closes the database). Further calls while closing change nothing
 * (Ctrl-C reaches a whole process group, so one process may be told twice); the deadline
 * forces exit 1.
 */
export function closeGracefully(
  app: FastifyInstance,
  graceMs: number,
  exit: (code: number) => void,
): () => void {
  let closing = false;
  return () => {
    if (closing) return;
    closing = true;
    const deadline = setTimeout(() => {
      app.log.warn('shutdown grace period over, exiting');
      exit(1);
    }, graceMs);
    deadline.unref();
    // Keep-alive connections that finish their last request become idle after close()
    // began; close them as they do, so draining does not wait for keep-alive timeouts.
    const sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
    sweeper.unref();
    // Job workers stop claiming at once; running jobs get most of the grace period, and
    // app.close() (its onClose hook) waits for this same stop before closing the database.
    void app.signx.jobs.stop(Math.floor(graceMs * 0.8));
    app.close().then(
      () => exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while closing');
        exit(1);
      },
    );
  };
}
