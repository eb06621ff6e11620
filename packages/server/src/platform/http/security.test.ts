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
