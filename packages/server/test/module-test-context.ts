import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerJobs } from '../src/app.js';
import type { MigrationDb } from '../src/migrations/migration-kit.js';
import { type AppContext, type ContextOverrides, createContext } from '../src/platform/app-context.js';
import { closeMailer } from '../src/platform/mail/mail.jobs.js';
import type { ModuleDefinition } from '../src/platform/module.js';
import { testConfig } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface ModuleTestContext {
  ctx: AppContext;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * An AppContext without HTTP for service tests: a fresh database of the test dialect
 * (SQLite, or PostgreSQL under `npm run test:services`), the given modules' catalogues and
 * jobs, and `migrate` for tables outside the production migrations (the example module's).
 */
export async function createModuleTestContext(
  modules: readonly ModuleDefinition[],
  options: {
    migrate?: (db: MigrationDb) => Promise<void>;
    /** Environment over the test defaults (e.g. MAIL_SERVER of an SMTP sink). */
    env?: Record<string, string>;
    /** Platform ports to replace (e.g. a manual clock). */
    overrides?: ContextOverrides;
  } = {},
): Promise<ModuleTestContext> {
  const dataDir = mkdtempSync(join(tmpdir(), 'signx-module-'));
  const database = await createTestDatabase();
  await options.migrate?.(database.db);
  const ctx = createContext(testConfig(dataDir, options.env), { ...options.overrides, database }, modules);
  registerJobs(ctx, [...modules]);
  return {
    ctx,
    database,
    close: async () => {
      await ctx.jobs.stop();
      await ctx.converter.close();
      closeMailer(ctx.config);
      await ctx.realtime.close();
      ctx.trust.close();
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
