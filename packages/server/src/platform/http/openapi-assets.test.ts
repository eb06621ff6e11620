import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('API documentation assets are self-contained', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the ReDoc bundle without its CDN logo reference', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/redoc/redoc.standalone.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body.length).toBeGreaterThan(100_000);
    expect(response.body).not.toContain('cdn.redoc.ly');
    expect(response.body).toContain('data:image/svg+xml,');
  });
});
