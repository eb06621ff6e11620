import { type ChildProcess, spawn } from 'node:child_process';
import { Type } from '@sinclair/typebox';
import { type RawBuilder, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime, eventually } from '../../../test/job-harness.js';
import { FROM_SOURCE } from '../../../test/source-node.js';
import { createTestDatabase, type TestDatabase, testDialect } from '../../../test/test-database.js';
import { manualClock, systemClock } from '../db/clock.js';
import { inTransaction } from '../db/transaction.js';
import { defineJob } from './index.js';

let database: TestDatabase;

beforeEach(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  await database.destroy();
});

describe('a worker process killed in the middle of a job', () => {
  it('runs the job again, once, after its lease expires', async () => {
    const runs: number[] = [];
    const crashy = defineJob({
      name: 'test.crashy',
      payload: Type.Object({}),
      async handler(_payload, run) {
        runs.push(run.attempt);
      },
    });
    const clock = manualClock(new Date());
    const survivor = createTestRuntime(database, clock);
    survivor.register(crashy);
    const { id } = await survivor.enqueue(database.db, crashy, {});

    const child = spawn(
      process.execPath,
      [...FROM_SOURCE, 'test/job-worker-child.ts', JSON.stringify(database.location)],
      {
        cwd: new URL('../../../', import.meta.url).pathname,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await eventually(() => output.includes(`STARTED ${id} 1`), 30_000);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const row = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'running', attempts: 1 });
    clock.set(new Date(Date.parse(row.lease_expires_at ?? '') - 1));
    await survivor.drain();
    expect(runs).toEqual([]);
    clock.set(new Date(Date.parse(row.lease_expires_at ?? '') + 1));
    await survivor.drain();
    await survivor.drain();
    expect(runs).toEqual([2]);
    const after = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ state: 'succeeded', attempts: 2 });
    const attempts = await database.db
      .selectFrom('job_attempts')
      .select(['attempt', 'outcome', 'worker'])
      .where('job_id', '=', id)
      .execute();
    expect(attempts).toEqual([{ attempt: 1, outcome: 'lease_lost', worker: row.lease_owner }]);
  });
});

describe('two worker processes racing for the same jobs', () => {
  it('never runs a job twice at the same time and counts each effect once', async () => {
    for (const ddl of [
      sql`create table test_job_running (job_id varchar(36) primary key)`,
      sql`create table test_job_overlaps (job_id varchar(36) not null)`,
      sql`create table test_job_effects (job_id varchar(36) primary key, runs integer not null, pid integer not null)`,
    ])
      await ddl.execute(database.db);
    const raced = defineJob({
      name: 'test.raced',
      payload: Type.Object({ n: Type.Integer() }),
      async handler() {},
    });
    const producer = createTestRuntime(database, systemClock);
    const total = 300;
    await inTransaction(database.db, async (trx) => {
      for (let n = 0; n < total; n += 1) await producer.enqueue(trx, raced, { n });
    });
    const children = [spawnWorker('job-race-child.ts'), spawnWorker('job-race-child.ts')];
    try {
      await eventually(
        async () => (await count(sql`select count(*) as n from jobs where state = 'succeeded'`)) === total,
        60_000,
      );
    } finally {
      await Promise.all(children.map((child) => stopChild(child)));
    }
    expect(await count(sql`select count(*) as n from test_job_overlaps`)).toBe(0);
    expect(await count(sql`select count(*) as n from test_job_effects`)).toBe(total);
    expect(await count(sql`select sum(runs) as n from test_job_effects`)).toBe(total);
    if (testDialect === 'postgres')
      expect(await count(sql`select count(distinct pid) as n from test_job_effects`)).toBe(2);
  });
});

async function count(query: RawBuilder<unknown>): Promise<number> {
  const result = await query.execute(database.db);
  return Number((result.rows[0] as { n: number | string | null }).n ?? 0);
}

function spawnWorker(script: string): ChildProcess {
  return spawn(process.execPath, [...FROM_SOURCE, `test/${script}`, JSON.stringify(database.location)], {
    cwd: new URL('../../../', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
