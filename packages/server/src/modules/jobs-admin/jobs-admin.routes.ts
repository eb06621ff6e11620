import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { pageSchema, paginate } from '../../platform/db/pagination.js';
import { notFound } from '../../platform/errors.js';
import { envelope, errorResponses, ok } from '../../platform/http/envelope.js';
import {
  findJob,
  jobAttempts,
  jobsQuery,
  listQueues,
  listSchedules,
} from '../../platform/jobs/jobs-admin.repository.js';
import { actorFromRequest } from '../audit/index.js';
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
  knownQueues,
  pauseQueue,
  pauseSchedule,
  retryJob,
  triggerSchedule,
} from './jobs-admin.service.js';

const read = { access: { permission: 'jobs.queue.read' } };
const manage = { access: { permission: 'jobs.queue.manage' } };
const manageSchedules = { access: { permission: 'jobs.schedule.manage' } };
const done = envelope(Type.Object({ ok: Type.Literal(true, { description: 'Always true' }) }));
const tags = ['jobs'];

/** /api/v1/jobs: queues, jobs, dead letters and schedules for operators. */
export async function jobsAdminRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = api.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/jobs/queues',
    {
      config: read,
      schema: { tags, response: { 200: envelope(Type.Array(queueSchema)), ...errorResponses(401, 403) } },
    },
    async () => ok((await listQueues(ctx.db, knownQueues(ctx))).map(presentQueue)),
  );
  for (const [action, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    app.post(
      `/jobs/queues/:name/${action}`,
      {
        config: manage,
        schema: { tags, params: queueParams, response: { 200: done, ...errorResponses(401, 403, 404) } },
      },
      async (request) => {
        await pauseQueue(ctx, actorFromRequest(request), request.params.name, paused);
        return ok({ ok: true as const });
      },
    );
    app.post(
      `/jobs/schedules/:id/${action}`,
      {
        config: manageSchedules,
        schema: { tags, params: idParams, response: { 200: done, ...errorResponses(401, 403, 404) } },
      },
      async (request) => {
        await pauseSchedule(ctx, actorFromRequest(request), request.params.id, paused);
        return ok({ ok: true as const });
      },
    );
  }
  app.get(
    '/jobs',
    {
      config: read,
      schema: {
        tags,
        querystring: jobListQuery,
        response: { 200: envelope(pageSchema(jobSchema)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { queue, state, name, schedule_id } = request.query;
      const page = await paginate(
        jobsQuery(ctx.db, { queue, state, name, scheduleId: schedule_id }),
        request.query,
        {
          enqueued_at: 'enqueued_at',
          run_at: 'run_at',
          finished_at: 'finished_at',
          priority: 'priority',
        },
      );
      return ok({ ...page, items: page.items.map(presentJob) });
    },
  );
  app.get(
    '/jobs/:id',
    {
      config: read,
      schema: {
        tags,
        params: idParams,
        response: { 200: envelope(jobDetailSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const job = await findJob(ctx.db, request.params.id);
      if (!job) throw notFound('Job');
      const attempts = await jobAttempts(ctx.db, job.id);
      return ok({ ...presentJob(job), failed_attempts: attempts.map(presentAttempt) });
    },
  );
  app.post(
    '/jobs/:id/retry',
    {
      config: manage,
      schema: { tags, params: idParams, response: { 200: done, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request) => {
      await retryJob(ctx, actorFromRequest(request), request.params.id);
      return ok({ ok: true as const });
    },
  );
  app.post(
    '/jobs/:id/cancel',
    {
      config: manage,
      schema: { tags, params: idParams, response: { 200: done, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request) => {
      await cancelQueuedJob(ctx, actorFromRequest(request), request.params.id);
      return ok({ ok: true as const });
    },
  );
  app.get(
    '/jobs/schedules',
    {
      config: read,
      schema: { tags, response: { 200: envelope(Type.Array(scheduleSchema)), ...errorResponses(401, 403) } },
    },
    async () => ok((await listSchedules(ctx.db)).map(presentSchedule)),
  );
  app.post(
    '/jobs/schedules/:id/trigger',
    {
      config: manageSchedules,
      schema: {
        tags,
        params: idParams,
        response: { 200: envelope(triggeredSchema), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) =>
      ok({ job_id: await triggerSchedule(ctx, actorFromRequest(request), request.params.id) }),
  );
}
