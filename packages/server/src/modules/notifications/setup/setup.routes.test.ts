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
