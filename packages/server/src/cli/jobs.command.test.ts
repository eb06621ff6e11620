import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { useCliDatabase } from '../../test/cli-kit.js';
import { createContext } from '../platform/app-context.js';
import { defineJob } from '../platform/jobs/index.js';
import { run } from './jobs.command.js';

const { cli, config } = useCliDatabase(run, 'jobs');

/** A dead mail job, as a failed delivery would leave it. */
async function deadMailJob(): Promise<string> {
  const ctx = createContext(config());
  const failing = defineJob({
    name: 'mail.send',
    payload: Type.Object({}),
    queue: 'mail',
    retry: { attempts: 1, backoff: 'fixed', delayMs: 1 },
    async handler() {
      throw new Error('550 no such user');
    },
  });
  ctx.jobs.register(failing);
  const { id } = await ctx.jobs.enqueue(ctx.db, failing, {});
  await ctx.jobs.drain();
  await ctx.database.destroy();
  return id;
}

describe('signx jobs', () => {
  it('shows queues, lists dead letters and retries one with an audit event', async () => {
    const id = await deadMailJob();
    const queues = await cli('queues');
    expect(queues.status).toBe(0);
    expect(queues.out).toMatch(/^mail\s+no\s+0\s+0\s+1\s+0/m);
    const dead = await cli('list', '--state', 'dead');
    expect(dead.out).toContain(id);
    expect(dead.out).toContain('550 no such user');
    expect((await cli('show', id)).out).toMatch(/1\s+failed/);
    expect(await cli('retry', id)).toMatchObject({ status: 0, out: `job ${id} queued again` });
    expect(await cli('retry', id)).toMatchObject({
      status: 1,
      err: 'A queued job cannot be retried; only dead or cancelled jobs can',
    });
    const ctx = createContext(config());
    const row = await ctx.db
      .selectFrom('jobs')
      .select(['state', 'attempts'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const events = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type', 'entity_id'])
      .where('action', 'like', 'jobs.%')
      .execute();
    await ctx.database.destroy();
    expect(row).toEqual({ state: 'queued', attempts: 0 });
    expect(events).toEqual([{ action: 'jobs.job.retried', actor_type: 'system', entity_id: id }]);
  });

  it('pauses a queue and explains its usage', async () => {
    await deadMailJob();
    expect(await cli('pause', 'mail')).toMatchObject({ status: 0, out: 'queue mail paused' });
    expect((await cli('queues')).out).toMatch(/^mail\s+yes/m);
    expect((await cli('pause', 'nope')).status).toBe(1);
    expect((await cli('frobnicate')).status).toBe(2);
  });
});
