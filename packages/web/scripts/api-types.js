import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const banner = `/**
 * Generated from the server's OpenAPI document by \`npm run api:generate -w @signx/web\`.
 * Do not edit: a test (packages/web/test/api-schema.test.ts) fails when it is out of date.
 */
`;

/**
 * The server's OpenAPI document, made by building the app in-process on a throw-away data
 * directory: no running server, no network, works on a bare clone.
 */
export async function openApiDocument({ buildApp, loadConfig }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'signx-openapi-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      SECRET_KEY: 'openapi-generation-only-'.padEnd(48, 'x'),
      SIGNX_VERSION: '0.0.0',
    });
    const app = await buildApp(config);
    try {
      await app.ready();
      return app.swagger();
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** TypeScript types for openapi-fetch from an OpenAPI document. */
export async function apiTypes(document) {
  const ast = await openapiTS(document, { alphabetize: true });
  return banner + astToString(ast);
}
