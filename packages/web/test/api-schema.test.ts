import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { apiTypes, openApiDocument } from '../scripts/api-types.js';

describe('the typed API client', () => {
  it('is generated from the current server: run `npm run api:generate` when this fails', async () => {
    const committed = readFileSync(new URL('../src/platform/api/schema.d.ts', import.meta.url), 'utf8');
    const fresh = await apiTypes(await openApiDocument({ buildApp, loadConfig }));
    expect(committed === fresh, 'packages/web/src/platform/api/schema.d.ts is out of date').toBe(true);
  });
});
