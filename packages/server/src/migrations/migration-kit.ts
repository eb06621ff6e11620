import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * The little that frozen migrations share. It must stay backward compatible forever: a
 * change here would change what old migrations do. Column conventions: ids are varchar(36)
 * UUIDv7; times are varchar(24) UTC ISO-8601 with milliseconds; booleans are integers 0/1;
 * JSON is text.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
export type MigrationDb = Kysely<any>;

export function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export const ID = 'varchar(36)';
export const TIME = 'varchar(24)';
