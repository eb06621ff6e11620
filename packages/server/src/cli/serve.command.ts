import cluster from 'node:cluster';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { createContext } from '../platform/app-context.js';
import { closeGracefully, prepareInstallation } from '../platform/boot.js';
import { type CliIo, parseOptions } from './cli-io.js';
import type { CommandContext } from './commands.js';

/**
 * `signx serve [--port N] [--workers N]`. With several workers the primary process
 * migrates and runs first-start hooks once, then forks N processes that share the port
 * (node:cluster) and replaces any that die; SIGTERM/SIGINT drain every worker.
 */
export async function run(args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  const { options } = parseOptions(args);
  const port = options.port === undefined ? config.http.port : Number(options.port);
  const workers = options.workers === undefined ? 1 : Number(options.workers);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(io, '--port must be 0–65535');
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    return usageError(io, '--workers must be 1–64');
  if (workers > 1 && cluster.isPrimary) return runPrimary(config, workers, io);
  await serveOne(config, port, io, !cluster.isWorker);
  return -1;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(message);
  return 2;
}

async function serveOne(config: Config, port: number, io: CliIo, prepare: boolean): Promise<void> {
  const app = await buildApp(config);
  if (prepare) await prepareInstallation(app.signx, io.stdout);
  const stop = closeGracefully(app, config.http.shutdownGraceMs, (code) => process.exit(code));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await app.listen({ host: config.http.host, port });
}

async function runPrimary(config: Config, workers: number, io: CliIo): Promise<number> {
  const ctx = createContext(config);
  await prepareInstallation(ctx, io.stdout);
  await ctx.database.destroy();
  let stopping = false;
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    ctx.logger.warn({ pid: worker.process.pid, code }, 'worker exited, starting a new one');
    cluster.fork();
  });
  for (let i = 0; i < workers; i += 1) cluster.fork();
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    const deadline = setTimeout(() => process.exit(1), config.http.shutdownGraceMs + 1000);
    deadline.unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  ctx.logger.info({ workers, port: config.http.port }, 'cluster started');
  return -1;
}
