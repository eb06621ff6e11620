import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

const indexHtml =
  '<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body><div id="app"></div></body></html>';
const appJs = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const signHtml = '<!doctype html><html><body><div id="signer"></div></body></html>';

function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'signx-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), indexHtml);
  writeFileSync(join(root, 'sign.html'), signHtml);
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'assets', 'app-1a2b3c.js'), appJs);
  writeFileSync(join(root, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(appJs));
  writeFileSync(join(root, 'assets', 'app-1a2b3c.js.gz'), gzipSync(appJs));
  return root;
}

describe('serving the built web app', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    root = fakeBuild();
    t = await createTestApp({ build: { webRoot: root } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('serves index.html at / and for app routes (deep links), revalidated, under the strict CSP', async () => {
    for (const url of ['/', '/users', '/system/users/0190-abc?page=2', '/reset-password']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(indexHtml);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
  });

  it('sends the lean signer entry (sign.html) for /sign/<token> and /verify[/<number>], the admin app elsewhere', async () => {
    for (const url of ['/sign/Abc_def-123', '/sign/Abc_def-123/', '/verify', '/verify/SIG-2026-00001']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body, url).toBe(signHtml);
      expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
    }
    for (const url of ['/sign', '/sign/a/b', '/verifyx', '/signing/requests', '/verify/a/b'])
      expect((await get(url)).body, url).toBe(indexHtml);
    expect((await get('/api/v1/digital-signature/verify/SIG-2026-00001')).body).not.toBe(signHtml);
  });

  it('never answers server paths with the app: unknown API routes keep the JSON 404', async () => {
    for (const url of ['/api', '/api/v1/no-such-thing', '/api/docs/nothing', '/metrics/x', '/health/deep']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe(40401);
    }
    expect((await get('/health')).json().status).toBe('ok');
    expect((await get('/metrics')).body).toContain('signx_http_request_duration_seconds');
  });

  it('serves hashed assets as immutable, in the precompressed variant the client accepts', async () => {
    const br = await get('/assets/app-1a2b3c.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(appJs);
    const gzip = await get('/assets/app-1a2b3c.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(appJs);
    const plain = await get('/assets/app-1a2b3c.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(appJs);
  });

  it('answers 404 for missing files instead of the app, and 304 for an unchanged index', async () => {
    expect((await get('/assets/app-ffffff.js')).statusCode).toBe(404);
    expect((await get('/logo.png')).statusCode).toBe(404);
    expect((await get('/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
    const first = await get('/');
    const again = await get('/', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('without a build', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'signx-web-empty-'));
    t = await createTestApp({ build: { webRoot: root } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows a page that says how to build the app, and the API keeps working', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/users' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('npm run build');
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('picks the build up once it appears, without a restart', async () => {
    writeFileSync(join(root, 'index.html'), indexHtml);
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(indexHtml);
  });
});
