import { sql } from 'kysely';
import { ID, type MigrationDb, TIME } from './migration-kit.js';

/** The job runtime: jobs (also the bullmq outbox), failed attempts, queue state, schedules and their fires. */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('queue', 'varchar(100)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('run_at', TIME, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'varchar(200)')
    .addColumn('lease_owner', 'varchar(100)')
    .addColumn('lease_expires_at', TIME)
    .addColumn('last_error', 'text')
    .addColumn('schedule_id', ID)
    .addColumn('dispatched_at', TIME)
    .addColumn('enqueued_at', TIME, (c) => c.notNull())
    .addColumn('started_at', TIME)
    .addColumn('finished_at', TIME)
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('jobs_name_idempotency_uq', ['name', 'idempotency_key'])
    .execute();
  // The claim query's order (state = 'queued', priority desc, run_at, id), readable straight off the index.
  await db.schema
    .createIndex('jobs_claim_idx')
    .on('jobs')
    .expression(sql`state, priority desc, run_at, id`)
    .execute();
  await db.schema.createIndex('jobs_lease_idx').on('jobs').columns(['state', 'lease_expires_at']).execute();
  await db.schema.createIndex('jobs_queue_idx').on('jobs').columns(['queue', 'state']).execute();
  await db.schema.createIndex('jobs_schedule_idx').on('jobs').columns(['schedule_id', 'state']).execute();

  await db.schema
    .createTable('job_attempts')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('job_id', ID, (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('worker', 'varchar(100)', (c) => c.notNull())
    .addColumn('started_at', TIME, (c) => c.notNull())
    .addColumn('finished_at', TIME, (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('error', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('job_attempts_job_idx')
    .on('job_attempts')
    .columns(['job_id', 'attempt'])
    .execute();

  await db.schema
    .createTable('job_queues')
    .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job_schedules')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('job_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('cron', 'varchar(120)')
    .addColumn('interval_ms', 'bigint')
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('misfire', 'varchar(16)', (c) => c.notNull())
    .addColumn('catch_up_window_ms', 'bigint', (c) => c.notNull())
    .addColumn('overlap', 'varchar(16)', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('next_fire_at', TIME)
    .addColumn('last_fire_at', TIME)
    .addColumn('pending_fire_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('job_schedules_next_idx')
    .on('job_schedules')
    .columns(['paused', 'next_fire_at'])
    .execute();

  await db.schema
    .createTable('job_schedule_fires')
    .addColumn('schedule_id', ID, (c) => c.notNull().references('job_schedules.id').onDelete('cascade'))
    .addColumn('fire_time', TIME, (c) => c.notNull())
    .addColumn('job_id', ID)
    .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('job_schedule_fires_pk', ['schedule_id', 'fire_time'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('job_schedule_fires').execute();
  await db.schema.dropTable('job_schedules').execute();
  await db.schema.dropTable('job_queues').execute();
  await db.schema.dropTable('job_attempts').execute();
  await db.schema.dropTable('jobs').execute();
}
