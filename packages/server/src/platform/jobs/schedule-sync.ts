import { newId } from '../db/ids.js';
import { encodeJson } from '../db/json-codec.js';
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { ScheduleDefinition } from './schedule-definition.js';
import { nextFireAfter } from './schedule-timing.js';

/** Writes code-declared schedules; a changed timing recomputes the next fire, pause state is kept. */
export async function syncSchedules(db: Db, defs: ScheduleDefinition[], now: Date): Promise<void> {
  for (const def of defs) {
    const timing = {
      kind: def.cron !== undefined ? ('cron' as const) : (def.mode ?? 'fixed-rate'),
      cron: def.cron ?? null,
      interval_ms: def.everyMs ?? null,
      time_zone: def.timeZone ?? 'UTC',
    };
    const policy = {
      job_name: def.job.name,
      payload: encodeJson(def.payload ?? {}),
      misfire: def.misfire ?? ('fire-once' as const),
      catch_up_window_ms: def.catchUpWindowMs ?? 3_600_000,
      overlap: def.overlap ?? ('skip' as const),
    };
    const iso = now.toISOString();
    const next = nextFireAfter(timing, now)?.toISOString() ?? null;
    await inTransaction(db, async (trx) => {
      const existing = await trx
        .selectFrom('job_schedules')
        .selectAll()
        .where('name', '=', def.name)
        .executeTakeFirst();
      if (!existing) {
        await trx
          .insertInto('job_schedules')
          .values({
            id: newId(),
            name: def.name,
            ...timing,
            ...policy,
            paused: 0,
            next_fire_at: next,
            last_fire_at: null,
            pending_fire_at: null,
            created_at: iso,
            updated_at: iso,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        return;
      }
      const changed = (Object.keys(timing) as (keyof typeof timing)[]).some(
        (k) => String(existing[k]) !== String(timing[k]),
      );
      await trx
        .updateTable('job_schedules')
        .set({ ...policy, ...(changed ? { ...timing, next_fire_at: next } : {}), updated_at: iso })
        .where('id', '=', existing.id)
        .execute();
    });
  }
}
