import { Cron } from 'croner';
import type { JobSchedulesTable } from './jobs.tables.js';

type Timing = Pick<JobSchedulesTable, 'kind' | 'cron' | 'interval_ms' | 'time_zone'>;

/** A fire this late or less is on time; older ones are misfires handled by the misfire policy. */
export const onTimeGraceMs = 10_000;

/** Catch-up never enqueues more than this many missed fires at once. */
export const maxCatchUpFires = 1000;

/**
 * The first fire strictly after `after`. Cron is evaluated on the wall clock of the
 * schedule's zone (croner): a time skipped by spring-forward fires at the first valid
 * instant after it, and a time repeated by fall-back fires once.
 */
export function nextFireAfter(timing: Timing, after: Date): Date | null {
  return fireStepper(timing)(after);
}

function fireStepper(timing: Timing): (after: Date) => Date | null {
  if (timing.kind === 'cron') {
    const cron = new Cron(timing.cron ?? '', { timezone: timing.time_zone, paused: true });
    return (after) => cron.nextRun(after);
  }
  return (after) => new Date(after.getTime() + Number(timing.interval_ms));
}

export interface DuePlan {
  /** Fire times to run now, oldest first. */
  fires: Date[];
  /** The next fire after now (null: fixed-delay waits for the run to end). */
  next: Date | null;
}

type Plannable = Timing & Pick<JobSchedulesTable, 'misfire' | 'catch_up_window_ms'>;

/** The first fire at or after `at` (never before `from`), keeping fixed-rate in phase with `from`. */
function firstFireFrom(schedule: Plannable, from: Date, at: number): Date | null {
  if (at <= from.getTime()) return from;
  if (schedule.kind === 'cron') return fireStepper(schedule)(new Date(at - 1));
  const interval = Number(schedule.interval_ms);
  return new Date(from.getTime() + Math.ceil((at - from.getTime()) / interval) * interval);
}

/** Every fire from `start` up to `now`, and the first one after. */
function walk(schedule: Plannable, start: Date | null, now: Date): { due: Date[]; next: Date | null } {
  const step = fireStepper(schedule);
  const due: Date[] = [];
  let cursor = start;
  while (cursor && cursor.getTime() <= now.getTime() && due.length <= maxCatchUpFires * 10) {
    due.push(cursor);
    cursor = schedule.kind === 'fixed-delay' ? null : step(cursor);
  }
  return { due, next: schedule.kind === 'fixed-delay' ? null : cursor };
}

/** The latest fire between `from` and `before`, found by widening windows instead of walking from `from`. */
function latestFireBefore(schedule: Plannable, from: Date, before: number): Date {
  for (const width of [60_000, 3_600_000, 86_400_000, 32 * 86_400_000, 367 * 86_400_000]) {
    const first = firstFireFrom(schedule, from, before - width);
    if (first && first.getTime() <= before)
      return walk(schedule, first, new Date(before)).due.at(-1) ?? first;
  }
  return from;
}

/**
 * Which fire times from `from` up to `now` run, under the misfire policy. Without an
 * outage every due fire runs. After one, missed fires (more than onTimeGraceMs late) are
 * dropped (skip), collapsed with the on-time ones into one run for the latest due time
 * (fire-once), or all run if within the window (catch-up). Only fires near now are
 * walked, so a per-second schedule paused for a month costs no more than one paused a minute.
 */
export function planDueFires(schedule: Plannable, from: Date, now: Date): DuePlan {
  const onTimeStart = now.getTime() - onTimeGraceMs;
  if (schedule.kind === 'fixed-delay') {
    const fires =
      from.getTime() <= now.getTime() && (from.getTime() >= onTimeStart || schedule.misfire !== 'skip')
        ? [from]
        : [];
    return { fires, next: null };
  }
  if (schedule.misfire === 'catch-up') {
    const windowStart = now.getTime() - Math.max(onTimeGraceMs, Number(schedule.catch_up_window_ms));
    const { due, next } = walk(schedule, firstFireFrom(schedule, from, windowStart), now);
    return { fires: due.slice(-maxCatchUpFires), next };
  }
  const { due: onTime, next } = walk(schedule, firstFireFrom(schedule, from, onTimeStart), now);
  const missedAny = from.getTime() < onTimeStart;
  if (schedule.misfire === 'skip' || !missedAny) return { fires: onTime, next };
  // fire-once after an outage: one run for the latest due time, however many were missed.
  return { fires: [onTime.at(-1) ?? latestFireBefore(schedule, from, onTimeStart - 1)], next };
}
