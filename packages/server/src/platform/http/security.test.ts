import { Writable } from 'node:stream';
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
      last = await t.app.inject({ url: '/health', remoteAddress: '203.0.113.7' });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.json().code).toBe(42901);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    const otherClient = await t.app.inject({ url: '/health', remoteAddress: '203.0.113.8' });
    expect(otherClient.statusCode).toBe(200);
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
        url: '/health',
        remoteAddress: '192.0.2.50',
        headers: { 'x-forwarded-for': `10.0.0.${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('log redaction', () => {
  it('never writes authorization headers, passwords, tokens or codes', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino(loggerOptions('info'), sink);
    logger.info({
      req: {
        headers: { authorization: 'Bearer eyJhbGciOi.secret', cookie: 'sid=abc', 'x-api-key': 'sk_live_123' },
      },
      body: { password: 'Hunter2!x', refresh_token: 'rt-secret', otp: '123456', code: '654321' },
    });
    const line = lines.join('');
    for (const secret of [
      'eyJhbGciOi.secret',
      'sid=abc',
      'sk_live_123',
      'Hunter2!x',
      'rt-secret',
      '123456',
      '654321',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
  });
});
