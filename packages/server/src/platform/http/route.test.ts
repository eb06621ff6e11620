import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../../../test/test-app.js';
import { createTestDatabase } from '../../../test/test-database.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { buildApp } from '../../app.js';
import { type Actor, systemActor } from '../actor.js';
import { defineErrorCodes } from '../errors.js';
import type { ModuleDefinition, ModuleTag } from '../module.js';
import { actorOf } from './access.js';
import { defineFileRoute, defineRoute, mountRoutes, type RouteDefinition } from './route.js';

const tag: ModuleTag = { name: 'probe', description: 'Route helper probes' };
const probeErrors = defineErrorCodes('probe', {
  PROBE_JAMMED: { family: 'CONFLICT', api: 40981, description: 'The probe is jammed' },
});
let lastActor: Actor | undefined;
const failures: string[] = [];

const routes: RouteDefinition[] = [
  defineRoute({
    method: 'GET',
    url: '/probe/open',
    access: { public: true, reason: 'test' },
    summary: 'Public probe',
    response: Type.Object({ anonymous: Type.Boolean() }),
    handler: async (request) => {
      lastActor = actorOf(request);
      return { anonymous: lastActor.type === 'anonymous' };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/probe/:id',
    access: { permission: 'probe.write' },
    summary: 'Protected probe',
    params: Type.Object({ id: Type.String({ maxLength: 5 }) }),
    body: Type.Object({ n: Type.Integer() }),
    response: Type.Object({ id: Type.String(), doubled: Type.Integer() }),
    status: 201,
    idempotent: true,
    errors: ['NOT_FOUND', probeErrors.PROBE_JAMMED],
    handler: async (request) => {
      lastActor = actorOf(request);
      // @ts-expect-error the body is typed by its schema: n is a number
      const wrong: string = request.body.n;
      return { id: request.params.id, doubled: request.body.n * 2, dropped: wrong };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/probe/strict',
    access: { public: true, reason: 'test' },
    summary: 'Probe with a failure hook',
    body: Type.Object({ n: Type.Integer() }, { additionalProperties: false }),
    response: Type.Object({ n: Type.Integer() }),
    onError: async (request, error) => {
      failures.push(`${request.url} ${error.validation ? 'validation' : error.message}`);
    },
    handler: async (request) => {
      if (request.body.n < 0) throw new Error('negative');
      return { n: request.body.n };
    },
  }),
  defineFileRoute({
    method: 'GET',
    url: '/probe/file.csv',
    access: { authenticated: true },
    summary: 'A file',
    file: Type.String({ description: 'CSV' }),
    handler: async (_request, reply) => reply.type('text/csv').send('a,b\n'),
  }),
];
const probeModule: ModuleDefinition = {
  name: 'probe',
  tags: [tag],
  errors: probeErrors,
  routes: async (api) => mountRoutes(api, tag, routes),
};

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});
const schemaOf = (url: string) => t?.app.routeInventory.find((r) => r.url === `/api/v1${url}`)?.schema;

describe('route helper', () => {
  it('writes the options block: access, schemas, tag, summary, envelope and derived error responses', async () => {
    t = await createTestApp({ build: { modules: [headerAuthModule, probeModule] } });
    const open = schemaOf('/probe/open') as { response: object; tags: string[]; summary: string };
    expect(Object.keys(open.response)).toEqual(['200']);
    expect([open.tags, open.summary]).toEqual([['probe'], 'Public probe']);
    const write = schemaOf('/probe/:id') as Record<string, unknown> & { response: object };
    expect(Object.keys(write.response).sort()).toEqual(['201', '400', '401', '403', '404', '409']);
    expect(write['x-signx-errors']).toEqual([{ code: 40981, name: 'PROBE_JAMMED', status: 409 }]);
    expect(write.description).toContain('`40981` PROBE_JAMMED: The probe is jammed');
    const route = t.app.routeInventory.find((r) => r.url === '/api/v1/probe/:id');
    expect(route?.access).toEqual({ permission: 'probe.write' });
    expect(Object.keys((schemaOf('/probe/file.csv') as { response: object }).response)).toEqual([
      '200',
      '401',
    ]);
  });

  it('wraps the handler’s data in the envelope with the declared status, serialized by the schema', async () => {
    t = await createTestApp({ build: { modules: [headerAuthModule, probeModule] } });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe/abc',
      headers: asUser('019a0000-0000-7000-8000-000000000001', ['probe.write']),
      payload: { n: 21 },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 0, message: 'success', data: { id: 'abc', doubled: 42 } });
    expect(created.json().data).not.toHaveProperty('dropped');
    expect(lastActor).toMatchObject({
      type: 'user',
      userId: '019a0000-0000-7000-8000-000000000001',
      ip: '127.0.0.1',
    });
    expect(lastActor?.permissions.has('probe.write')).toBe(true);
    const csv = await t.app.inject({ url: '/api/v1/probe/file.csv', headers: asUser('u1', []) });
    expect([csv.statusCode, csv.body]).toEqual([200, 'a,b\n']);
    expect((await t.app.inject({ url: '/api/v1/probe/open' })).json().data).toEqual({ anonymous: true });
    expect(lastActor).toMatchObject({ type: 'anonymous', id: null, userId: null, authMethod: null });
  });

  it('runs a route’s onError hook for failures before and inside the handler, never on success', async () => {
    t = await createTestApp({ build: { modules: [headerAuthModule, probeModule] } });
    failures.length = 0;
    const post = (payload: object) => t?.app.inject({ method: 'POST', url: '/api/v1/probe/strict', payload });
    expect((await post({ n: 'x' }))?.statusCode).toBe(400);
    expect((await post({ n: -1 }))?.statusCode).toBe(500);
    expect((await post({ n: 2 }))?.json().data).toEqual({ n: 2 });
    expect(failures).toEqual(['/api/v1/probe/strict validation', '/api/v1/probe/strict negative']);
  });

  it('refuses to mount routes under a tag no mounted module declared', async () => {
    const database = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'signx-route-'));
    try {
      const undeclared = { ...probeModule, name: 'probe-untagged', tags: [] };
      const build = async () =>
        (await buildApp(testConfig(dataDir), { database, modules: [undeclared] })).ready();
      await expect(build()).rejects.toThrow(/Tag probe is not declared/);
    } finally {
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('gives system work an actor without permissions unless granted', () => {
    expect(systemActor('nightly').permissions.size).toBe(0);
    expect(systemActor('nightly', ['probe.write'])).toMatchObject({
      type: 'system',
      id: 'nightly',
      name: 'system:nightly',
    });
  });
});
