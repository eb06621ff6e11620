import { type TSchema, Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  testPassword,
} from '../../../../test/identity-fixtures.js';
import type { IdentityDeps } from '../identity.deps.js';
import { canCarryRefreshToken, installRefreshCookie } from './refresh-cookie.js';

const cookieMode = { 'x-refresh-transport': 'cookie' };

function refreshCookie(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  return /signx_refresh=([^;]*)/.exec(header)?.[1] ?? '';
}

describe('refresh token in an HttpOnly cookie (browser transport)', () => {
  let t: IdentityTestApp;
  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createUserWith(t.app, { username: 'dana' });
    await createUserWith(t.app, { username: 'eli' });
  });
  afterAll(() => t.close());

  const signIn = (username: string, headers: Record<string, string> = cookieMode) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers,
      payload: { username, password: testPassword },
    });

  it('puts the refresh token in a Secure, HttpOnly, SameSite=Strict cookie on the refresh path only', async () => {
    const response = await signIn('dana');
    expect(response.statusCode, response.body).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^signx_refresh=sxr_[^;]+; /);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/v1/auth/refresh'])
      expect(setCookie).toContain(attribute);
    const data = response.json().data;
    expect(data.tokens.refresh_token).toBe('');
    expect(data.tokens.access_token).toBeTruthy();
  });

  it('refreshes from the cookie alone, rotating it, and refuses the old cookie afterwards', async () => {
    const first = refreshCookie((await signIn('dana')).headers['set-cookie']);
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { ...cookieMode, cookie: `other=1; signx_refresh=${first}` },
      payload: {},
    });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const next = refreshCookie(refreshed.headers['set-cookie']);
    expect(next).toMatch(/^sxr_/);
    expect(next).not.toBe(first);
    expect(refreshed.json().data.refresh_token).toBe('');
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { ...cookieMode, cookie: `signx_refresh=${first}` },
      payload: {},
    });
    expect(replay.statusCode).toBe(401);
    expect(String(replay.headers['set-cookie'])).toContain(
      'signx_refresh=; Path=/api/v1/auth/refresh; Max-Age=0',
    );
  });

  it('answers 401 without a cookie, and keeps the body transport for clients that do not opt in', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: cookieMode,
      payload: {},
    });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe(40101);
    const plain = await signIn('eli', {});
    expect(plain.headers['set-cookie']).toBeUndefined();
    const token = plain.json().data.tokens.refresh_token;
    expect(token).toMatch(/^sxr_/);
    const viaBody = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: 'signx_refresh=sxr_ignored_without_the_header' },
      payload: { refresh_token: token },
    });
    expect(viaBody.statusCode, viaBody.body).toBe(200);
    expect(viaBody.json().data.refresh_token).toMatch(/^sxr_/);
  });

  it('logout/all ends every session of the caller, clears the cookie and is audited', async () => {
    const a = (await signIn('eli')).json().data.tokens.access_token;
    const b = (await signIn('eli')).json().data.tokens.access_token;
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout/all',
      headers: { ...cookieMode, ...bearer(a) },
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    for (const token of [a, b]) {
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
      expect(me.statusCode).toBe(401);
    }
    const events = await auditRows(t.app, 'identity.logout');
    expect(events.some((e) => String(e.details).includes('everywhere'))).toBe(true);
  });
});

describe('which routes carry the cookie hooks', () => {
  const token = 'sxr_abcdefghijklmnop';
  const tokenPair = Type.Object({ access_token: Type.String(), refresh_token: Type.String() });
  async function appWith(routes: { url: string; response: TSchema; body: unknown }[]) {
    const app = Fastify();
    installRefreshCookie(app, { settings: { refreshTokenDays: 30 } } as unknown as IdentityDeps);
    for (const { url, response, body } of routes)
      app.post(url, { schema: { response: { 200: response } } }, async () => structuredClone(body));
    await app.ready();
    return app;
  }

  it('moves a refresh token into the cookie on any route whose response schema names one', async () => {
    const app = await appWith([
      {
        url: '/nested',
        response: Type.Object({ data: Type.Object({ tokens: tokenPair }) }),
        body: { data: { tokens: { access_token: 'a', refresh_token: token } } },
      },
      {
        url: '/flat',
        response: Type.Object({ data: tokenPair }),
        body: { data: { access_token: 'a', refresh_token: token } },
      },
      {
        // The serializer drops what the schema does not name: no token can leave this route.
        url: '/plain',
        response: Type.Object({ data: Type.Object({ access_token: Type.String() }) }),
        body: { data: { access_token: 'a', refresh_token: token } },
      },
    ]);
    try {
      for (const url of ['/nested', '/flat']) {
        const res = await app.inject({ method: 'POST', url, headers: cookieMode });
        expect(refreshCookie(res.headers['set-cookie'])).toBe(token);
        expect(res.body).not.toContain(token);
      }
      const plain = await app.inject({ method: 'POST', url: '/plain', headers: cookieMode });
      expect(plain.headers['set-cookie']).toBeUndefined();
      expect(plain.body).not.toContain(token);
      expect(plain.json()).toEqual({ data: { access_token: 'a' } });
      // Without the opt-in header the body transport stays.
      const body = await app.inject({ method: 'POST', url: '/flat' });
      expect(body.json().data.refresh_token).toBe(token);
      expect(body.headers['set-cookie']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('tells token-carrying schemas from the others', () => {
    expect(
      canCarryRefreshToken({ response: { 200: Type.Object({ data: Type.Object({ t: tokenPair }) }) } }),
    ).toBe(true);
    expect(canCarryRefreshToken({ response: { 200: Type.Object({ data: Type.String() }) } })).toBe(false);
    expect(canCarryRefreshToken(undefined)).toBe(false);
  });
});
