import type { Config } from '../config.js';
import { type AppContext, createContext } from '../platform/app-context.js';
import { isAppError } from '../platform/errors.js';
import type { ModuleDefinition } from '../platform/module.js';
import type { CliIo } from './cli-io.js';

/**
 * Runs a command's work on an app context over the configured database: a domain refusal
 * (an AppError, e.g. "only dead jobs can be retried") is printed and exits 1, anything else
 * is a bug and propagates; the context is closed however the work ends.
 */
export async function withAppContext(
  config: Config,
  io: CliIo,
  work: (ctx: AppContext) => Promise<number>,
  modules: readonly ModuleDefinition[] = [],
): Promise<number> {
  const ctx = createContext(config, {}, modules);
  try {
    return await work(ctx);
  } catch (error) {
    if (!isAppError(error)) throw error;
    io.stderr(error.message);
    return 1;
  } finally {
    await ctx.jobs.stop().catch(() => undefined);
    await ctx.database.destroy();
  }
}
