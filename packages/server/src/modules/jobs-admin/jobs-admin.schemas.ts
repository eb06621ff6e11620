import { Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';

const time = (description: string) =>
  Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description });
const jobState = Type.Union(
  [
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('succeeded'),
    Type.Literal('dead'),
    Type.Literal('cancelled'),
  ],
  { description: 'queued (waiting or delayed), running, succeeded, dead (dead letter), cancelled' },
);

export const idParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Id' }) });
export const queueParams = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9_.-]+$', description: 'Queue name' }),
});

export const queueSchema = Type.Object({
  name: Type.String({ description: 'Queue name' }),
  paused: Type.Boolean({ description: 'Paused queues keep their jobs but start none' }),
  counts: Type.Object(
    {
      queued: Type.Integer({ description: 'Waiting, including delayed and retry-pending jobs' }),
      running: Type.Integer({ description: 'Leased to a worker' }),
      succeeded: Type.Integer({ description: 'Finished' }),
      dead: Type.Integer({ description: 'Dead letters: failed their last attempt or permanently' }),
      cancelled: Type.Integer({ description: 'Cancelled by an administrator' }),
    },
    { description: 'Jobs by state' },
  ),
  oldest_queued_at: time('Run time of the longest-waiting queued job'),
});

export const jobSchema = Type.Object({
  id: Type.String({ description: 'Job id' }),
  name: Type.String({ description: 'Job kind, e.g. mail.send' }),
  queue: Type.String({ description: 'Queue' }),
  state: jobState,
  priority: Type.Integer({ description: 'Higher runs first' }),
  run_at: Type.String({ description: 'When the job is (or was) due' }),
  attempts: Type.Integer({ description: 'Attempts started' }),
  max_attempts: Type.Integer({ description: 'Attempts allowed before the dead letters' }),
  last_error: Type.Union([Type.String(), Type.Null()], { description: 'Error of the latest failed attempt' }),
  schedule_id: Type.Union([Type.String(), Type.Null()], { description: 'Schedule that fired the job' }),
  worker: Type.Union([Type.String(), Type.Null()], {
    description: 'Worker holding the lease (running jobs)',
  }),
  lease_expires_at: time('When the lease runs out unless renewed'),
  enqueued_at: Type.String({ description: 'When the job was enqueued' }),
  started_at: time('Start of the latest attempt'),
  finished_at: time('When the job reached a final state'),
});

export const attemptSchema = Type.Object({
  attempt: Type.Integer({ description: 'Attempt number, from 1' }),
  outcome: Type.String({ description: 'failed, timeout or lease_lost (worker died)' }),
  error: Type.String({ description: 'Error message' }),
  worker: Type.String({ description: 'Worker that ran the attempt' }),
  started_at: Type.String({ description: 'Start' }),
  finished_at: Type.String({ description: 'End' }),
});

export const jobDetailSchema = Type.Composite([
  jobSchema,
  Type.Object({
    failed_attempts: Type.Array(attemptSchema, { description: 'Failed attempts, oldest first' }),
  }),
]);

export const jobListQuery = Type.Composite([
  pageQuerySchema(['enqueued_at', 'run_at', 'finished_at', 'priority'], 'enqueued_at'),
  Type.Object({
    queue: Type.Optional(Type.String({ maxLength: 100, description: 'Only this queue' })),
    state: Type.Optional(jobState),
    name: Type.Optional(Type.String({ maxLength: 100, description: 'Only this job kind' })),
    schedule_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only jobs fired by this schedule' }),
    ),
  }),
]);

export const scheduleSchema = Type.Object({
  id: Type.String({ description: 'Schedule id' }),
  name: Type.String({ description: 'Schedule name' }),
  job_name: Type.String({ description: 'Job kind it enqueues' }),
  kind: Type.String({ description: 'cron, fixed-rate or fixed-delay' }),
  cron: Type.Union([Type.String(), Type.Null()], { description: 'Cron expression (seconds optional)' }),
  interval_ms: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Interval of fixed-rate/fixed-delay',
  }),
  time_zone: Type.String({ description: 'IANA time zone the cron is read in' }),
  misfire: Type.String({ description: 'skip, fire-once or catch-up' }),
  catch_up_window_ms: Type.Integer({ description: 'How far back catch-up reaches' }),
  overlap: Type.String({ description: 'skip, queue-one or allow' }),
  paused: Type.Boolean({ description: 'Paused schedules do not fire' }),
  next_fire_at: time('Next fire time'),
  last_fire_at: time('Latest fire time'),
});

export const triggeredSchema = Type.Object({ job_id: Type.String({ description: 'The job enqueued now' }) });
