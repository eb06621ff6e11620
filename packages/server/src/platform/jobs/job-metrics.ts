import { sql } from 'kysely';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Db } from '../db/schema.js';

/** The job runtime's Prometheus series. Depth is read from the database at scrape time. */
export interface JobMetrics {
  lag: Histogram<'queue'>;
  runTime: Histogram<'job'>;
  failures: Counter<'job' | 'outcome'>;
  deadLetters: Counter<'job'>;
  enqueued: Counter<'job'>;
}

const cache = new WeakMap<Registry, JobMetrics>();

/** One set per registry (several runtimes in one test process share nothing but may share a registry). */
export function jobMetrics(registry: Registry, db: Db): JobMetrics {
  const existing = cache.get(registry);
  if (existing) return existing;
  const registers = [registry];
  const metrics: JobMetrics = {
    lag: new Histogram({
      name: 'signx_job_start_lag_seconds',
      help: 'Time from a job being due (enqueue or run-at) to its start',
      labelNames: ['queue'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5, 30, 120],
      registers,
    }),
    runTime: new Histogram({
      name: 'signx_job_run_seconds',
      help: 'Handler run time per job name',
      labelNames: ['job'] as const,
      buckets: [0.001, 0.01, 0.1, 0.5, 1, 5, 30, 120, 600],
      registers,
    }),
    failures: new Counter({
      name: 'signx_job_failures_total',
      help: 'Failed job attempts by outcome (failed, timeout, lease_lost)',
      labelNames: ['job', 'outcome'] as const,
      registers,
    }),
    deadLetters: new Counter({
      name: 'signx_job_dead_letters_total',
      help: 'Jobs moved to the dead letters',
      labelNames: ['job'] as const,
      registers,
    }),
    enqueued: new Counter({
      name: 'signx_jobs_enqueued_total',
      help: 'Jobs enqueued',
      labelNames: ['job'] as const,
      registers,
    }),
  };
  new Gauge({
    name: 'signx_job_queue_depth',
    help: 'Jobs per queue and state (queued includes delayed)',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      const rows = await db
        .selectFrom('jobs')
        .select(['queue', 'state', sql<number>`count(*)`.as('n')])
        .where('state', 'in', ['queued', 'running', 'dead'])
        .groupBy(['queue', 'state'])
        .execute()
        .catch(() => []);
      for (const row of rows) this.set({ queue: row.queue, state: row.state }, Number(row.n));
    },
  });
  cache.set(registry, metrics);
  return metrics;
}
