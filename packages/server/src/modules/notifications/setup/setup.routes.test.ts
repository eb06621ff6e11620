import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../../test/test-principal.js';
import { modules } from '../../index.js';
import { can } from '../notifications.catalogue.js';

const manager = asUser('019a0000-0000-7000-8000-0000000000c1', [can['notifications.channel.manage']]);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());

describe('channel setup creations', () => {
  it('replays a retried group, endpoint and provider creation instead of creating twice', async () => {
    const post = (url: string, key: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/notifications/channels${url}`,
        headers: { ...manager, 'idempotency-key': key },
        payload,
      });
    const twice = async (url: string, key: string, payload: object) => {
      const first = await post(url, key, payload);
      expect(first.statusCode, first.body).toBe(201);
      const retry = await post(url, key, payload);
      expect(retry.statusCode, retry.body).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json().data).toEqual(first.json().data);
      return first.json().data as { id: string };
    };
    const group = await twice('/groups', 'g-1', { channel: 'webhook', code: 'ops.team', name: 'Ops team' });
    await twice(`/groups/${group.id}/endpoints`, 'e-1', {
      name: 'Ops hook',
      url: 'https://hooks.example.test/ops',
    });
    await twice('/providers', 'p-1', {
      kind: 'twilio',
      name: 'Twilio',
      position: 0,
      settings: { account_sid: 'AC1', from: '+15550000000' },
      secret: 'not-in-the-reply',
    });
    const rows = (table: 'notification_groups' | 'notification_endpoints' | 'notification_providers') =>
      t.database.db.selectFrom(table).select('id').execute();
    expect(await rows('notification_groups')).toHaveLength(1);
    expect(await rows('notification_endpoints')).toHaveLength(1);
    expect(await rows('notification_providers')).toHaveLength(1);
    const stored = await t.database.db.selectFrom('idempotency_keys').select('response_body').execute();
    expect(JSON.stringify(stored)).not.toContain('not-in-the-reply');
  });
});

describe('changing channel setup', () => {
  const call = (method: 'PUT' | 'POST' | 'GET', url: string, payload?: object, headers = manager) =>
    t.app.inject({
      method,
      url: `/api/v1/notifications/channels${url}`,
      headers,
      ...(payload ? { payload } : {}),
    });
  const sealed = async (table: 'notification_endpoints' | 'notification_providers', id: string) =>
    t.database.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('changes a provider and an endpoint; a secret left out stays, a null one is removed, none comes back', async () => {
    const provider = (
      await call('POST', '/providers', {
        kind: 'twilio',
        name: 'Twilio',
        position: 1,
        settings: { account_sid: 'AC9', from: '+15550000009' },
        secret: 'tw-secret-one',
      })
    ).json().data as { id: string };
    const before = await sealed('notification_providers', provider.id);
    const changed = await call('PUT', `/providers/${provider.id}`, {
      kind: 'twilio',
      name: 'Twilio (backup)',
      position: 7,
      enabled: false,
      settings: { account_sid: 'AC9', from: '+15550000010' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data).toMatchObject({ name: 'Twilio (backup)', position: 7, enabled: false });
    expect(changed.body).not.toContain('tw-secret');
    expect((await sealed('notification_providers', provider.id)).secret_sealed).toBe(before.secret_sealed);
    await call('PUT', `/providers/${provider.id}`, {
      ...{ kind: 'twilio', name: 'T', position: 7 },
      settings: {},
      secret: 'tw-secret-two',
    });
    expect((await sealed('notification_providers', provider.id)).secret_sealed).not.toBe(
      before.secret_sealed,
    );

    const group = (await call('POST', '/groups', { channel: 'webhook', code: 'erp', name: 'ERP' })).json()
      .data as { id: string };
    const endpoint = (
      await call('POST', `/groups/${group.id}/endpoints`, {
        name: 'Hook',
        url: 'https://hooks.example.test/erp?token=q',
        secret: 's1',
      })
    ).json().data as { id: string };
    const kept = await call('PUT', `/endpoints/${endpoint.id}`, { name: 'Hook 2', enabled: false });
    expect(kept.json().data).toMatchObject({
      name: 'Hook 2',
      has_secret: true,
      enabled: false,
      url_hint: 'hooks.example.test/erp',
    });
    const removed = await call('PUT', `/endpoints/${endpoint.id}`, { name: 'Hook 2', secret: null });
    expect(removed.json().data).toMatchObject({ has_secret: false });
    const renamed = await call('PUT', `/groups/${group.id}`, {
      channel: 'webhook',
      code: 'erp',
      name: 'ERP systems',
      enabled: false,
    });
    expect(renamed.statusCode).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'notifications.channel.changed')
      .execute();
    expect(audit.filter((a) => a.entity_id === endpoint.id)).toHaveLength(3);
  });

  it('refuses an unknown record (404) and a caller without the manage permission (403), changing nothing', async () => {
    const body = { kind: 'twilio', name: 'X', position: 0, settings: {} };
    expect((await call('PUT', '/providers/019a0000-0000-7000-8000-000000000999', body)).statusCode).toBe(404);
    expect(
      (await call('PUT', '/endpoints/019a0000-0000-7000-8000-000000000999', { name: 'X' })).statusCode,
    ).toBe(404);
    const reader = asUser('019a0000-0000-7000-8000-0000000000c4', [can['notifications.channel.read']]);
    const [first] = await t.database.db.selectFrom('notification_providers').selectAll().execute();
    const refused = await call('PUT', `/providers/${first?.id}`, { ...body, name: 'Hijacked' }, reader);
    expect(refused.statusCode).toBe(403);
    expect((await sealed('notification_providers', first?.id ?? '')).name).toBe(first?.name);
  });
});
