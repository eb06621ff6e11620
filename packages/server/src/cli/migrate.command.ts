import { createDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrator.js';
import type { CommandContext } from './commands.js';

/** Applies pending migrations and says which ones ran. */
export async function run(_args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  const database = createDatabase({
    dialect: config.database.dialect,
    file: config.database.file,
    url: config.database.url,
  });
  try {
    const applied = await migrateToLatest(database.db);
    io.stdout(applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`);
    return 0;
  } finally {
    await database.destroy();
  }
}
