import { sql } from 'kysely';
import { ID, isPostgres, type MigrationDb, TIME } from './migration-kit.js';

/**
 * The tamper-evident audit log: events (hash-chained Merkle leaves), one head row per chain
 * (the lock that keeps sequence numbers gapless), signed checkpoints and archive records.
 * The database itself refuses UPDATE/DELETE on the append-only tables.
 */
export async function up(db: MigrationDb): Promise<void> {
  await createEvents(db);
  await db.schema
    .createTable('audit_chain_heads')
    .addColumn('chain', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('head_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  for (const chain of ['main', 'http']) {
    await db
      .insertInto('audit_chain_heads')
      .values({ chain, seq: 0, head_hash: '0'.repeat(64), updated_at: now })
      .execute();
  }
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('chain', 'varchar(32)', (c) => c.notNull())
    .addColumn('tree_size', 'bigint', (c) => c.notNull())
    .addColumn('root_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('signature', 'varchar(200)', (c) => c.notNull())
    .addUniqueConstraint('audit_checkpoints_chain_size_uq', ['chain', 'tree_size'])
    .execute();
  await db.schema
    .createTable('audit_archives')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('chain', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_seq', 'bigint', (c) => c.notNull())
    .addColumn('to_seq', 'bigint', (c) => c.notNull())
    .addColumn('storage_key', 'varchar(300)', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('checkpoint_id', ID, (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  if (isPostgres(db)) await postgresGuards(db);
  else await sqliteGuards(db);
}

async function createEvents(db: MigrationDb): Promise<void> {
  const text = ['changes', 'diff', 'reason', 'details', 'user_agent'];
  let table = db.schema
    .createTable('audit_events')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('chain', 'varchar(32)', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('occurred_at', TIME, (c) => c.notNull());
  for (const column of ['actor_type', 'actor_name', 'action', 'entity_type', 'result', 'app_version'])
    table = table.addColumn(column, 'varchar(200)', (c) => c.notNull());
  for (const column of [
    'actor_id',
    'auth_method',
    'on_behalf_of',
    'request_id',
    'ip',
    'entity_id',
    'meaning',
  ])
    table = table.addColumn(column, 'varchar(200)');
  for (const column of text) table = table.addColumn(column, 'text');
  await table
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('leaf_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('mac', 'varchar(64)')
    .addUniqueConstraint('audit_events_chain_seq_uq', ['chain', 'seq'])
    .execute();
  const indexes: [string, string[]][] = [
    ['audit_events_time_idx', ['occurred_at']],
    ['audit_events_action_idx', ['action']],
    ['audit_events_actor_idx', ['actor_id']],
    ['audit_events_entity_idx', ['entity_type', 'entity_id']],
    ['audit_events_ip_idx', ['ip']],
  ];
  for (const [name, columns] of indexes)
    await db.schema.createIndex(name).on('audit_events').columns(columns).execute();
}

const archivedRow = (alias: string) =>
  `exists (select 1 from audit_archives a where a.chain = ${alias}.chain and ${alias}.seq between a.from_seq and a.to_seq)`;

async function sqliteGuards(db: MigrationDb): Promise<void> {
  const refuse = (what: string) => `begin select raise(abort, '${what} is append-only'); end`;
  await sql
    .raw(`create trigger audit_events_no_update before update on audit_events ${refuse('audit_events')}`)
    .execute(db);
  await sql
    .raw(
      `create trigger audit_events_no_delete before delete on audit_events when not ${archivedRow('old')} ${refuse('audit_events')}`,
    )
    .execute(db);
  for (const table of ['audit_checkpoints', 'audit_archives']) {
    await sql.raw(`create trigger ${table}_no_update before update on ${table} ${refuse(table)}`).execute(db);
    await sql.raw(`create trigger ${table}_no_delete before delete on ${table} ${refuse(table)}`).execute(db);
  }
}

async function postgresGuards(db: MigrationDb): Promise<void> {
  await sql
    .raw(`create function audit_refuse_change() returns trigger language plpgsql as $$
begin
  if TG_OP = 'DELETE' and TG_TABLE_NAME = 'audit_events' then
    if ${archivedRow('old')} then return old; end if;
  end if;
  raise exception '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
end $$`)
    .execute(db);
  for (const table of ['audit_events', 'audit_checkpoints', 'audit_archives']) {
    await sql
      .raw(
        `create trigger ${table}_append_only before update or delete on ${table} for each row execute function audit_refuse_change()`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function audit_refuse_change()`,
      )
      .execute(db);
    await sql.raw(`revoke update, delete, truncate on ${table} from public`).execute(db);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['audit_archives', 'audit_checkpoints', 'audit_chain_heads', 'audit_events'])
    await db.schema.dropTable(table).execute();
  if (isPostgres(db)) await sql.raw('drop function audit_refuse_change()').execute(db);
}
