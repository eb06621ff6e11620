import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Clock } from '../db/clock.js';
import type { Dialect } from '../db/schema.js';
import { type Envelope, envelopes } from './bullmq-envelopes.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import type { ExecutorEnv } from './job-executor.js';
import { claimDue, type JobRow } from './jobs.repository.js';
import { dispatchable, hasDueWork, markDispatched, undispatch } from './jobs-outbox.repository.js';
import type { LocalWorker } from './local-worker.js';
import { microBatch } from './micro-batch.js';

export interface BullmqDispatchOptions {
  queueUrl?: string;
  redisPrefix?: string;
  concurrency?: number;
  leaseMs?: number;
  clock: Clock;
  env: ExecutorEnv;
  local: LocalWorker;
  dialect: Dialect;
  /** A dispatched job still queued this long after its run time is sent again (Redis lost it). */
  redispatchAfterMs?: number;
}

const relayBatch = 2000;

/**
 * The bullmq driver's delivery: a relay reads jobs the database has committed but Redis
 * has not seen (the outbox is the jobs table itself) and hands them to BullMQ; jobs Redis
 * lost (restart without persistence, flush) are sent again once overdue. Workers claim the
 * delivered rows with the same lease as the local driver, so state, retries and dead
 * letters stay in the database and a duplicate delivery never runs a job twice.
 */
export class BullmqDispatch {
  private connection: Redis | undefined;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private relaying: Promise<void> | undefined;
  private again = false;
  private readonly gate: ConcurrencyGate;
  private readonly claimOne: (id: string) => Promise<JobRow | undefined>;

  constructor(private readonly options: BullmqDispatchOptions) {
    this.gate = new ConcurrencyGate(options.concurrency ?? 16);
    this.claimOne = microBatch((ids: string[]) => this.claim(ids), undefined as JobRow | undefined);
  }

  /** Connected on start() only: commands that build a context (doctor, migrate) never touch Redis. */
  private redis(): Redis {
    if (!this.connection) {
      this.connection = new Redis(this.options.queueUrl ?? 'redis://127.0.0.1:6379', {
        maxRetriesPerRequest: null,
      });
      this.connection.on('error', (error) =>
        this.options.env.logger.warn({ err: error }, 'redis connection error'),
      );
    }
    return this.connection;
  }

  private queueFor(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(`jobs-${name}`, {
        connection: this.redis(),
        prefix: this.options.redisPrefix ?? 'signx',
      });
      queue.on('error', (error) => this.options.env.logger.warn({ err: error }, 'bullmq queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Runs the relay now (once workers run); calls during a run make it run once more after. */
  relay(): Promise<void> {
    if (this.workers.length === 0) return Promise.resolve();
    if (this.relaying) {
      this.again = true;
      return this.relaying;
    }
    this.relaying = (async () => {
      do {
        this.again = false;
        await this.relayOnce();
      } while (this.again);
    })().finally(() => {
      this.relaying = undefined;
    });
    return this.relaying;
  }

  private async relayOnce(): Promise<void> {
    const { env, clock } = this.options;
    const now = clock.now();
    const rows = await dispatchable(env.db, now, this.options.redispatchAfterMs ?? 30_000, relayBatch);
    const byQueue = new Map<string, JobRow[]>();
    for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
    for (const [queue, list] of byQueue) {
      await this.queueFor(queue).addBulk(envelopes(list, now));
      await markDispatched(
        env.db,
        list.map((r) => r.id),
        now.toISOString(),
      );
    }
    if (rows.length === relayBatch) this.again = true;
  }

  wake(): void {
    void this.relay().catch((error: unknown) =>
      this.options.env.logger.warn({ err: error }, 'job relay failed'),
    );
  }

  private async claim(ids: string[]): Promise<Map<string, JobRow>> {
    const { env, clock } = this.options;
    const now = clock.now();
    const rows = await claimDue(env.db, this.options.dialect, {
      worker: env.worker,
      now: now.toISOString(),
      leaseExpiresAt: new Date(now.getTime() + (this.options.leaseMs ?? 30_000)).toISOString(),
      slots: new Map([...env.definitions.keys()].map((name) => [name, ids.length])),
      limit: ids.length,
      ids,
    });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Runs one delivered job within its kind's and this process's concurrency limits. */
  private async processOne(id: string, name: string): Promise<void> {
    const def = this.options.env.definitions.get(name);
    if (!def) return;
    await this.gate.acquire(name, def.concurrency);
    try {
      const row = await this.claimOne(id);
      if (row) await this.options.local.launch(row);
      else await undispatch(this.options.env.db, id);
    } finally {
      this.gate.release(name);
    }
  }

  async start(): Promise<void> {
    const { env, redisPrefix, concurrency } = this.options;
    for (const name of new Set([...env.definitions.values()].map((d) => d.queue))) {
      const worker = new Worker(
        `jobs-${name}`,
        async (job) => {
          await Promise.all((job.data as Envelope).jobs.map(([id, kind]) => this.processOne(id, kind)));
        },
        { connection: this.redis(), prefix: redisPrefix ?? 'signx', concurrency: concurrency ?? 16 },
      );
      worker.on('error', (error) => env.logger.warn({ err: error }, 'bullmq worker error'));
      this.workers.push(worker);
    }
    this.options.local.startHeartbeats();
  }

  async stop(graceMs: number): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close(true)));
    this.workers.length = 0;
    await this.options.local.stop(graceMs);
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    const connection = this.connection;
    this.connection = undefined;
    await connection?.quit().catch(() => connection.disconnect());
  }

  /** With workers running: relay and wait until nothing due is left. Without: run jobs in-process. */
  async drain(): Promise<void> {
    if (this.workers.length === 0) return this.options.local.drain();
    for (;;) {
      await this.relay();
      if (!(await hasDueWork(this.options.env, this.options.clock.now()))) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
