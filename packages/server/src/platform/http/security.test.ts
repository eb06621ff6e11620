import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { loggerOptions } from '../logger.js';

describe('security defaults', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '3', CORS_ORIGINS: 'https://portal.example.cn' } });
  });
  afterAll(() => t.close());

  it('rate-limits per client IP with 42901 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await t.app.inject({ url: '/ready', remoteAddress: '203.0.113.7' });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.json().code).toBe(42901);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    const otherClient = await t.app.inject({ url: '/ready', remoteAddress: '203.0.113.8' });
    expect(otherClient.statusCode).toBe(200);
  });

  it('echoes the request id on refusals and errors too: 404, 401, 429, CORS preflight', async () => {
    const protectedRoute = t.app.routeInventory.find(
      (r) => r.method.split(',').includes('GET') && !('public' in r.access) && !r.url.includes(':'),
    );
    if (!protectedRoute) throw new Error('no protected GET route mounted');
    const ask = (id: string, options: InjectOptions & { headers?: Record<string, string> }) =>
      t.app.inject({ ...options, headers: { ...options.headers, 'x-request-id': id } });
    const answers = [
      await ask('trace-404-0001', { url: '/api/v1/no-such-route', remoteAddress: '203.0.113.21' }),
      await ask('trace-401-0001', { url: protectedRoute.url, remoteAddress: '203.0.113.22' }),
      await ask('trace-cors-0001', {
        method: 'OPTIONS',
        url: '/api/v1/no-such-route',
        remoteAddress: '203.0.113.23',
        headers: { origin: 'https://portal.example.cn', 'access-control-request-method': 'POST' },
      }),
    ];
    for (let i = 0; i < 3; i += 1) await t.app.inject({ url: '/ready', remoteAddress: '203.0.113.24' });
    answers.push(await ask('trace-429-0001', { url: '/ready', remoteAddress: '203.0.113.24' }));
    expect(answers.map((a) => [a.statusCode, a.headers['x-request-id']])).toEqual([
      [404, 'trace-404-0001'],
      [401, 'trace-401-0001'],
      [204, 'trace-cors-0001'],
      [429, 'trace-429-0001'],
    ]);
  });

  it('does not rate-limit the liveness probe, which still carries the security headers', async () => {
    // /health answers a constant: a 429 would cost as much as the answer it refuses.
    const answers = [];
    for (let i = 0; i < 5; i += 1)
      answers.push(await t.app.inject({ url: '/health', remoteAddress: '203.0.113.9' }));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const last = answers[4];
    if (!last) throw new Error('no fifth answer');
    expect(last.headers['x-ratelimit-limit']).toBeUndefined();
    expect(last.headers['content-security-policy']).toContain("default-src 'self'");
    expect(last.headers['x-frame-options']).toBe('DENY');
    expect(last.headers['strict-transport-security']).toContain('max-age=');
    expect(last.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // The API next to it stays limited for the same client.
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await t.app.inject({ url: '/ready', remoteAddress: '203.0.113.9' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('answers CORS only for configured origins', async () => {
    const allowed = await t.app.inject({
      url: '/health',
      headers: { origin: 'https://portal.example.cn' },
      remoteAddress: '198.51.100.1',
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.cn');
    const other = await t.app.inject({
      url: '/health',
      headers: { origin: 'https://evil.example' },
      remoteAddress: '198.51.100.2',
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('does not believe X-Forwarded-For from untrusted peers', async () => {
    // Spoofed forwarding headers must not give one client several rate-limit buckets.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await t.app.inject({
        url: '/ready',
        remoteAddress: '192.0.2.50',
        headers: { 'x-forwarded-for': `10.0.0.${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('CORS without configured origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: '' } });
  });
  afterAll(() => t.close());

  it('allows no origin and refuses preflights', async () => {
    const simple = await t.app.inject({ url: '/health', headers: { origin: 'https://evil.example' } });
    expect(simple.statusCode).toBe(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    expect(simple.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(404);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    expect(preflight.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('log redaction', () => {
  const capture = () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { lines, logger: pino(loggerOptions('info'), sink) };
  };

  it('never writes authorization headers, passwords, tokens or one-time codes', () => {
    const { lines, logger } = capture();
    logger.info({
      headers: { authorization: 'Bearer eyJhbGciOi.secret', cookie: 'sid=abc' },
      body: { password: 'Hunter2!x', refresh_token: 'rt-secret', otp: '123456' },
      user: { credentials: { password: 'Deep9!pw' } },
      password: 'Top1!level',
      err: { code: 'ECONNREFUSED' },
    });
    const line = lines.join('');
    for (const secret of [
      'eyJhbGciOi.secret',
      'sid=abc',
      'Hunter2!x',
      'rt-secret',
      '123456',
      'Deep9!pw',
      'Top1!level',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
    expect(line).toContain('ECONNREFUSED');
  });

  it('logs request URLs without the secrets in their query strings', async () => {
    const { lines, logger } = capture();
    const t = await createTestApp({ build: { logger } });
    try {
      await t.app.inject({
        url: '/health?token=SIGNING-LINK-SECRET&lang=zh-CN',
        headers: { authorization: 'Bearer abc.def' },
      });
    } finally {
      await t.close();
    }
    const log = lines.join('');
    expect(log).toContain('/health?token=%5Bredacted%5D&lang=zh-CN');
    expect(log).not.toContain('SIGNING-LINK-SECRET');
    expect(log).not.toContain('abc.def');
  });
});
