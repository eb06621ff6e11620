/** Job states: queued (waiting, maybe delayed), running (leased), then one final state. */
export type JobState = 'queued' | 'running' | 'succeeded' | 'dead' | 'cancelled';

export interface JobsTable {
  id: string;
  name: string;
  queue: string;
  payload: string;
  state: JobState;
  priority: number;
  run_at: string;
  /** Attempts started so far. */
  attempts: number;
  max_attempts: number;
  idempotency_key: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  last_error: string | null;
  schedule_id: string | null;
  /** bullmq driver: when the relay last handed the job to Redis (null: not yet). */
  dispatched_at: string | null;
  enqueued_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

/** One failed attempt (successes are the job's own finished_at), for the admin API. */
export interface JobAttemptsTable {
  id: string;
  job_id: string;
  attempt: number;
  worker: string;
  started_at: string;
  finished_at: string;
  outcome: 'failed' | 'timeout' | 'lease_lost';
  error: string;
}

export interface JobQueuesTable {
  name: string;
  paused: number;
  updated_at: string;
}

export interface JobSchedulesTable {
  id: string;
  name: string;
  job_name: string;
  payload: string;
  kind: 'cron' | 'fixed-rate' | 'fixed-delay';
  cron: string | null;
  interval_ms: number | null;
  time_zone: string;
  misfire: 'skip' | 'fire-once' | 'catch-up';
  catch_up_window_ms: number;
  overlap: 'skip' | 'queue-one' | 'allow';
  paused: number;
  /** null while a fixed-delay schedule waits for its run to finish. */
  next_fire_at: string | null;
  last_fire_at: string | null;
  /** queue-one overlap: a fire waiting for the running job to finish. */
  pending_fire_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The unique (schedule, fire time) record that makes every fire happen exactly once. */
export interface JobScheduleFiresTable {
  schedule_id: string;
  fire_time: string;
  job_id: string | null;
  outcome: 'enqueued' | 'skipped-overlap' | 'queued-behind' | 'manual';
  created_at: string;
}

declare module '../db/schema.js' {
  interface Tables {
    jobs: JobsTable;
    job_attempts: JobAttemptsTable;
    job_queues: JobQueuesTable;
    job_schedules: JobSchedulesTable;
    job_schedule_fires: JobScheduleFiresTable;
  }
}
