import { writeFileSync } from 'node:fs';
import { buildApp } from '../packages/server/src/app.js';
import { loadConfig } from '../packages/server/src/config.js';
import { openApiDocument } from '../packages/web/scripts/api-types.js';

/**
 * Writes the server's OpenAPI document (built in-process on a throw-away data directory, no
 * network) to the path given, for `npm run api:lint`.
 */
const target = process.argv[2];
if (!target) throw new Error('usage: api-document.ts <output.json>');
writeFileSync(target, `${JSON.stringify(await openApiDocument({ buildApp, loadConfig }), null, 2)}\n`);
