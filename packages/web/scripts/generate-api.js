import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiTypes, openApiDocument } from './api-types.js';

/**
 * Regenerates src/platform/api/schema.d.ts from the compiled server (run `npm run build`
 * first; `npm run api:generate` at the root does both).
 */
const server = new URL('../../server/dist/', import.meta.url);
const { buildApp } = await import(new URL('app.js', server).href);
const { loadConfig } = await import(new URL('config.js', server).href);
const target = fileURLToPath(new URL('../src/platform/api/schema.d.ts', import.meta.url));
writeFileSync(target, await apiTypes(await openApiDocument({ buildApp, loadConfig })));
console.log(`api types written to ${target}`);
