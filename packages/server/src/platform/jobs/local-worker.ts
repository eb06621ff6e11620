import type { Dialect } from '../db/schema.js';
import { type ExecutorEnv, JobAbort, runClaimedJob } from './job-executor.js';
import { claimDue, type JobRow } from './jobs.repository.js';
import { heartbeat, releaseJobs } from './jobs-lease.repository.js';

export interface WorkerOptions {
  dialect: Dialect;
  /** Jobs running at once in this process, across all names. */
  concurrency: number;
  leaseMs: number;
  /** Adaptive polling bounds: an idle worker backs off from min to max. */
  minPollMs: number;
  maxPollMs: number;
  /** Called once per loop turn (reclaiming expired leases, firing schedules). */
  housekeeping: () => Promise<void>;
  housekeepingEveryMs: number;
}

interface Running {
  row: JobRow;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * The in-process worker of the local driver: claims due jobs within the concurrency limits,
 * keeps their leases alive by heartbeat, and sleeps adaptively when idle. `wake()` (an
 * enqueue in this process, a PostgreSQL NOTIFY) ends the sleep at once, so latency stays
 * low without polling the database hard.
 */
export class LocalWorker {
  readonly running = new Map<string, Running>();
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** A wake that came while the loop was not sleeping (e.g. mid-claim): the next sleep is skipped. */
  private isWakePending = false;
  private pollMs: number;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private lastHousekeeping = 0;

  constructor(
    private readonly env: ExecutorEnv,
    private readonly options: WorkerOptions,
  ) {
    this.pollMs = options.minPollMs;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.startHeartbeats();
    this.loop = this.run();
  }

  /** Lease renewal without the claim loop (the bullmq driver delivers jobs itself). */
  startHeartbeats(): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = setInterval(() => void this.beat(), Math.max(50, this.options.leaseMs / 3));
  }

  wake(): void {
    this.pollMs = this.options.minPollMs;
    this.isWakePending = true;
    this.wakeUp?.();
  }

  /** Claims and runs every due job until none is left (tests; no sleeping). */
  async drain(): Promise<void> {
    for (;;) {
      await this.options.housekeeping();
      const claimed = await this.claim();
      if (claimed.length === 0 && this.running.size === 0) return;
      await Promise.all([...this.running.values()].map((r) => r.done));
    }
  }

  /** Claims nothing more from now on (synchronously: no claim can start after this returns). */
  haltClaims(): void {
    this.stopping = true;
    this.wakeUp?.();
  }

  /** Stops claiming, waits for running jobs up to graceMs, then aborts and releases the rest. */
  async stop(graceMs: number): Promise<void> {
    this.haltClaims();
    await this.loop;
    this.loop = undefined;
    const all = Promise.all([...this.running.values()].map((r) => r.done));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    clearInterval(this.heartbeatTimer);
    const left = [...this.running.values()];
    for (const r of left) r.controller.abort(new JobAbort('shutdown', 'runtime stopping'));
    const now = this.env.clock.now().toISOString();
    await releaseJobs(
      this.env.db,
      left.map((r) => r.row.id),
      this.env.worker,
      now,
    );
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (Date.now() - this.lastHousekeeping >= this.options.housekeepingEveryMs) {
          this.lastHousekeeping = Date.now();
          await this.options.housekeeping();
        }
        if (this.stopping) break;
        this.isWakePending = false;
        const claimed = await this.claim();
        if (claimed.length > 0) {
          this.pollMs = this.options.minPollMs;
          if (this.freeSlots() > 0) continue;
        } else {
          this.pollMs = Math.min(this.pollMs * 2, this.options.maxPollMs);
        }
      } catch (error) {
        this.env.logger.error({ err: error }, 'job worker loop failed');
        this.pollMs = this.options.maxPollMs;
      }
      await this.sleep(this.freeSlots() > 0 ? this.pollMs : this.options.maxPollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.isWakePending || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private freeSlots(): number {
    return this.options.concurrency - this.running.size;
  }

  private async claim(): Promise<JobRow[]> {
    const limit = this.freeSlots();
    if (limit <= 0) return [];
    const slots = new Map<string, number>();
    for (const def of this.env.definitions.values()) slots.set(def.name, def.concurrency);
    for (const r of this.running.values()) slots.set(r.row.name, (slots.get(r.row.name) ?? 0) - 1);
    const now = this.env.clock.now();
    const rows = await claimDue(this.env.db, this.options.dialect, {
      worker: this.env.worker,
      now: now.toISOString(),
      leaseExpiresAt: new Date(now.getTime() + this.options.leaseMs).toISOString(),
      slots,
      limit,
    });
    for (const row of rows) this.launch(row);
    return rows;
  }

  /** Runs a claimed job (also used by the bullmq driver for the job Redis handed it). */
  launch(row: JobRow): Promise<void> {
    const controller = new AbortController();
    const done = runClaimedJob(this.env, row, controller)
      .catch((error: unknown) =>
        this.env.logger.error({ err: error, jobId: row.id }, 'recording a job outcome failed'),
      )
      .finally(() => {
        this.running.delete(row.id);
        this.wake();
      });
    this.running.set(row.id, { row, controller, done });
    return done;
  }

  private async beat(): Promise<void> {
    const ids = [...this.running.keys()];
    if (ids.length === 0) return;
    try {
      const expires = new Date(this.env.clock.now().getTime() + this.options.leaseMs).toISOString();
      const owned = await heartbeat(this.env.db, ids, this.env.worker, expires);
      for (const id of ids) {
        const r = this.running.get(id);
        if (r && !owned.has(id))
          r.controller.abort(new JobAbort('lease-lost', 'lease lost or job cancelled'));
      }
    } catch (error) {
      this.env.logger.warn({ err: error }, 'job heartbeat failed');
    }
  }
}
