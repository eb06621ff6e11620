import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../platform/app-context.js';
import { pageSchema } from '../../platform/db/pagination.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { jobsPermissions as permissions } from './jobs-admin.catalogue.js';
import { jobsAdminErrors } from './jobs-admin.errors.js';
import { presentAttempt, presentJob, presentQueue, presentSchedule } from './jobs-admin.presenter.js';
import {
  idParams,
  jobDetailSchema,
  jobListQuery,
  jobSchema,
  queueParams,
  queueSchema,
  scheduleSchema,
  triggeredSchema,
} from './jobs-admin.schemas.js';
import {
  cancelQueuedJob,
  jobWithAttempts,
  listJobs,
  pauseQueue,
  pauseSchedule,
  queueSummaries,
  retryJob,
  schedules,
  triggerSchedule,
} from './jobs-admin.service.js';

const done = Type.Object({ ok: Type.Literal(true, { description: 'Always true' }) });
const read = permissions.access('jobs.queue.read');
const manage = permissions.access('jobs.queue.manage');
const manageSchedules = permissions.access('jobs.schedule.manage');

/** /api/v1/jobs: queues, jobs, dead letters and schedules for operators. */
export function jobsAdminRoutes(ctx: AppContext): RouteDefinition[] {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/jobs/queues',
      access: read,
      summary: 'List queues with their job counts',
      response: Type.Array(queueSchema),
      handler: async () => (await queueSummaries(db, ctx)).map(presentQueue),
    }),
    ...pauseRoutes(ctx),
    defineRoute({
      method: 'GET',
      url: '/jobs',
      access: read,
      summary: 'List jobs',
      querystring: jobListQuery,
      response: pageSchema(jobSchema),
      handler: async (request) => {
        const { queue, state, name, schedule_id } = request.query;
        const page = await listJobs(db, { queue, state, name, scheduleId: schedule_id }, request.query);
        return { ...page, items: page.items.map(presentJob) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/jobs/:id',
      access: read,
      summary: 'Show a job with its failed attempts',
      params: idParams,
      response: jobDetailSchema,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { job, attempts } = await jobWithAttempts(db, request.params.id);
        return { ...presentJob(job), failed_attempts: attempts.map(presentAttempt) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/jobs/:id/retry',
      access: manage,
      summary: 'Put a dead or cancelled job back in its queue',
      params: idParams,
      response: done,
      errors: ['NOT_FOUND', jobsAdminErrors.JOB_NOT_RETRYABLE],
      handler: async (request) => {
        await inTransaction(db, (trx) => retryJob(trx, ctx, actorOf(request), request.params.id));
        // After commit: the job is runnable again, so the workers look now rather than at their next poll.
        ctx.jobs.notify();
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/jobs/:id/cancel',
      access: manage,
      summary: 'Cancel a queued or running job',
      params: idParams,
      response: done,
      errors: ['NOT_FOUND', jobsAdminErrors.JOB_NOT_CANCELLABLE],
      handler: async (request) => {
        await inTransaction(db, (trx) => cancelQueuedJob(trx, ctx, actorOf(request), request.params.id));
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/jobs/schedules',
      access: read,
      summary: 'List schedules with their next fire time',
      response: Type.Array(scheduleSchema),
      handler: async () => (await schedules(db)).map(presentSchedule),
    }),
    defineRoute({
      method: 'POST',
      url: '/jobs/schedules/:id/trigger',
      access: manageSchedules,
      summary: 'Fire a schedule now',
      params: idParams,
      response: triggeredSchema,
      errors: ['NOT_FOUND', jobsAdminErrors.SCHEDULE_JOB_UNKNOWN],
      handler: async (request) => ({
        job_id: await inTransaction(db, (trx) =>
          triggerSchedule(trx, ctx, actorOf(request), request.params.id),
        ),
      }),
    }),
  ];
}

/** Pause and resume, for queues (jobs.queue.manage) and schedules (jobs.schedule.manage). */
function pauseRoutes(ctx: AppContext): RouteDefinition[] {
  const { db } = ctx;
  return (['pause', 'resume'] as const).flatMap((action) => {
    const paused = action === 'pause';
    return [
      defineRoute({
        method: 'POST',
        url: `/jobs/queues/:name/${action}`,
        access: manage,
        summary: paused ? 'Pause a queue (no job of it starts)' : 'Resume a paused queue',
        params: queueParams,
        response: done,
        errors: ['NOT_FOUND'],
        handler: async (request) => {
          await inTransaction(db, (trx) =>
            pauseQueue(trx, ctx, actorOf(request), request.params.name, paused),
          );
          // After commit: a resumed queue's waiting jobs are picked up at once.
          if (!paused) ctx.jobs.notify();
          return { ok: true as const };
        },
      }),
      defineRoute({
        method: 'POST',
        url: `/jobs/schedules/:id/${action}`,
        access: manageSchedules,
        summary: paused ? 'Pause a schedule' : 'Resume a paused schedule',
        params: idParams,
        response: done,
        errors: ['NOT_FOUND'],
        handler: async (request) => {
          await inTransaction(db, (trx) =>
            pauseSchedule(trx, ctx, actorOf(request), request.params.id, paused),
          );
          return { ok: true as const };
        },
      }),
    ];
  });
}
