import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { useJobTestBed } from '../../../test/job-test-bed.js';
import { defineJob, PermanentJobError } from './index.js';

const bed = useJobTestBed();
const { clock, seen, echo, jobRow } = bed;

describe('failures', () => {
  it('retries with exponential backoff at the policy times, then dead-letters', async () => {
    const failing = defineJob({
      name: 'test.failing',
      payload: Type.Object({}),
      retry: { attempts: 3, backoff: 'exponential', delayMs: 1000, maxDelayMs: 1500 },
      async handler(_payload, run) {
        seen.push(`attempt ${run.attempt} at ${clock.now().toISOString()}`);
        throw new Error(`boom ${run.attempt}`);
      },
    });
    bed.runtime.register(failing);
    const { id } = await bed.runtime.enqueue(bed.database.db, failing, {});
    await bed.runtime.drain();
    expect(await jobRow(id)).toMatchObject({
      state: 'queued',
      attempts: 1,
      run_at: '2026-03-01T12:00:01.000Z',
      last_error: 'Error: boom 1',
    });
    clock.advance(999);
    await bed.runtime.drain();
    expect(seen).toHaveLength(1);
    clock.advance(1);
    await bed.runtime.drain();
    expect(await jobRow(id)).toMatchObject({
      state: 'queued',
      attempts: 2,
      run_at: '2026-03-01T12:00:02.500Z',
    });
    clock.set('2026-03-01T12:00:02.499Z');
    await bed.runtime.drain();
    expect(seen).toHaveLength(2);
    clock.set('2026-03-01T12:00:02.500Z');
    await bed.runtime.drain();
    expect(seen).toEqual([
      'attempt 1 at 2026-03-01T12:00:00.000Z',
      'attempt 2 at 2026-03-01T12:00:01.000Z',
      'attempt 3 at 2026-03-01T12:00:02.500Z',
    ]);
    expect(await jobRow(id)).toMatchObject({ state: 'dead', attempts: 3, last_error: 'Error: boom 3' });
    const attempts = await bed.database.db
      .selectFrom('job_attempts')
      .selectAll()
      .where('job_id', '=', id)
      .orderBy('attempt')
      .execute();
    expect(attempts.map((a) => [a.attempt, a.outcome, a.error])).toEqual([
      [1, 'failed', 'Error: boom 1'],
      [2, 'failed', 'Error: boom 2'],
      [3, 'failed', 'Error: boom 3'],
    ]);
  });

  it('sends a permanent failure straight to the dead letters', async () => {
    const refused = defineJob({
      name: 'test.refused',
      payload: Type.Object({}),
      async handler() {
        throw new PermanentJobError('mailbox does not exist');
      },
    });
    bed.runtime.register(refused);
    const { id } = await bed.runtime.enqueue(bed.database.db, refused, {});
    await bed.runtime.drain();
    expect(await jobRow(id)).toMatchObject({
      state: 'dead',
      attempts: 1,
      last_error: 'PermanentJobError: mailbox does not exist',
    });
  });

  it('aborts a handler that hangs past its timeout and counts a timed-out attempt', async () => {
    let aborted = false;
    const hanging = defineJob({
      name: 'test.hanging',
      payload: Type.Object({}),
      timeoutMs: 50,
      retry: { attempts: 1, backoff: 'fixed', delayMs: 1000 },
      async handler(_payload, run) {
        run.signal.addEventListener('abort', () => {
          aborted = true;
        });
        await new Promise(() => {});
      },
    });
    bed.runtime.register(hanging);
    const { id } = await bed.runtime.enqueue(bed.database.db, hanging, {});
    await bed.runtime.drain();
    expect(aborted).toBe(true);
    expect(await jobRow(id)).toMatchObject({ state: 'dead', last_error: 'JobAbort: timed out after 50 ms' });
    const [attempt] = await bed.database.db
      .selectFrom('job_attempts')
      .selectAll()
      .where('job_id', '=', id)
      .execute();
    expect(attempt?.outcome).toBe('timeout');
  });

  it('reclaims a job whose worker stopped renewing its lease, and runs it again once', async () => {
    const { id } = await bed.runtime.enqueue(bed.database.db, echo, { text: 'again' });
    await bed.database.db
      .updateTable('jobs')
      .set({
        state: 'running',
        attempts: 1,
        lease_owner: 'dead-worker',
        lease_expires_at: '2026-03-01T12:00:30.000Z',
        started_at: clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await bed.runtime.drain();
    expect(seen).toEqual([]);
    clock.set('2026-03-01T12:00:30.001Z');
    await bed.runtime.drain();
    await bed.runtime.drain();
    expect(seen).toEqual(['again']);
    expect(await jobRow(id)).toMatchObject({ state: 'succeeded', attempts: 2 });
    const attempts = await bed.database.db
      .selectFrom('job_attempts')
      .selectAll()
      .where('job_id', '=', id)
      .execute();
    expect(attempts.map((a) => [a.attempt, a.outcome, a.worker])).toEqual([[1, 'lease_lost', 'dead-worker']]);
  });
});
