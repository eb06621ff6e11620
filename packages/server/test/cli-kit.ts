import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { CommandContext } from '../src/cli/commands.js';
import type { Config } from '../src/config.js';
import { createContext } from '../src/platform/app-context.js';
import { migrateToLatest } from '../src/platform/db/migrator.js';
import { testConfig } from './test-app.js';

type Run = (args: string[], context: CommandContext) => Promise<number>;

/**
 * A CLI command's tests: each test gets a fresh data directory with a migrated SQLite database,
 * and `cli(...args)` runs the command against it, capturing what it prints.
 */
export function useCliDatabase(run: Run, name: string) {
  let dataDir = '';
  let config: Config | undefined;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `signx-${name}-cli-`));
    config = testConfig(dataDir, { DATABASE_URL: `sqlite:${join(dataDir, 'signx.db')}` });
    const ctx = createContext(config);
    await migrateToLatest(ctx.db);
    await ctx.database.destroy();
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    config: (): Config => {
      if (!config) throw new Error('useCliDatabase: no test is running');
      return config;
    },
    async cli(...args: string[]) {
      const out: string[] = [];
      const err: string[] = [];
      const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
      const status = await run(args, { config, io });
      return { status, out: out.join('\n'), err: err.join('\n') };
    },
  };
}
