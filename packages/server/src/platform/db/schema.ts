import type { Kysely, Transaction } from 'kysely';

/**
 * The database's table map. Each module adds its own tables by interface merging from its
 * `*.tables.ts` file, so the platform never needs to know the modules:
 *
 *   declare module '../../platform/db/schema.js' { interface Tables { users: UsersTable } }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface Tables {}

export type Db = Kysely<Tables>;
export type Trx = Transaction<Tables>;
/** Either a database handle or an open transaction, for reads that work inside both. */
export type DbOrTrx = Db | Trx;
export type Dialect = 'sqlite' | 'postgres';
