import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can } from './webhooks.catalogue.js';

const aliceId = '019a0000-0000-7000-8000-0000000000a1';
const bobId = '019a0000-0000-7000-8000-0000000000b2';
const alice = asUser(aliceId, [can['webhooks.endpoint.manage']]);
const bob = asUser(bobId, [can['webhooks.endpoint.manage']]);

let t: TestApp;
const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `/api/v1/webhooks${url}`, headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());

describe('webhooks routes', () => {
  it('lists the catalogue of every event the mounted modules emit', async () => {
    const types = (await call('GET', '/event-types', alice)).json().data.map((e: { type: string }) => e.type);
    expect(types).toContain('webhooks.endpoint.test');
  });

  it('shows the secret once, keeps it sealed, scopes endpoints to their owner and logs a test send', async () => {
    const created = await call('POST', '/endpoints', alice, {
      url: 'https://hooks.example.com/signx?token=abc',
      event_types: ['webhooks.endpoint.test'],
    });
    expect(created.statusCode).toBe(201);
    const { endpoint, secret } = created.json().data;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const stored = await t.database.db.selectFrom('webhook_endpoints').selectAll().executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(secret.slice(6));
    const shown = await call('GET', `/endpoints/${endpoint.id}`, alice);
    expect(JSON.stringify(shown.json())).not.toContain('whsec_');
    expect((await call('GET', `/endpoints/${endpoint.id}`, bob)).statusCode).toBe(404);
    expect((await call('GET', '/endpoints', bob)).json().data.total).toBe(0);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'webhooks.endpoint.created')
      .executeTakeFirstOrThrow();
    expect(audit.details).not.toContain('token=abc');

    const test = await call('POST', `/endpoints/${endpoint.id}/test`, alice);
    expect(test.statusCode).toBe(202);
    const log = (
      await call('GET', `/endpoints/${endpoint.id}/deliveries?event_type=webhooks.endpoint.test`, alice)
    ).json().data;
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ status: 'pending', event_type: 'webhooks.endpoint.test' });
    const rotated = await call('POST', `/endpoints/${endpoint.id}/rotate-secret`, alice);
    expect(rotated.json().data.secret).not.toBe(secret);
    expect(rotated.json().data.endpoint.previous_secret_until).not.toBeNull();
  });

  it('refuses plain http to the internet and unknown events, storing nothing', async () => {
    const before = await t.database.db.selectFrom('webhook_endpoints').selectAll().execute();
    const http = await call('POST', '/endpoints', alice, {
      url: 'http://hooks.example.com/x',
      event_types: ['webhooks.endpoint.test'],
    });
    expect(http.json()).toMatchObject({ code: 40385 });
    const unknown = await call('POST', '/endpoints', alice, {
      url: 'https://hooks.example.com/x',
      event_types: ['no.such.event'],
    });
    expect(unknown.json()).toMatchObject({ code: 40485 });
    expect(await t.database.db.selectFrom('webhook_endpoints').selectAll().execute()).toEqual(before);
  });
});
