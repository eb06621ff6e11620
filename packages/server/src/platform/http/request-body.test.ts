import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { firstDepthViolation } from './json-body.js';
import { malformedTextAt } from './validation.js';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const login = (payload: string, headers: Record<string, string> = {}) => ({
  method: 'POST' as const,
  url: '/api/v1/auth/login',
  headers: { 'content-type': 'application/json', ...headers },
  payload,
});

describe('request bodies: size by access rule, JSON depth, invalid Unicode, caching', () => {
  let t: TestApp;
  let roomy: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
    // Large limits, so that only the depth rule stands between a deep body and the parser.
    roomy = await createTestApp({
      env: { RATE_LIMIT_MAX: '100000', BODY_LIMIT_BYTES: '4194304', PUBLIC_BODY_LIMIT_BYTES: '4194304' },
    });
  });
  afterAll(async () => {
    await t.close();
    await roomy.close();
  });

  it('limits unauthenticated routes to 16 KiB and never reads a body for an anonymous caller of a protected route', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(17 * 1024), password: 'y' });
    const tooLarge = await t.app.inject(login(big));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe(41301);
    const justFits = await t.app.inject(login(JSON.stringify({ username: 'x'.repeat(100), password: 'y' })));
    expect(justFits.statusCode).not.toBe(413);
    const anonymous = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { 'content-type': 'application/json' },
      payload: `{"full_name":${nested(100_000)}}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses JSON nested deeper than 64 levels with 40001, before parsing', async () => {
    const ok = await t.app.inject(login(`{"username":"a","password":"b","x":${nested(62)}}`));
    expect(ok.json().errors?.[0]?.message ?? '').not.toMatch(/nest/);
    const deep = await t.app.inject(login(`{"username":"a","password":"b","x":${nested(64)}}`));
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({ code: 40001, errors: [{ field: 'body' }] });
    expect(deep.json().errors[0].message).toMatch(/nested deeper than 64/);
  });

  it('a body nested 500,000 deep is refused after scanning only its first 65 levels', async () => {
    const body = nested(500_000);
    expect(firstDepthViolation(body, 64)).toBe(64);
    expect(firstDepthViolation(`{"a":"[[[[[[","b":${nested(10)}}`, 64)).toBe(-1);
    expect(firstDepthViolation(`{"a":"\\"[[[[","b":${nested(3)}}`, 4)).toBe(-1);
    const responses = await Promise.all(Array.from({ length: 10 }, () => roomy.app.inject(login(body))));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(400));
    expect(responses.every((r) => r.json().code === 40001)).toBe(true);
    expect((await roomy.app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  it('refuses a lone UTF-16 surrogate in any string field with 40001; a real pair is fine', async () => {
    for (const payload of [
      '{"username":"\\ud800","password":"x"}',
      '{"username":"a","password":"\\udfff"}',
    ]) {
      const response = await t.app.inject(login(payload));
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().code).toBe(40001);
      expect(response.json().errors[0].message).toMatch(/Unicode/);
    }
    expect(malformedTextAt({ a: [{ '\ud83d': 1 }] })).toBe('/a/0');
    expect(malformedTextAt({ a: ['ok', 'bad\udc00'] })).toBe('/a/1');
    const pair = await t.app.inject(login('{"username":"\\ud83d\\ude00x","password":"x"}'));
    expect(pair.statusCode).toBe(401);
  });

  it('marks API responses as not cacheable (token responses included)', async () => {
    const response = await t.app.inject(login('{"username":"nobody","password":"x"}'));
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
