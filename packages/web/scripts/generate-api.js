import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiTypes, errorCodesModule, openApiDocument } from './api-types.js';

/**
 * Regenerates src/platform/api/schema.d.ts (and @signx/client's schema.d.ts and
 * error-codes.ts) from the compiled server (run `npm run build`
 * first; `npm run api:generate` at the root does both).
 */
const server = new URL('../../server/dist/', import.meta.url);
const { buildApp } = await import(new URL('app.js', server).href);
const { loadConfig } = await import(new URL('config.js', server).href);
const document = await openApiDocument({ buildApp, loadConfig });
const types = await apiTypes(document);
// The web app and @signx/client (packages/client) get the same types from the one document.
for (const path of ['../src/platform/api/schema.d.ts', '../../client/src/schema.d.ts']) {
  const target = fileURLToPath(new URL(path, import.meta.url));
  writeFileSync(target, types);
  console.log(`api types written to ${target}`);
}
const codes = fileURLToPath(new URL('../../client/src/error-codes.ts', import.meta.url));
writeFileSync(codes, errorCodesModule(document));
console.log(`error codes written to ${codes}`);
