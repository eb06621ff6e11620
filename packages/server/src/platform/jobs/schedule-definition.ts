import { Cron } from 'croner';
import type { JobDefinition } from './job-definition.js';

export type MisfirePolicy = 'skip' | 'fire-once' | 'catch-up';
export type OverlapPolicy = 'skip' | 'queue-one' | 'allow';

/**
 * A recurring job declared by a module. Exactly one of `cron` (5 fields, or 6 with seconds
 * first) or `everyMs` is set; `mode` says whether `everyMs` counts from the previous fire
 * (fixed-rate) or from the end of the previous run (fixed-delay). Cron times are read in
 * `timeZone` (IANA), so "0 9 * * *" stays 09:00 local across daylight-saving changes.
 */
export interface ScheduleDefinition {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: a schedule may run any job
  job: JobDefinition<any>;
  payload?: unknown;
  cron?: string;
  everyMs?: number;
  mode?: 'fixed-rate' | 'fixed-delay';
  timeZone?: string;
  /** What to do with fire times missed while no process was running (default fire-once). */
  misfire?: MisfirePolicy;
  /** catch-up: how far back missed fires are still run (default 1 hour). */
  catchUpWindowMs?: number;
  /** What to do when the previous run has not finished (default skip). */
  overlap?: OverlapPolicy;
}

/** Validates a schedule at declaration, so a typo fails the boot, not the first fire. */
export function defineSchedule(def: ScheduleDefinition): ScheduleDefinition {
  if ((def.cron === undefined) === (def.everyMs === undefined)) {
    throw new Error(`schedule ${def.name}: set exactly one of cron or everyMs`);
  }
  if (def.everyMs !== undefined && (!Number.isInteger(def.everyMs) || def.everyMs < 1000)) {
    throw new Error(`schedule ${def.name}: everyMs must be an integer >= 1000`);
  }
  assertTimeZone(def.timeZone ?? 'UTC');
  if (def.cron !== undefined) new Cron(def.cron, { timezone: def.timeZone ?? 'UTC', paused: true });
  def.job.check(def.payload ?? {});
  return def;
}

export function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(`unknown time zone: ${zone}`);
  }
}
