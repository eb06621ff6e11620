import cluster from 'node:cluster';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { closeGracefully, prepareInstallation } from '../platform/boot.js';
import { startBackgroundWork } from '../platform/module.js';
import { type CliIo, parseOptions } from './cli-io.js';
import { runClusterPrimary } from './cluster-primary.js';
import type { CommandContext } from './commands.js';
import { serveProblem } from './serve-preflight.js';

/**
 * `signx serve [--port N] [--workers N]`. With several workers the primary process
 * migrates and runs first-start hooks once, then forks N processes that share the port
 * (node:cluster); see cluster-primary.ts. SIGTERM/SIGINT drain in-flight requests and jobs.
 */
export async function run(args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  const { options } = parseOptions(args);
  const port = options.port === undefined ? config.http.port : Number(options.port);
  const workers = options.workers === undefined ? 1 : Number(options.workers);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(io, '--port must be 0–65535');
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    return usageError(io, '--workers must be 1–64');
  if (cluster.isPrimary) {
    const problem = await serveProblem(config, port);
    if (problem) {
      io.stderr(`signx: cannot start: ${problem}`);
      return 1;
    }
  }
  if (workers > 1 && cluster.isPrimary) return runClusterPrimary(config, workers, port, io);
  return serveOne(config, port, io, !cluster.isWorker);
}

function usageError(io: CliIo, message: string): number {
  io.stderr(message);
  return 2;
}

/** One serving process: listen first, then start background work; a failed start exits 1. */
async function serveOne(config: Config, port: number, io: CliIo, prepare: boolean): Promise<number> {
  const app = await buildApp(config);
  try {
    if (prepare) await prepareInstallation(app.signx, io.stdout);
    await app.listen({ host: config.http.host, port });
    await startBackgroundWork(app.signx);
    // Warm LibreOffice in the background so the first conversion does not pay its start-up;
    // a server without LibreOffice still serves everything else.
    app.signx.converter
      .warm()
      .catch((error: unknown) => app.signx.logger.warn({ err: error }, 'office conversion unavailable'));
  } catch (error) {
    io.stderr(`signx: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    await app.close().catch(() => undefined);
    return 1;
  }
  const stop = closeGracefully(app, config.http.shutdownGraceMs, (code) => process.exit(code));
  process.on('SIGTERM', stop);
  // In a cluster the primary coordinates Ctrl-C: it sends SIGTERM to each worker.
  process.on('SIGINT', cluster.isWorker ? () => undefined : stop);
  return -1;
}
