import { newId } from '../db/ids.js';
import { encodeJson } from '../db/json-codec.js';
import type { DbOrTrx } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { JobDefinition } from './job-definition.js';
import { insertJob, type JobRow } from './jobs.repository.js';

export interface EnqueueRowOptions {
  idempotencyKey?: string;
  runAt?: Date;
  delayMs?: number;
  priority?: number;
  scheduleId?: string;
}

/** Validates and writes one job row; the shared path of enqueue(), schedules and admin retry. */
export async function enqueueRow<P>(
  db: DbOrTrx,
  def: JobDefinition<P>,
  payload: unknown,
  opts: EnqueueRowOptions,
  now: Date,
): Promise<{ id: string; isNew: boolean; row: JobRow }> {
  def.check(payload);
  if (
    opts.idempotencyKey !== undefined &&
    (opts.idempotencyKey.length === 0 || opts.idempotencyKey.length > 200)
  ) {
    throw new AppError('VALIDATION', 'The idempotency key must be 1–200 characters', {
      fieldErrors: [{ field: 'idempotencyKey', message: 'must be 1–200 characters' }],
    });
  }
  const runAt = opts.runAt ?? new Date(now.getTime() + Math.max(0, opts.delayMs ?? 0));
  if (Number.isNaN(runAt.getTime())) throw new AppError('VALIDATION', 'runAt is not a valid date');
  const iso = now.toISOString();
  const row: JobRow = {
    id: newId(),
    name: def.name,
    queue: def.queue,
    payload: encodeJson(payload),
    state: 'queued',
    priority: opts.priority ?? def.priority,
    run_at: runAt.toISOString(),
    attempts: 0,
    max_attempts: def.retry.attempts,
    idempotency_key: opts.idempotencyKey ?? null,
    lease_owner: null,
    lease_expires_at: null,
    last_error: null,
    schedule_id: opts.scheduleId ?? null,
    dispatched_at: null,
    enqueued_at: iso,
    started_at: null,
    finished_at: null,
    updated_at: iso,
  };
  const result = await insertJob(db, row);
  return { ...result, row };
}
