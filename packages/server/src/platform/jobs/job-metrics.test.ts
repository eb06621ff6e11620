import { Type } from '@sinclair/typebox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { defineJob } from './index.js';

let t: TestApp;

beforeEach(async () => {
  t = await createTestApp({ build: { modules: [] } });
});

afterEach(async () => {
  await t.close();
});

describe('job metrics in /metrics', () => {
  it('reports queue depth, start lag, run time, failures and dead letters', async () => {
    const ok = defineJob({ name: 'test.ok', payload: Type.Object({}), async handler() {} });
    const broken = defineJob({
      name: 'test.broken',
      payload: Type.Object({}),
      retry: { attempts: 1, backoff: 'fixed', delayMs: 1 },
      async handler() {
        throw new Error('broken');
      },
    });
    const { jobs, db } = t.app.signx;
    jobs.register(ok);
    jobs.register(broken);
    await jobs.enqueue(db, ok, {});
    await jobs.enqueue(db, broken, {});
    await jobs.enqueue(db, ok, {}, { delayMs: 3_600_000 });
    await jobs.drain();
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    const text = response.body;
    expect(text).toContain('signx_job_queue_depth{queue="default",state="queued"} 1');
    expect(text).toContain('signx_job_queue_depth{queue="default",state="dead"} 1');
    expect(text).toContain('signx_job_start_lag_seconds_count{queue="default"} 2');
    expect(text).toContain('signx_job_run_seconds_count{job="test.ok"} 1');
    expect(text).toContain('signx_job_failures_total{job="test.broken",outcome="failed"} 1');
    expect(text).toContain('signx_job_dead_letters_total{job="test.broken"} 1');
    expect(text).toContain('signx_jobs_enqueued_total{job="test.ok"} 2');
  });
});
