import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Type } from '@sinclair/typebox';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime, eventually } from '../../../test/job-harness.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { systemClock } from '../db/clock.js';
import { inTransaction } from '../db/transaction.js';
import { defineJob } from './index.js';
import type { ManagedJobRuntime } from './job-runtime.js';

let database: TestDatabase;
let runtime: ManagedJobRuntime | undefined;
const prefix = `signx-test-${randomBytes(4).toString('hex')}`;
const runs = new Map<string, number>();

const counted = defineJob({
  name: 'test.counted',
  payload: Type.Object({ n: Type.Integer() }),
  async handler(_payload, run) {
    runs.set(run.jobId, (runs.get(run.jobId) ?? 0) + 1);
  },
});

beforeEach(async () => {
  database = await createTestDatabase();
  runs.clear();
});

afterEach(async () => {
  await runtime?.stop(1000);
  runtime = undefined;
  await database.destroy();
  const redis = new Redis('redis://127.0.0.1:6379');
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const states = async () =>
  (await database.db.selectFrom('jobs').select('state').execute()).map((r) => r.state);

describe('bullmq driver', () => {
  it('delivers committed jobs through Redis, never rolled-back ones, with retries and dead letters in the database', async () => {
    const failing = defineJob({
      name: 'test.failing',
      payload: Type.Object({}),
      retry: { attempts: 2, backoff: 'fixed', delayMs: 50 },
      async handler() {
        throw new Error('nope');
      },
    });
    runtime = createTestRuntime(database, systemClock, {
      driver: 'bullmq',
      queueUrl: 'redis://127.0.0.1:6379',
      redisPrefix: prefix,
    });
    runtime.register(counted);
    runtime.register(failing);
    await runtime.start();
    const { id } = await inTransaction(database.db, (trx) => runtime!.enqueue(trx, counted, { n: 1 }));
    await inTransaction(database.db, async (trx) => {
      await runtime!.enqueue(trx, counted, { n: 2 });
      throw new Error('rolled back');
    }).catch(() => {});
    const failed = await runtime.enqueue(database.db, failing, {});
    await eventually(async () => (await states()).sort().join() === 'dead,succeeded');
    expect([...runs.entries()]).toEqual([[id, 1]]);
    // No claim loop runs in bullmq mode: the job can only have run through Redis.
    const redis = new Redis('redis://127.0.0.1:6379');
    expect(await redis.keys(`${prefix}:jobs-default:*`)).not.toEqual([]);
    await redis.quit();
    const dead = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', failed.id)
      .executeTakeFirstOrThrow();
    expect(dead).toMatchObject({ state: 'dead', attempts: 2, last_error: 'Error: nope' });
  });

  it('loses no committed job when the Redis server restarts with jobs queued in it', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gated = defineJob({
      name: 'test.gated',
      payload: Type.Object({ n: Type.Integer() }),
      concurrency: 1,
      async handler(_payload, run) {
        runs.set(run.jobId, (runs.get(run.jobId) ?? 0) + 1);
        await gate;
      },
    });
    runtime = createTestRuntime(database, systemClock, {
      driver: 'bullmq',
      queueUrl: `redis://127.0.0.1:${port}`,
      redisPrefix: prefix,
      redispatchAfterMs: 300,
      concurrency: 1,
    });
    runtime.register(gated);
    await runtime.start();
    const total = 20;
    for (let n = 0; n < total; n += 1) await runtime.enqueue(database.db, gated, { n });
    await eventually(async () => {
      const undispatched = await database.db
        .selectFrom('jobs')
        .select('id')
        .where('state', '=', 'queued')
        .where('dispatched_at', 'is', null)
        .execute();
      return undispatched.length === 0 && runs.size === 1;
    });
    const probe = new Redis(`redis://127.0.0.1:${port}`);
    expect(await probe.keys(`${prefix}:*`)).not.toEqual([]);
    probe.disconnect();

    await stopRedis(redis);
    redis = await startRedis(port);
    release();
    await eventually(async () => (await states()).every((s) => s === 'succeeded'), 30_000);
    expect(runs.size).toBe(total);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    await runtime.stop(1000);
    runtime = undefined;
    await stopRedis(redis);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A private Redis without persistence: a restart loses everything it held. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await eventually(async () => {
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
