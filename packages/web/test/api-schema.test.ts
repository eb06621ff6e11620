import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { apiTypes, errorCodesModule, openApiDocument } from '../scripts/api-types.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the typed API clients (web app and @signx/client)', () => {
  it('are generated from the current server: run `npm run api:generate` when this fails', async () => {
    const document = await openApiDocument({ buildApp, loadConfig });
    const fresh = await apiTypes(document);
    for (const path of ['../src/platform/api/schema.d.ts', '../../client/src/schema.d.ts'])
      expect(read(path) === fresh, `${path} is out of date`).toBe(true);
    const codes = read('../../client/src/error-codes.ts');
    expect(codes === errorCodesModule(document), 'client error-codes.ts is out of date').toBe(true);
    // Building the whole app and its document takes 11-19 s alone and passed 30 s beside other suites.
  }, 120_000);
});
