import type { Static } from '@sinclair/typebox';
import type { JobAttemptsTable, JobSchedulesTable, JobsTable } from '../../platform/jobs/jobs.tables.js';
import type { QueueSummary } from '../../platform/jobs/jobs-admin.repository.js';
import type { attemptSchema, jobSchema, queueSchema, scheduleSchema } from './jobs-admin.schemas.js';

type JobListRow = Omit<JobsTable, 'payload' | 'dispatched_at'>;

/** Payloads are never shown: they may carry personal data or one-time links (password reset mail). */
export function presentJob(row: JobListRow): Static<typeof jobSchema> {
  return {
    id: row.id,
    name: row.name,
    queue: row.queue,
    state: row.state,
    priority: row.priority,
    run_at: row.run_at,
    attempts: row.attempts,
    max_attempts: row.max_attempts,
    last_error: row.last_error,
    schedule_id: row.schedule_id,
    worker: row.state === 'running' ? row.lease_owner : null,
    lease_expires_at: row.state === 'running' ? row.lease_expires_at : null,
    enqueued_at: row.enqueued_at,
    started_at: row.started_at,
    finished_at: row.finished_at,
  };
}

export function presentAttempt(row: JobAttemptsTable): Static<typeof attemptSchema> {
  const { attempt, outcome, error, worker, started_at, finished_at } = row;
  return { attempt, outcome, error, worker, started_at, finished_at };
}

export function presentQueue(q: QueueSummary): Static<typeof queueSchema> {
  return { name: q.name, paused: q.paused, counts: q.counts, oldest_queued_at: q.oldestQueuedAt };
}

export function presentSchedule(row: JobSchedulesTable): Static<typeof scheduleSchema> {
  return {
    id: row.id,
    name: row.name,
    job_name: row.job_name,
    kind: row.kind,
    cron: row.cron,
    interval_ms: row.interval_ms === null ? null : Number(row.interval_ms),
    time_zone: row.time_zone,
    misfire: row.misfire,
    catch_up_window_ms: Number(row.catch_up_window_ms),
    overlap: row.overlap,
    paused: row.paused === 1,
    next_fire_at: row.next_fire_at,
    last_fire_at: row.last_fire_at,
  };
}
