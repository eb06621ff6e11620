import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrator.js';

/**
 * Migrates one template database per run, so that each test copies it instead of running
 * every migration again: on PostgreSQL a template database (`create database … template`,
 * a file copy), on SQLite a template file. Migrating per test cost seconds on SQLite and,
 * once a run had left a thousand schemas in one catalog, about 20 s per test on PostgreSQL.
 *
 * PostgreSQL test databases are named t_<run>_<random>, where <run> starts with the run's
 * start time. Each test drops its own; the run drops whatever of its own is left when it
 * ends, and leftovers of runs older than a day, never another live run's.
 */
const leftoverAgeSeconds = 24 * 60 * 60;
export const postgresUrl = process.env.SIGNX_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function withAdmin<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: postgresUrl });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Drops this machine's test databases and (older layout) test schemas that `shouldDrop` names. */
async function dropLeftovers(shouldDrop: (name: string) => boolean): Promise<void> {
  await withAdmin(async (db) => {
    const databases = await db.query<{ name: string }>(
      "select datname as name from pg_database where datname like 't\\_%' or datname like 'tpl\\_%'",
    );
    for (const { name } of databases.rows.filter((r) => shouldDrop(r.name)))
      await db.query(`drop database if exists ${name} with (force)`);
    const schemas = await db.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname like 't\\_%'",
    );
    for (const { name } of schemas.rows.filter((r) => shouldDrop(r.name)))
      await db.query(`drop schema if exists ${name} cascade`);
  });
}

function startedAt(name: string): number {
  return Number.parseInt(name.replace(/^(t|tpl)_/, '').slice(0, 8), 16);
}

async function postgresTemplate(run: string): Promise<string> {
  const template = `tpl_${run}`;
  await withAdmin((db) => db.query(`create database ${template}`));
  const url = new URL(postgresUrl);
  url.pathname = `/${template}`;
  const database = createDatabase({ dialect: 'postgres', url: url.toString(), poolMax: 1 });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.destroy();
  }
  return template;
}

async function sqliteTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'signx-template-'));
  const building = join(dir, 'building.db');
  const database = createDatabase({ dialect: 'sqlite', file: building });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.destroy();
  }
  // Copied under its final name only once closed (checkpointed), so no test sees half of it.
  copyFileSync(building, join(dir, 'template.db'));
  return join(dir, 'template.db');
}

/**
 * What this process's setup made, and only that, is what its teardown removes: a test that
 * starts vitest again in a child process (the compliance command runs named tests) inherits
 * the variables, reuses the template and must not delete it under the parent run.
 */
let made: { template: string; run?: string } | undefined;

export async function setup(): Promise<void> {
  // The server and services projects share this file; one template serves both.
  if (process.env.SIGNX_TEST_TEMPLATE) return;
  if (process.env.SIGNX_TEST_DIALECT !== 'postgres') {
    const template = await sqliteTemplate();
    made = { template };
    // Test workers are forked after this runs and inherit the variable.
    process.env.SIGNX_TEST_TEMPLATE = template;
    return;
  }
  const now = Math.floor(Date.now() / 1000);
  const run = `${now.toString(16)}${randomBytes(2).toString('hex')}`;
  process.env.SIGNX_TEST_RUN = run;
  await dropLeftovers((name) => {
    const started = startedAt(name);
    return Number.isFinite(started) && started < now - leftoverAgeSeconds;
  });
  const template = await postgresTemplate(run);
  made = { template, run };
  process.env.SIGNX_TEST_TEMPLATE = template;
}

export async function teardown(): Promise<void> {
  if (!made) return;
  const { template, run } = made;
  made = undefined;
  delete process.env.SIGNX_TEST_TEMPLATE;
  if (!run) {
    rmSync(join(template, '..'), { recursive: true, force: true });
    return;
  }
  await dropLeftovers((name) => name.startsWith(`t_${run}_`) || name === template);
}
