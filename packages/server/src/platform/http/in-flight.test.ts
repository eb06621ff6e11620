import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { trackInFlight } from './in-flight.js';

describe('in-flight tracking', () => {
  it('waits for onResponse work that runs after the socket has ended', async () => {
    const app = Fastify();
    const events: string[] = [];
    app.addHook('onResponse', async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      events.push('late onResponse work done');
    });
    const inFlight = trackInFlight(app);
    app.get('/x', async () => ({ ok: true }));
    app.addHook('onClose', async () => {
      await inFlight.drained(5_000);
      events.push('resources closed');
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${address}/x`, { headers: { connection: 'close' } });
    expect(response.status).toBe(200);
    await app.close();
    expect(events).toEqual(['late onResponse work done', 'resources closed']);
  });
});
