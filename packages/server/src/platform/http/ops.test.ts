import { createServer } from 'node:net';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotesTable, notesModule } from '../../../test/notes-module.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { modules } from '../../modules/index.js';
import { operationIdOf } from './openapi.js';

describe('operations and API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ build: { modules: [...modules, notesModule] } });
    await createNotesTable(t.database.db);
  });
  afterAll(() => t.close());

  it('reports liveness and readiness', async () => {
    const health = await t.app.inject({ url: '/health' });
    expect(health.json()).toEqual({ status: 'ok', version: t.config.appVersion });
    const ready = await t.app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['database', true],
      ['storage', true],
    ]);
  });

  it('exposes Prometheus metrics with a per-route latency histogram', async () => {
    await t.app.inject({ url: '/api/v1/test/notes' });
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.body).toContain('signx_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/route="\/api\/v1\/test\/notes"/);
    expect(res.body).toContain('signx_process_cpu_user_seconds_total');
  });

  it('publishes a valid OpenAPI 3.1 document listing every API route', async () => {
    const res = await t.app.inject({ url: '/api/schema' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const apiRoutes = t.app.routeInventory
      .filter((r) => r.url.startsWith('/api/v1') && !r.method.includes('OPTIONS'))
      .map((r) => r.url.replace(/:([A-Za-z_]+)/g, '{$1}'));
    expect(apiRoutes.length).toBeGreaterThan(5);
    const documented = Object.keys(doc.paths);
    expect(apiRoutes.filter((url) => !documented.includes(url))).toEqual([]);
    expect(doc.paths['/api/v1/test/private'].get.security).toEqual([{ bearerAuth: [] }, { apiKey: [] }]);
    // Lint rules (`npm run api:lint`) met by the mechanism: every operation has a unique id and
    // a summary; a public one says it needs no credentials.
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops as object));
    const ids = operations.map((op) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const product = Object.entries(doc.paths).filter(([path]) => !path.startsWith('/api/v1/test/'));
    const unsummarized = product.flatMap(([path, ops]) =>
      Object.entries(ops as object).flatMap(([method, op]) => (op.summary ? [] : [`${method} ${path}`])),
    );
    expect(unsummarized).toEqual([]); // the test module's own notes routes aside
    expect(doc.paths['/health'].get.security).toEqual([]);
  });

  it('derives operation ids from method and path', () => {
    expect(operationIdOf('GET', '/api/v1/documents/:id/versions')).toBe('getDocumentsByIdVersions');
    expect(operationIdOf('POST', '/api/v1/digital-signature/requests/:request_id/send')).toBe(
      'postDigitalSignatureRequestsByRequestIdSend',
    );
    expect(operationIdOf('GET', '/health')).toBe('getHealth');
  });

  it('serves Swagger UI and ReDoc from its own assets', async () => {
    const swagger = await t.app.inject({ url: '/api/docs/swagger/' });
    expect(swagger.statusCode).toBe(200);
    expect(swagger.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
    const redoc = await t.app.inject({ url: '/api/docs/redoc' });
    expect(redoc.body).toContain('/api/docs/redoc/redoc.standalone.js');
    const bundle = await t.app.inject({ url: '/api/docs/redoc/redoc.standalone.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(100_000);
  });
});

describe('readiness with a job queue (QUEUE_URL)', () => {
  it('is not ready while the queue’s Redis cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const t = await createTestApp({ env: { QUEUE_URL: `redis://127.0.0.1:${port}` } });
    try {
      const ready = await t.app.inject({ url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks).toContainEqual({
        name: 'queue',
        ok: false,
        detail: 'job queue (Redis) unreachable',
      });
      expect(ready.json().checks).toContainEqual({ name: 'database', ok: true });
    } finally {
      await t.close();
    }
  });
});
