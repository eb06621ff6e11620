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

/**
 * The error codes of the document (`x-signx-error-codes`) as a TypeScript module for
 * @signx/client: a const table and the `ErrorCode` union, so a client switches on codes
 * the compiler knows.
 */
export function errorCodesModule(document) {
  const rows = [...document['x-signx-error-codes']].sort((a, b) => a.code - b.code);
  const entries = rows.map(
    (r) =>
      `  ${r.code}: { status: ${r.status}, name: ${JSON.stringify(r.name)}, module: ${JSON.stringify(r.module)} },`,
  );
  return `${banner}
/** Every error code the server may answer with: HTTP status, name and declaring module. */
export const errorCodes = {
${entries.join('\n')}
} as const;

/** An error code of the envelope (\`code\` of a failed call). */
export type ErrorCode = keyof typeof errorCodes;
`;
}
