import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Registry } from 'prom-client';
import type { AppContext } from '../app-context.js';
import type { Clock } from '../db/clock.js';
import type { Database } from '../db/database.js';
import type { DbOrTrx, Trx } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { BullmqDispatch } from './bullmq-dispatch.js';
import { ensureAfterCommit } from './ensure-after-commit.js';
import type { EnqueueOptions, JobRuntime } from './index.js';
import type { JobDefinition } from './job-definition.js';
import { enqueueRow } from './job-enqueue.js';
import type { ExecutorEnv } from './job-executor.js';
import { jobMetrics } from './job-metrics.js';
import { RuntimeCore } from './job-runtime-core.js';
import { dueQueuedJob } from './jobs.repository.js';
import { LocalWorker } from './local-worker.js';
import { listenForJobs, notifyEnqueued } from './pg-job-notify.js';
import type { ScheduleDefinition } from './schedule-definition.js';

export interface JobRuntimeOptions {
  database: Database;
  clock: Clock;
  logger: Logger;
  registry: Registry;
  /** The app context handed to handlers (built after the runtime, hence a function). */
  context: () => AppContext;
  driver?: 'local' | 'bullmq';
  queueUrl?: string;
  /** Redis key prefix (bullmq driver); tests use a unique one. */
  redisPrefix?: string;
  /** bullmq: re-send a dispatched job still queued this long after its run time (default 30 s). */
  redispatchAfterMs?: number;
  /** PostgreSQL: connection string for LISTEN, so enqueues in other processes wake this one. */
  listenUrl?: string;
  concurrency?: number;
  /** Days succeeded/cancelled jobs are kept (default 14). */
  retentionDays?: number;
  leaseMs?: number;
  minPollMs?: number;
  maxPollMs?: number;
  housekeepingEveryMs?: number;
  random?: () => number;
}

/** The runtime plus what the admin API and the CLI need. */
export interface ManagedJobRuntime extends JobRuntime {
  readonly driver: 'local' | 'bullmq';
  registerSchedule(def: ScheduleDefinition): void;
  // biome-ignore lint/suspicious/noExplicitAny: definitions of any payload type
  definition(name: string): JobDefinition<any> | undefined;
  /** Queues of the registered job kinds. */
  queues(): string[];
  /** Enqueues a schedule's job now (admin "trigger"), whatever its overlap policy. */
  triggerSchedule(trx: Trx, scheduleId: string): Promise<string | null>;
  /** Something became runnable (admin retry, resume): look now instead of at the next poll. */
  notify(): void;
}

/**
 * Builds the job runtime. Both drivers keep the jobs table as the source of truth (state,
 * attempts, errors, dead letters); `bullmq` only replaces polling with Redis delivery, fed
 * by a relay from that table, so a job committed to the database is never lost.
 */
export function createJobRuntime(options: JobRuntimeOptions): ManagedJobRuntime {
  return new DatabaseJobRuntime(options);
}

class DatabaseJobRuntime extends RuntimeCore implements ManagedJobRuntime {
  readonly driver: 'local' | 'bullmq';
  private readonly local: LocalWorker;
  /** Loaded on first use: BullMQ costs ~0.2 s to import, which the local driver never pays. */
  private bull: BullmqDispatch | undefined;
  private started = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private listener: { close(): Promise<void> } | undefined;
  private stopping: Promise<void> | undefined;
  readonly ensureQueuedAfterCommit: JobRuntime['ensureQueuedAfterCommit'];

  constructor(private readonly options: JobRuntimeOptions) {
    const { db, dialect } = options.database;
    const env: ExecutorEnv = {
      db,
      clock: options.clock,
      worker: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
      context: options.context,
      logger: options.logger.child({ component: 'jobs' }),
      definitions: new Map(),
      metrics: jobMetrics(options.registry, db),
      random: options.random ?? Math.random,
    };
    super(env, dialect, options.retentionDays);
    this.driver = options.driver ?? 'local';
    this.local = new LocalWorker(env, {
      dialect,
      concurrency: options.concurrency ?? 16,
      leaseMs: options.leaseMs ?? 30_000,
      minPollMs: options.minPollMs ?? 5,
      maxPollMs: options.maxPollMs ?? 1000,
      housekeeping: () => this.housekeeping(),
      housekeepingEveryMs: options.housekeepingEveryMs ?? 1000,
    });
    this.ensureQueuedAfterCommit = ensureAfterCommit(
      db,
      (trx, def, payload) =>
        trx.isTransaction ? this.ensureQueued(trx, def, payload) : this.ensureCommitted(def, payload),
      env.logger,
    );
  }

  async enqueue<P>(trx: DbOrTrx, def: JobDefinition<P>, payload: P, opts: EnqueueOptions = {}) {
    const { id, isNew } = await enqueueRow(trx, def, payload, opts, this.env.clock.now());
    if (isNew) {
      this.env.metrics.enqueued.inc({ job: def.name });
      if (this.dialect === 'postgres') await notifyEnqueued(trx);
      this.notify();
    }
    return { id, isNew };
  }

  async ensureQueued<P>(trx: DbOrTrx, def: JobDefinition<P>, payload: P) {
    if (this.driver === 'bullmq') return this.enqueue(trx, def, payload);
    const waiting = await dueQueuedJob(trx, this.dialect, def.name, this.env.clock.now().toISOString());
    if (!waiting) return this.enqueue(trx, def, payload);
    if (this.dialect === 'postgres') await notifyEnqueued(trx);
    this.notify();
    return { id: waiting, isNew: false };
  }

  /**
   * `ensureQueued` once the caller's rows are committed (root handle): a waiting run was
   * announced to other processes (PostgreSQL NOTIFY) when it was enqueued, so reusing it
   * only wakes this process's workers, a statement fewer per commit on PostgreSQL.
   */
  private async ensureCommitted<P>(def: JobDefinition<P>, payload: P) {
    if (this.driver === 'bullmq') return this.enqueue(this.env.db, def, payload);
    const now = this.env.clock.now().toISOString();
    const waiting = await dueQueuedJob(this.env.db, this.dialect, def.name, now);
    if (!waiting) return this.enqueue(this.env.db, def, payload);
    this.notify();
    return { id: waiting, isNew: false };
  }

  notify(): void {
    if (this.bull) this.bull.wake();
    else this.local.wake();
  }

  protected override async afterHousekeeping(): Promise<void> {
    await this.bull?.relay();
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.stopping;
    this.stopping = undefined;
    this.started = true;
    await this.housekeeping();
    if (this.options.listenUrl && this.dialect === 'postgres') {
      const listener = listenForJobs(this.options.listenUrl, () => this.notify(), this.env.logger);
      this.listener = listener;
      await listener.ready;
    }
    if (this.driver === 'bullmq') {
      this.bull = await this.loadBullmq();
      await this.bull.start();
      this.bull.wake();
      // bullmq mode has no claim loop: reclaiming, schedules and the relay run on a timer.
      this.timer = setInterval(() => this.periodic(), this.options.housekeepingEveryMs ?? 1000);
    } else this.local.start();
    this.env.logger.info({ driver: this.driver, worker: this.env.worker }, 'job runtime started');
  }

  private periodic(): void {
    this.running ??= this.housekeeping()
      .catch((error: unknown) => this.env.logger.error({ err: error }, 'job housekeeping failed'))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Idempotent: a second call (SIGTERM handler, then app close) waits for the first. */
  stop(graceMs = 10_000): Promise<void> {
    if (!this.started) return this.stopping ?? Promise.resolve();
    this.started = false;
    // Before any await: shutting down the LISTEN connection takes a round trip, and no job
    // may be claimed meanwhile.
    if (!this.bull) this.local.haltClaims();
    this.stopping = this.shutdown(graceMs);
    return this.stopping;
  }

  private async shutdown(graceMs: number): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.listener?.close();
    if (this.bull) await this.bull.stop(graceMs);
    else await this.local.stop(graceMs);
  }

  private async loadBullmq(): Promise<BullmqDispatch> {
    if (this.bull) return this.bull;
    const { BullmqDispatch } = await import('./bullmq-dispatch.js');
    const { database } = this.options;
    return new BullmqDispatch({
      ...this.options,
      env: this.env,
      local: this.local,
      dialect: database.dialect,
    });
  }

  async drain(): Promise<void> {
    if (this.bull) await this.bull.drain();
    else await this.local.drain();
  }
}
