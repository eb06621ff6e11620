// Job runtime benchmark (issue 5): local driver on SQLite, jobs enqueued and completed per
// second with a no-op handler; enqueue-to-start latency at a steady 500 jobs/s; bullmq
// driver throughput (Redis at 127.0.0.1:6379 under a private key prefix, removed after).
// Run: node bench/run.js jobs (after npm run build).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { Redis } from 'ioredis';
import pino from 'pino';
import { Registry } from 'prom-client';
import { systemClock } from '../packages/server/dist/platform/db/clock.js';
import { createDatabase } from '../packages/server/dist/platform/db/database.js';
import { migrateToLatest } from '../packages/server/dist/platform/db/migrator.js';
import { createJobRuntime, defineJob } from '../packages/server/dist/platform/jobs/index.js';
import { alternate, pairedCase, rawSqliteInsertsPerSecond } from './lib/baselines.js';
import { percentile, writeResult } from './lib/results.js';

const THROUGHPUT_JOBS = Number(process.env.JOBS_BENCH_COUNT ?? 30_000);
const BATCH = 100;
const RATE = 500;
const LATENCY_SECONDS = 6;
const REDIS_URL = process.env.JOBS_BENCH_REDIS ?? 'redis://127.0.0.1:6379';

async function setup(driver, extra = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'signx-jobs-bench-'));
  const database = createDatabase({ dialect: 'sqlite', file: join(dir, 'jobs.db') });
  await migrateToLatest(database.db);
  const runtime = createJobRuntime({
    database,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    registry: new Registry(),
    context: () => ({}),
    driver,
    concurrency: 64,
    ...extra,
  });
  return { database, runtime, dir };
}

/** Enqueues `total` jobs in transactions of BATCH while workers run; seconds until all are done. */
async function throughput(driver, extra) {
  const { database, runtime, dir } = await setup(driver, extra);
  let completed = 0;
  let finish;
  const allDone = new Promise((resolve) => (finish = resolve));
  const noop = defineJob({
    name: 'bench.noop',
    payload: Type.Object({ n: Type.Integer() }),
    concurrency: 64,
    async handler() {
      completed += 1;
      if (completed === THROUGHPUT_JOBS) finish();
    },
  });
  runtime.register(noop);
  await runtime.start();
  const start = performance.now();
  for (let done = 0; done < THROUGHPUT_JOBS; done += BATCH) {
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < BATCH; i += 1) await runtime.enqueue(trx, noop, { n: done + i });
    });
  }
  await allDone;
  const seconds = (performance.now() - start) / 1000;
  await waitSettled(database, THROUGHPUT_JOBS);
  const settled = (performance.now() - start) / 1000;
  await runtime.stop(5000);
  await database.destroy();
  rmSync(dir, { recursive: true, force: true });
  return { handled: THROUGHPUT_JOBS / seconds, recorded: THROUGHPUT_JOBS / settled };
}

/** Waits until every job is recorded as succeeded in the database (not only handled). */
async function waitSettled(database, total) {
  for (;;) {
    const row = await database.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('state', '=', 'succeeded')
      .executeTakeFirst();
    if (Number(row.n) >= total) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** One job per transaction at a steady RATE; latency from enqueue call to handler start. */
async function latency() {
  const { database, runtime, dir } = await setup('local');
  const lags = [];
  const probe = defineJob({
    name: 'bench.probe',
    payload: Type.Object({ t: Type.Number() }),
    concurrency: 64,
    async handler(payload) {
      lags.push(performance.now() - payload.t);
    },
  });
  runtime.register(probe);
  await runtime.start();
  const total = RATE * LATENCY_SECONDS;
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / RATE;
    while (performance.now() < due) await new Promise((resolve) => setImmediate(resolve));
    await database.db.transaction().execute((trx) => runtime.enqueue(trx, probe, { t: performance.now() }));
  }
  while (lags.length < total) await new Promise((resolve) => setTimeout(resolve, 5));
  await runtime.stop(5000);
  await database.destroy();
  rmSync(dir, { recursive: true, force: true });
  return {
    p50: percentile(lags, 50),
    p99: percentile(lags, 99),
    achievedRate: total / ((performance.now() - start) / 1000),
  };
}

// Baselines (issue 11): better-sqlite3 alone inserting as many rows, BATCH per transaction
// (a job is at least that insert), alternated with the figure (3 rounds, median kept).
const ROUNDS = 3;
const raw = () => rawSqliteInsertsPerSecond({ rows: THROUGHPUT_JOBS, batch: BATCH });
const localRuns = await alternate(ROUNDS, raw, () => throughput('local'));
const lag = await latency();
const prefix = `signx-bench-${randomBytes(4).toString('hex')}`;
const bullRuns = await alternate(ROUNDS, raw, () =>
  throughput('bullmq', { queueUrl: REDIS_URL, redisPrefix: prefix }),
);
const redis = new Redis(REDIS_URL);
const keys = await redis.keys(`${prefix}:*`);
if (keys.length > 0) await redis.del(...keys);
await redis.quit();

writeResult(
  'jobs',
  [
    pairedCase(localRuns, {
      name: 'local driver (SQLite): jobs enqueued and completed',
      unit: 'jobs/s',
      pick: (run) => (typeof run === 'number' ? run : run.recorded),
      baselineName: `raw better-sqlite3 inserts, ${BATCH} per transaction`,
      target: { value: 3000 },
    }),
    {
      name: 'local: enqueue-to-start p50 at 500 jobs/s',
      value: lag.p50,
      unit: 'ms',
      target: { op: '<=', value: 10 },
    },
    {
      name: 'local: enqueue-to-start p99 at 500 jobs/s',
      value: lag.p99,
      unit: 'ms',
      target: { op: '<=', value: 50 },
    },
    pairedCase(bullRuns, {
      name: 'bullmq driver (Redis, SQLite outbox): jobs enqueued and completed',
      unit: 'jobs/s',
      pick: (run) => (typeof run === 'number' ? run : run.recorded),
      baselineName: `raw better-sqlite3 inserts, ${BATCH} per transaction`,
      target: { value: 5000 },
    }),
  ],
  {
    notes: {
      jobs: THROUGHPUT_JOBS,
      enqueueBatch: `${BATCH} jobs per transaction`,
      latencyRun: `${LATENCY_SECONDS} s at ${RATE}/s, one job per transaction (achieved ${Math.round(lag.achievedRate)}/s)`,
      handledRates: {
        local: localRuns.map((r) => Math.round(r.figure.handled)),
        bullmq: bullRuns.map((r) => Math.round(r.figure.handled)),
      },
      workerConcurrency: 64,
    },
  },
);
process.exit(0);
