import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL test schemas are named t_<run>_<random>, where <run> starts with the run's
 * start time. A run drops its own schemas when it ends, never while test files run
 * (dropping a schema while another file's migrator reads the catalogs makes that read
 * fail), and never another run's — except leftovers of runs older than a day.
 */
const leftoverAgeSeconds = 24 * 60 * 60;

function client(): pg.Client {
  return new pg.Client({
    connectionString: process.env.SIGNX_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });
}

async function dropSchemas(shouldDrop: (name: string) => boolean): Promise<void> {
  const db = client();
  await db.connect();
  try {
    const { rows } = await db.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname like 't\\_%'",
    );
    for (const { name } of rows.filter((r) => shouldDrop(r.name)))
      await db.query(`drop schema if exists ${name} cascade`);
  } finally {
    await db.end();
  }
}

export async function setup(): Promise<void> {
  if (process.env.SIGNX_TEST_DIALECT !== 'postgres') return;
  const now = Math.floor(Date.now() / 1000);
  // Test workers are forked after this runs and inherit the variable.
  process.env.SIGNX_TEST_RUN = `${now.toString(16)}${randomBytes(2).toString('hex')}`;
  await dropSchemas((name) => {
    const started = Number.parseInt(name.slice(2, 10), 16);
    return Number.isFinite(started) && started < now - leftoverAgeSeconds;
  });
}

export async function teardown(): Promise<void> {
  const run = process.env.SIGNX_TEST_RUN;
  if (process.env.SIGNX_TEST_DIALECT !== 'postgres' || !run) return;
  await dropSchemas((name) => name.startsWith(`t_${run}_`));
}
