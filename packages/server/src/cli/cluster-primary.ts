import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { modules } from '../modules/index.js';
import { createContext } from '../platform/app-context.js';
import { prepareInstallation } from '../platform/boot.js';
import { serveClusterMetrics } from '../platform/cluster-metrics.js';
import { relayRealtimeInCluster } from '../platform/realtime/realtime-bus.js';
import type { CliIo } from './cli-io.js';

const maxRestartsPerMinute = 5;

/**
 * The primary of `serve --workers N`: prepares the installation once, forks the workers,
 * replaces a worker that dies (with backoff, giving up when workers keep dying at start-up),
 * and on SIGTERM/SIGINT asks each worker to drain, exiting with 0 only if all of them did.
 */
export async function runClusterPrimary(
  config: Config,
  workers: number,
  port: number,
  io: CliIo,
): Promise<number> {
  const ctx = createContext(config, {}, modules);
  await prepareInstallation(ctx, io.stdout);
  await ctx.database.destroy();
  const restarts: number[] = [];
  let stopping = false;
  let worstExit = 0;
  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) {
      // A worker still starting has no signal handler yet and dies by SIGTERM: nothing was in flight.
      worstExit = Math.max(worstExit, code ?? (signal === 'SIGTERM' ? 0 : 1));
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(worstExit);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && (restarts[0] as number) < now - 60_000) restarts.shift();
    if (restarts.length > maxRestartsPerMinute) {
      ctx.logger.error({ pid: worker.process.pid, code }, 'workers keep dying; giving up');
      process.exit(1);
    }
    ctx.logger.warn({ pid: worker.process.pid, code }, 'worker exited, starting a new one');
    setTimeout(() => cluster.fork(), 200 * restarts.length).unref();
  });
  serveClusterMetrics();
  relayRealtimeInCluster();
  for (let i = 0; i < workers; i += 1) cluster.fork();
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), config.http.shutdownGraceMs + 1000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  ctx.logger.info({ workers, port }, 'cluster started');
  return -1;
}
