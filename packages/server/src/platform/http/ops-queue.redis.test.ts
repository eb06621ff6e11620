import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/test-app.js';

const redisUrl = 'redis://127.0.0.1:6379';

describe('readiness with a reachable job queue (Redis)', () => {
  it('reports the queue check as ok and the node as ready', async () => {
    const t = await createTestApp({ env: { QUEUE_URL: redisUrl } });
    try {
      const ready = await t.app.inject({ url: '/ready' });
      expect(ready.json().checks).toContainEqual({ name: 'queue', ok: true });
      expect(ready.statusCode).toBe(200);
    } finally {
      await t.close();
    }
    // Building a test app migrates a database from nothing; beside the other services suites
    // on a loaded machine that passed the 30 s default.
  }, 120_000);
});
