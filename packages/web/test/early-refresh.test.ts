import { afterEach, describe, expect, it, vi } from 'vitest';
import { accessToken, clearAccess, refreshAccess } from '../src/platform/auth/tokens';

const grant = (token: string) =>
  new Response(JSON.stringify({ data: { access_token: token, expires_in: 900 } }), { status: 200 });
const holder = globalThis as { __signxRefresh?: Promise<Response> };

describe('the session refresh boot.js starts early', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    delete holder.__signxRefresh;
    clearAccess();
  });

  it('is the first refresh: its token is kept and no second request is made; later refreshes ask again', async () => {
    const fetch = vi.fn(async () => grant('second'));
    vi.stubGlobal('fetch', fetch);
    holder.__signxRefresh = Promise.resolve(grant('early'));
    expect(await refreshAccess()).toBe(true);
    expect([accessToken(), fetch.mock.calls.length, holder.__signxRefresh]).toEqual(['early', 0, undefined]);
    expect(await refreshAccess()).toBe(true);
    expect([accessToken(), fetch.mock.calls.length]).toEqual(['second', 1]);
  });

  it('a refused or failed early refresh leaves the page signed out without asking again', async () => {
    const fetch = vi.fn(async () => grant('never'));
    vi.stubGlobal('fetch', fetch);
    holder.__signxRefresh = Promise.resolve(new Response('{}', { status: 401 }));
    expect(await refreshAccess()).toBe(false);
    holder.__signxRefresh = Promise.reject(new TypeError('network'));
    expect(await refreshAccess()).toBe(false);
    expect([accessToken(), fetch.mock.calls.length]).toEqual([null, 0]);
  });
});
