import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type BuildOptions, buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import type { Authenticator } from '../src/platform/http/access.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  database: TestDatabase;
  dataDir: string;
  close(): Promise<void>;
}

/** Test configuration: a temp data dir, silent logs, and any overrides of the environment. */
export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    SECRET_KEY: 'x'.repeat(48),
    ...env,
  });
}

/** The whole application on a fresh test database, for `app.inject` tests. */
export async function createTestApp(
  options: { env?: Record<string, string>; build?: BuildOptions; authenticator?: Authenticator } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'signx-app-'));
  const config = testConfig(dataDir, options.env);
  const database = await createTestDatabase();
  const app = await buildApp(config, { database, ...options.build });
  if (options.authenticator) app.setAuthenticator(options.authenticator);
  await app.ready();
  return {
    app,
    config,
    database,
    dataDir,
    close: async () => {
      await app.close();
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
