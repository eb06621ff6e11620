import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installErrorHandler } from './error-handler.js';
import { installRateLimit } from './rate-limit.js';

const access = { public: true, reason: 'test' } as const;

async function limitedApp(options: { max: number; windowMs: number; clients?: number }) {
  const app = Fastify();
  installErrorHandler(app);
  installRateLimit(app, options);
  app.get('/limited', { config: { access } }, async () => ({ ok: true }));
  app.get('/free', { config: { access, rateLimit: false } }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

const from = (app: FastifyInstance, url: string, ip: string) => app.inject({ url, remoteAddress: ip });

describe('in-memory rate limit', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T12:00:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts down in its headers, then answers 42901 with Retry-After until the window ends', async () => {
    const app = await limitedApp({ max: 2, windowMs: 60_000 });
    const first = await from(app, '/limited', '203.0.113.1');
    expect(first.headers).toMatchObject({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '1',
      'x-ratelimit-reset': '60',
    });
    vi.setSystemTime(new Date('2026-12-06T12:00:20.500Z'));
    const second = await from(app, '/limited', '203.0.113.1');
    expect(second.headers).toMatchObject({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '40' });
    const refused = await from(app, '/limited', '203.0.113.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 42901, details: { retryAfterSeconds: 40 } });
    expect(refused.headers).toMatchObject({ 'retry-after': '40', 'x-ratelimit-remaining': '0' });
    // A new window starts once the old one has run its full length.
    vi.setSystemTime(new Date('2026-12-06T12:01:00.000Z'));
    const again = await from(app, '/limited', '203.0.113.1');
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-ratelimit-remaining']).toBe('1');
    await app.close();
  });

  it('keeps one window per client and none on routes that opt out', async () => {
    const app = await limitedApp({ max: 1, windowMs: 60_000 });
    expect((await from(app, '/limited', '203.0.113.2')).statusCode).toBe(200);
    expect((await from(app, '/limited', '203.0.113.2')).statusCode).toBe(429);
    expect((await from(app, '/limited', '203.0.113.3')).statusCode).toBe(200);
    const free = await from(app, '/free', '203.0.113.2');
    expect(free.statusCode).toBe(200);
    expect(free.headers['x-ratelimit-limit']).toBeUndefined();
    await app.close();
  });

  it('forgets the least recently seen client first when it remembers too many', async () => {
    const app = await limitedApp({ max: 1, windowMs: 60_000, clients: 2 });
    await from(app, '/limited', '198.51.100.1');
    await from(app, '/limited', '198.51.100.2');
    // .1 is seen again (refused), so .2 is now the least recent and .3 pushes it out.
    expect((await from(app, '/limited', '198.51.100.1')).statusCode).toBe(429);
    await from(app, '/limited', '198.51.100.3');
    expect((await from(app, '/limited', '198.51.100.2')).statusCode).toBe(200);
    // .3 was seen more recently than .1, which .2's return pushed out in turn.
    expect((await from(app, '/limited', '198.51.100.3')).statusCode).toBe(429);
    await app.close();
  });
});
