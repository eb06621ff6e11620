import type { FastifyInstance } from 'fastify';
import { modules } from '../modules/index.js';
import type { AppContext } from './app-context.js';
import { migrateToLatest } from './db/migrator.js';
import { claimState } from './db/platform-state.js';

/**
 * Brings the database to the code's schema and runs the first-start hooks once per
 * installation. Several processes may race here: migrations are serialized by Kysely's
 * migration lock and the first-start claim by a unique row, so hooks run exactly once.
 */
export async function prepareInstallation(ctx: AppContext, output: (line: string) => void): Promise<void> {
  const applied = await migrateToLatest(ctx.db);
  if (applied.length > 0) ctx.logger.info({ migrations: applied }, 'database migrated');
  const isFirstStart = await claimState(ctx.db, 'initialized_at', ctx.clock.now().toISOString());
  if (!isFirstStart) return;
  for (const module of modules) {
    if (module.onFirstStart) await module.onFirstStart(ctx, output);
  }
}

/**
 * Stops accepting requests, lets in-flight ones finish (bounded by the grace period), then
 * closes the app (which closes the database). A second signal or the deadline forces exit.
 */
export function closeGracefully(
  app: FastifyInstance,
  graceMs: number,
  exit: (code: number) => void,
): () => void {
  let closing = false;
  return () => {
    if (closing) return exit(1);
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
    app.close().then(
      () => exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while closing');
        exit(1);
      },
    );
  };
}
