import type { MigrationDb } from './migration-kit.js';
import { ID } from './migration-kit.js';

/**
 * Team ownership of webhook endpoints and inbound callback credentials
 * (docs/integration.md, "Owners"): a nullable `team_id` naming an identity department.
 * Null keeps the row owned by its user (`owner_id`), as before. Indexed for the list's
 * "mine or my teams'" filter. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  for (const table of ['webhook_endpoints', 'inbound_credentials']) {
    await db.schema.alterTable(table).addColumn('team_id', ID).execute();
    await db.schema.createIndex(`${table}_team_idx`).on(table).columns(['team_id']).execute();
  }
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['inbound_credentials', 'webhook_endpoints']) {
    await db.schema.dropIndex(`${table}_team_idx`).execute();
    await db.schema.alterTable(table).dropColumn('team_id').execute();
  }
}
