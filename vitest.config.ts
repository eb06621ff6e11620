import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const padesSource = fileURLToPath(new URL('./packages/pades/src/index.ts', import.meta.url));
const clientSource = fileURLToPath(new URL('./packages/client/src/index.ts', import.meta.url));

/**
 * `pades`, `server`, `client`, `web` and `e2e` make up `npm test` (SQLite, in-process jobs);
 * `services` holds the suites that need Redis, run by `npm run test:services` together
 * with the server suite on PostgreSQL.
 */
export default defineConfig({
  resolve: { alias: { '@signx/pades': padesSource, '@signx/client': clientSource } },
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'pades',
          include: ['packages/pades/src/**/*.test.ts', 'packages/pades/test/**/*.test.ts'],
          // Says whether the extra suite over the external PDF corpus (../shared/corpus) runs.
          globalSetup: ['packages/pades/test/external-corpus/announce.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          globalSetup: ['packages/server/test/global-setup.ts'],
          include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
          // The architecture test's broken fixture is read as text, never run.
          exclude: [
            '**/*.redis.test.ts',
            '**/node_modules/**',
            'packages/server/test/architecture/fixtures/**',
          ],
        },
      },
      {
        extends: true,
        test: {
          // @signx/client against the whole server listening on an ephemeral port.
          name: 'client',
          include: ['packages/client/test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['packages/web/test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The web app in Debian's Chromium against real servers (see packages/web/e2e).
          name: 'e2e',
          include: ['packages/web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['packages/web/e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'services',
          include: ['packages/server/src/**/*.redis.test.ts'],
          globalSetup: ['packages/server/test/global-setup.ts'],
        },
      },
    ],
  },
});
