import type { AppContext } from '../../platform/app-context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/errors.js';
import {
  cancelJob,
  findJob,
  findSchedule,
  listQueues,
  requeueJob,
  setQueuePaused,
  setSchedulePaused,
} from '../../platform/jobs/jobs-admin.repository.js';
import { type AuditActor, audit, defineAuditEvents } from '../audit/index.js';

export const jobsAuditEvents = defineAuditEvents('jobs', {
  'job.retried': 'A dead or cancelled job was put back in its queue',
  'job.cancelled': 'A queued or running job was cancelled',
  'queue.paused': 'A job queue was paused',
  'queue.resumed': 'A job queue was resumed',
  'schedule.paused': 'A schedule was paused',
  'schedule.resumed': 'A schedule was resumed',
  'schedule.triggered': 'A schedule was fired by hand',
});

/** Admin control of the job runtime; every change and its audit event commit together. */
export async function retryJob(ctx: AppContext, actor: AuditActor, id: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await findJob(trx, id);
    if (!before) throw notFound('Job');
    if (!(await requeueJob(trx, id, ctx.clock.now().toISOString()))) {
      throw conflict(`A ${before.state} job cannot be retried; only dead or cancelled jobs can`, {
        state: before.state,
      });
    }
    await audit.record(trx, {
      action: jobsAuditEvents['job.retried'],
      actor,
      entityType: 'job',
      entityId: id,
      before: { state: before.state, attempts: before.attempts },
      after: { state: 'queued', attempts: 0 },
      details: { name: before.name, queue: before.queue, last_error: before.last_error },
    });
  });
  ctx.jobs.notify();
}

export async function cancelQueuedJob(ctx: AppContext, actor: AuditActor, id: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await findJob(trx, id);
    if (!before) throw notFound('Job');
    if (!(await cancelJob(trx, id, ctx.clock.now().toISOString()))) {
      throw conflict(`A ${before.state} job cannot be cancelled`, { state: before.state });
    }
    await audit.record(trx, {
      action: jobsAuditEvents['job.cancelled'],
      actor,
      entityType: 'job',
      entityId: id,
      before: { state: before.state },
      after: { state: 'cancelled' },
      details: { name: before.name, queue: before.queue },
    });
  });
}

export async function pauseQueue(
  ctx: AppContext,
  actor: AuditActor,
  name: string,
  paused: boolean,
): Promise<void> {
  const known = (await listQueues(ctx.db, knownQueues(ctx))).find((q) => q.name === name);
  if (!known) throw notFound('Queue');
  await inTransaction(ctx.db, async (trx) => {
    await setQueuePaused(trx, name, paused, ctx.clock.now().toISOString());
    await audit.record(trx, {
      action: jobsAuditEvents[paused ? 'queue.paused' : 'queue.resumed'],
      actor,
      entityType: 'job_queue',
      entityId: name,
      before: { paused: known.paused },
      after: { paused },
    });
  });
  if (!paused) ctx.jobs.notify();
}

export async function pauseSchedule(
  ctx: AppContext,
  actor: AuditActor,
  id: string,
  paused: boolean,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await findSchedule(trx, id);
    if (!before) throw notFound('Schedule');
    await setSchedulePaused(trx, id, paused, ctx.clock.now().toISOString());
    await audit.record(trx, {
      action: jobsAuditEvents[paused ? 'schedule.paused' : 'schedule.resumed'],
      actor,
      entityType: 'job_schedule',
      entityId: id,
      before: { paused: before.paused === 1 },
      after: { paused },
      details: { name: before.name },
    });
  });
}

export async function triggerSchedule(ctx: AppContext, actor: AuditActor, id: string): Promise<string> {
  return inTransaction(ctx.db, async (trx) => {
    const schedule = await findSchedule(trx, id);
    if (!schedule) throw notFound('Schedule');
    if (!ctx.jobs.definition(schedule.job_name)) {
      throw conflict(`Job ${schedule.job_name} is not known to this server`, { job_name: schedule.job_name });
    }
    const jobId = (await ctx.jobs.triggerSchedule(trx, id)) ?? '';
    await audit.record(trx, {
      action: jobsAuditEvents['schedule.triggered'],
      actor,
      entityType: 'job_schedule',
      entityId: id,
      details: { name: schedule.name, job_id: jobId },
    });
    return jobId;
  });
}

export function knownQueues(ctx: AppContext): string[] {
  return ctx.jobs.queues();
}
