import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { type Page, type PageRequest, paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import {
  cancelJob,
  findJob,
  findSchedule,
  type JobFilter,
  jobAttempts,
  jobsQuery,
  listQueues,
  listSchedules,
  type QueueSummary,
  requeueJob,
  setQueuePaused,
  setSchedulePaused,
} from '../../platform/jobs/jobs-admin.repository.js';
import { jobsAdminDeps } from './jobs-admin.deps.js';
import { jobsAdminErrors } from './jobs-admin.errors.js';

type JobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;
type AttemptRow = Awaited<ReturnType<typeof jobAttempts>>[number];
type ScheduleRow = Awaited<ReturnType<typeof listSchedules>>[number];

/** The queues this server knows, with their job counts by state. */
export function queueSummaries(db: DbOrTrx, ctx: AppContext): Promise<QueueSummary[]> {
  return listQueues(db, knownQueues(ctx));
}

/** One page of jobs matching `filter`, newest first unless the request sorts otherwise. */
export function listJobs(db: DbOrTrx, filter: JobFilter, page: PageRequest): Promise<Page<JobRow>> {
  return paginate(jobsQuery(db, filter), page, {
    enqueued_at: 'enqueued_at',
    run_at: 'run_at',
    finished_at: 'finished_at',
    priority: 'priority',
  });
}

/** One job with its failed attempts (404 when there is none of that id). */
export async function jobWithAttempts(
  db: DbOrTrx,
  id: string,
): Promise<{ job: JobRow; attempts: AttemptRow[] }> {
  const job = await findJob(db, id);
  if (!job) throw notFound('Job');
  return { job, attempts: await jobAttempts(db, job.id) };
}

export function schedules(db: DbOrTrx): Promise<ScheduleRow[]> {
  return listSchedules(db);
}

/*
 * Admin control of the job runtime. Each function takes the route's transaction, so the
 * change and its audit event commit together; the route wakes the workers after commit
 * (`ctx.jobs.notify()`) where a job became runnable.
 */

/** Puts a dead or cancelled job back in its queue. */
export async function retryJob(trx: Trx, ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { audit } = jobsAdminDeps(ctx);
  const before = await findJob(trx, id);
  if (!before) throw notFound('Job');
  if (!(await requeueJob(trx, id, ctx.clock.now().toISOString()))) {
    throw domainError(
      jobsAdminErrors.JOB_NOT_RETRYABLE,
      `A ${before.state} job cannot be retried; only dead or cancelled jobs can`,
      { details: { state: before.state } },
    );
  }
  await audit.record(trx, actor, {
    type: 'jobs.job.retried',
    entityId: id,
    before: { state: before.state, attempts: before.attempts },
    after: { state: 'queued', attempts: 0 },
    payload: { name: before.name, queue: before.queue, last_error: before.last_error },
  });
}

/** Cancels a queued or running job. */
export async function cancelQueuedJob(trx: Trx, ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { audit } = jobsAdminDeps(ctx);
  const before = await findJob(trx, id);
  if (!before) throw notFound('Job');
  if (!(await cancelJob(trx, id, ctx.clock.now().toISOString()))) {
    throw domainError(jobsAdminErrors.JOB_NOT_CANCELLABLE, `A ${before.state} job cannot be cancelled`, {
      details: { state: before.state },
    });
  }
  await audit.record(trx, actor, {
    type: 'jobs.job.cancelled',
    entityId: id,
    before: { state: before.state },
    after: { state: 'cancelled' },
    payload: { name: before.name, queue: before.queue },
  });
}

/** Pauses or resumes a queue this server knows. */
export async function pauseQueue(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  name: string,
  paused: boolean,
): Promise<void> {
  const { audit } = jobsAdminDeps(ctx);
  const known = (await queueSummaries(trx, ctx)).find((q) => q.name === name);
  if (!known) throw notFound('Queue');
  await setQueuePaused(trx, name, paused, ctx.clock.now().toISOString());
  await audit.record(trx, actor, {
    type: paused ? 'jobs.queue.paused' : 'jobs.queue.resumed',
    entityId: name,
    before: { paused: known.paused },
    after: { paused },
    payload: {},
  });
}

/** Pauses or resumes a schedule. */
export async function pauseSchedule(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  id: string,
  paused: boolean,
): Promise<void> {
  const { audit } = jobsAdminDeps(ctx);
  const before = await findSchedule(trx, id);
  if (!before) throw notFound('Schedule');
  await setSchedulePaused(trx, id, paused, ctx.clock.now().toISOString());
  await audit.record(trx, actor, {
    type: paused ? 'jobs.schedule.paused' : 'jobs.schedule.resumed',
    entityId: id,
    before: { paused: before.paused === 1 },
    after: { paused },
    payload: { name: before.name },
  });
}

/** Fires a schedule now; returns the id of the job it enqueued. */
export async function triggerSchedule(trx: Trx, ctx: AppContext, actor: Actor, id: string): Promise<string> {
  const { audit } = jobsAdminDeps(ctx);
  const schedule = await findSchedule(trx, id);
  if (!schedule) throw notFound('Schedule');
  if (!ctx.jobs.definition(schedule.job_name)) {
    throw domainError(
      jobsAdminErrors.SCHEDULE_JOB_UNKNOWN,
      `Job ${schedule.job_name} is not known to this server`,
      { details: { job_name: schedule.job_name } },
    );
  }
  const jobId = (await ctx.jobs.triggerSchedule(trx, id)) ?? '';
  await audit.record(trx, actor, {
    type: 'jobs.schedule.triggered',
    entityId: id,
    payload: { name: schedule.name, job_id: jobId },
  });
  return jobId;
}

export function knownQueues(ctx: AppContext): string[] {
  return ctx.jobs.queues();
}
