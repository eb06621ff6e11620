import { Type } from '@sinclair/typebox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { auditModule } from '../audit/index.js';
import { jobsAdminModule } from './index.js';

const all = 'jobs.queue.read,jobs.queue.manage,jobs.schedule.manage';

/** Test authenticator: permissions come from a header, so tests can call without them. */
const testAuth: ModuleDefinition = {
  name: 'test-auth',
  install: async (app) => {
    app.setAuthenticator(async (request) => {
      const header = request.headers['x-test-permissions'];
      if (typeof header !== 'string') return null;
      const id = '019a0000-0000-7000-8000-000000000001';
      return {
        kind: 'user',
        id,
        userId: id,
        username: 'ops',
        permissions: new Set(header.split(',')),
        sessionId: null,
        authMethod: 'password',
      };
    });
  },
};

const flaky = defineJob({
  name: 'test.flaky',
  payload: Type.Object({ n: Type.Integer() }),
  retry: { attempts: 1, backoff: 'fixed', delayMs: 10 },
  async handler() {
    throw new Error('upstream said no');
  },
});
const ok = defineJob({ name: 'test.ok', payload: Type.Object({}), queue: 'reports', async handler() {} });
const schedules: ModuleDefinition = {
  name: 'test-schedules',
  jobs: [flaky, ok],
  schedules: [
    defineSchedule({ name: 'nightly-report', job: ok, cron: '0 2 * * *', timeZone: 'Europe/Berlin' }),
  ],
};

let t: TestApp;
const call = (method: 'GET' | 'POST', url: string, permissions: string | null = all) =>
  t.app.inject({ method, url, headers: permissions === null ? {} : { 'x-test-permissions': permissions } });
const auditActions = async () =>
  await t.database.db
    .selectFrom('audit_events')
    .select(['action', 'actor_name', 'entity_id'])
    .where('action', 'like', 'jobs.%')
    .orderBy('seq')
    .execute();
const job = (id: string) =>
  t.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeEach(async () => {
  t = await createTestApp({ build: { modules: [auditModule, jobsAdminModule, testAuth, schedules] } });
});

afterEach(async () => {
  await t.close();
});

describe('jobs admin API', () => {
  it('lists queues with counts, and refuses callers without the permission', async () => {
    await t.app.signx.jobs.enqueue(t.app.signx.db, ok, {});
    const response = await call('GET', '/api/v1/jobs/queues');
    expect(response.statusCode).toBe(200);
    const queues = response.json().data as { name: string; counts: { queued: number } }[];
    expect(queues.map((q) => q.name)).toEqual(['default', 'mail', 'reports']);
    expect(queues.find((q) => q.name === 'reports')?.counts.queued).toBe(1);
    expect((await call('GET', '/api/v1/jobs/queues', null)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/jobs/queues', 'jobs.schedule.manage')).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/jobs/queues/reports/pause', 'jobs.queue.read')).statusCode).toBe(403);
    expect(await t.database.db.selectFrom('job_queues').selectAll().execute()).toEqual([]);
  });

  it('shows a dead letter with its attempts, retries it once, and audits the retry', async () => {
    const { id } = await t.app.signx.jobs.enqueue(t.app.signx.db, flaky, { n: 1 });
    await t.app.signx.jobs.drain();
    const list = (await call('GET', '/api/v1/jobs?state=dead&queue=default')).json().data;
    expect(list).toMatchObject({
      total: 1,
      items: [{ id, state: 'dead', last_error: 'Error: upstream said no' }],
    });
    expect(list.items[0]).not.toHaveProperty('payload');
    const detail = (await call('GET', `/api/v1/jobs/${id}`)).json().data;
    expect(detail.failed_attempts).toMatchObject([
      { attempt: 1, outcome: 'failed', error: 'Error: upstream said no' },
    ]);

    expect((await call('POST', `/api/v1/jobs/${id}/retry`)).statusCode).toBe(200);
    expect(await job(id)).toMatchObject({ state: 'queued', attempts: 0 });
    const again = await call('POST', `/api/v1/jobs/${id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(await auditActions()).toEqual([{ action: 'jobs.job.retried', actor_name: 'ops', entity_id: id }]);
    expect((await call('GET', '/api/v1/jobs/not-a-uuid')).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/jobs?state=lost')).statusCode).toBe(400);
  });

  it('cancels a queued job and pauses and resumes a queue, auditing each', async () => {
    const { id } = await t.app.signx.jobs.enqueue(t.app.signx.db, ok, {});
    expect((await call('POST', `/api/v1/jobs/${id}/cancel`)).statusCode).toBe(200);
    expect(await job(id)).toMatchObject({ state: 'cancelled' });
    expect((await call('POST', `/api/v1/jobs/${id}/cancel`)).statusCode).toBe(409);

    expect((await call('POST', '/api/v1/jobs/queues/reports/pause')).statusCode).toBe(200);
    const held = await t.app.signx.jobs.enqueue(t.app.signx.db, ok, {});
    await t.app.signx.jobs.drain();
    expect((await job(held.id)).state).toBe('queued');
    expect((await call('POST', '/api/v1/jobs/queues/reports/resume')).statusCode).toBe(200);
    await t.app.signx.jobs.drain();
    expect((await job(held.id)).state).toBe('succeeded');
    expect((await call('POST', '/api/v1/jobs/queues/nope/pause')).statusCode).toBe(404);
    expect((await auditActions()).map((a) => a.action)).toEqual([
      'jobs.job.cancelled',
      'jobs.queue.paused',
      'jobs.queue.resumed',
    ]);
  });

  it('lists, pauses, resumes and triggers a schedule', async () => {
    await t.app.signx.jobs.drain();
    const [schedule] = (await call('GET', '/api/v1/jobs/schedules')).json().data;
    expect(schedule).toMatchObject({
      name: 'nightly-report',
      cron: '0 2 * * *',
      time_zone: 'Europe/Berlin',
      paused: false,
      misfire: 'fire-once',
      overlap: 'skip',
    });
    expect(
      (await call('POST', `/api/v1/jobs/schedules/${schedule.id}/pause`, 'jobs.queue.manage')).statusCode,
    ).toBe(403);
    expect((await call('POST', `/api/v1/jobs/schedules/${schedule.id}/pause`)).statusCode).toBe(200);
    expect(
      (await t.database.db.selectFrom('job_schedules').select('paused').executeTakeFirstOrThrow()).paused,
    ).toBe(1);
    expect((await call('POST', `/api/v1/jobs/schedules/${schedule.id}/resume`)).statusCode).toBe(200);
    const triggered = await call('POST', `/api/v1/jobs/schedules/${schedule.id}/trigger`);
    expect(triggered.statusCode).toBe(200);
    const jobId = triggered.json().data.job_id as string;
    expect(await job(jobId)).toMatchObject({ name: 'test.ok', schedule_id: schedule.id, state: 'queued' });
    expect(
      (await call('POST', '/api/v1/jobs/schedules/019a0000-0000-7000-8000-00000000ffff/trigger')).statusCode,
    ).toBe(404);
    expect((await auditActions()).map((a) => a.action)).toEqual([
      'jobs.schedule.paused',
      'jobs.schedule.resumed',
      'jobs.schedule.triggered',
    ]);
  });
});
