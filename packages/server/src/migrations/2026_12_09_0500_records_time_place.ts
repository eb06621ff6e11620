import type { MigrationDb } from './migration-kit.js';

/**
 * Time and place rules of signature policies (seed 002 §10.1.2): allowed time windows
 * (JSON list of weekday + HH:MM range, read in the policy's IANA time zone) and allowed
 * network ranges (JSON list of CIDR, IPv4 and IPv6). Null means no restriction.
 */
const columns = [
  ['allowed_time_windows', 'text'],
  ['allowed_networks', 'text'],
  ['time_zone', 'varchar(64)'],
] as const;

export async function up(db: MigrationDb): Promise<void> {
  for (const [name, type] of columns)
    await db.schema.alterTable('records_policies').addColumn(name, type).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const [name] of [...columns].reverse())
    await db.schema.alterTable('records_policies').dropColumn(name).execute();
}
