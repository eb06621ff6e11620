import type { Dialect, Trx } from '../db/schema.js';
import type { JobDefinition } from './job-definition.js';
import type { ExecutorEnv } from './job-executor.js';
import { reclaimExpired } from './job-reclaim.js';
import { purgeEveryMs, purgeFinishedJobs } from './job-retention.js';
import { completeJobs } from './jobs.repository.js';
import { microBatch } from './micro-batch.js';
import type { ScheduleDefinition } from './schedule-definition.js';
import { syncSchedules } from './schedule-sync.js';
import { enqueueFire, fireSchedule, type ScheduleEnv, tickSchedules } from './schedules.service.js';

/**
 * What both drivers share: the registry of job kinds and schedules, batched completion,
 * and housekeeping (reclaiming dead workers' jobs, firing schedules).
 */
export abstract class RuntimeCore {
  protected readonly schedules = new Map<string, ScheduleDefinition>();
  protected readonly scheduleEnv: ScheduleEnv;
  private synced = false;
  private lastPurge = 0;

  constructor(
    protected readonly env: ExecutorEnv,
    protected readonly dialect: Dialect,
    private readonly retentionDays = 14,
  ) {
    env.complete = microBatch(async (ids: string[]) => {
      const done = await completeJobs(env.db, dialect, ids, env.worker, env.clock.now().toISOString());
      return new Map(ids.map((id) => [id, done.has(id)]));
    }, false);
    env.onSettled = async (row, state) => {
      if (row.schedule_id && state !== 'queued')
        await fireSchedule(this.scheduleEnv, row.schedule_id, env.clock.now());
    };
    this.scheduleEnv = { db: env.db, dialect, definitions: env.definitions, onEnqueued: () => this.notify() };
  }

  abstract notify(): void;

  // biome-ignore lint/suspicious/noExplicitAny: definitions of any payload type
  register(def: JobDefinition<any>): void {
    const known = this.env.definitions.get(def.name);
    if (known && known !== def) throw new Error(`job ${def.name} is registered twice`);
    this.env.definitions.set(def.name, def);
  }

  registerSchedule(def: ScheduleDefinition): void {
    if (this.schedules.has(def.name)) throw new Error(`schedule ${def.name} is registered twice`);
    this.schedules.set(def.name, def);
    this.synced = false;
  }

  // biome-ignore lint/suspicious/noExplicitAny: definitions of any payload type
  definition(name: string): JobDefinition<any> | undefined {
    return this.env.definitions.get(name);
  }

  queues(): string[] {
    return [...new Set([...this.env.definitions.values()].map((d) => d.queue))].sort();
  }

  async triggerSchedule(trx: Trx, scheduleId: string): Promise<string | null> {
    const row = await trx
      .selectFrom('job_schedules')
      .selectAll()
      .where('id', '=', scheduleId)
      .executeTakeFirst();
    if (!row) return null;
    let at = this.env.clock.now();
    // Two triggers in the same millisecond get distinct fire times.
    while (!(await enqueueFire(this.scheduleEnv, trx, row, at, this.env.clock.now(), 'manual'))) {
      at = new Date(at.getTime() + 1);
    }
    const fire = await trx
      .selectFrom('job_schedule_fires')
      .select('job_id')
      .where('schedule_id', '=', scheduleId)
      .where('fire_time', '=', at.toISOString())
      .executeTakeFirstOrThrow();
    this.notify();
    return fire.job_id;
  }

  protected async housekeeping(): Promise<void> {
    if (!this.synced) {
      await syncSchedules(this.env.db, [...this.schedules.values()], this.env.clock.now());
      this.synced = true;
    }
    const now = this.env.clock.now();
    await reclaimExpired(this.env.db, now, this.env.metrics);
    await tickSchedules(this.scheduleEnv, now);
    if (now.getTime() - this.lastPurge >= purgeEveryMs) {
      this.lastPurge = now.getTime();
      await purgeFinishedJobs(this.env.db, now, this.retentionDays);
    }
    await this.afterHousekeeping();
  }

  protected async afterHousekeeping(): Promise<void> {}
}
