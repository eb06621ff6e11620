import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  tokenFor,
} from '../../../test/identity-fixtures.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { bumpAuthzVersion } from '../identity/roles/roles.repository.js';
import { noticeEndpointDisabled } from './owner-notice.js';

// Team ownership (webhooks.policy.ts): team A = alice (member) + carol (head); team B = bob.
describe('webhook endpoints and callback credentials owned by a team', () => {
  let t: IdentityTestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const teamA = newId();
  const teamB = newId();
  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/webhooks${url}`,
      headers: bearer(tokens[who] ?? ''),
      ...(payload ? { payload } : {}),
    });
  const db = () => t.app.signx.db;
  const snapshot = async () => ({
    endpoints: await db().selectFrom('webhook_endpoints').selectAll().orderBy('id').execute(),
    credentials: await db().selectFrom('inbound_credentials').selectAll().orderBy('id').execute(),
    deliveries: (await db().selectFrom('webhook_deliveries').select('id').execute()).length,
    audit: (
      await db().selectFrom('audit_events').select('seq').where('action', 'like', 'webhooks.%').execute()
    ).length,
  });

  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    tokens.root = await tokenFor(t.app, 'root');
    const now = t.app.signx.clock.now().toISOString();
    const roleId = newId();
    await inTransaction(db(), async (trx) => {
      for (const [id, name] of [
        [teamA, 'Team A'],
        [teamB, 'Team B'],
      ] as const) {
        await trx
          .insertInto('departments')
          .values({
            id,
            name,
            parent_id: null,
            path: `/${id}/`,
            head_user_id: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      await trx
        .insertInto('roles')
        .values({
          id: roleId,
          code: 'hook_keeper',
          name: 'Hook keeper',
          description: 'Manages webhooks',
          parent_id: null,
          data_scope: 'own',
          mfa_required: 0,
          grant_rule: 'none',
          is_system: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('role_permissions')
        .values(
          ['webhooks.endpoint.manage', 'webhooks.inbound.manage', 'signing.request.create'].map((code) => ({
            role_id: roleId,
            permission_code: code,
          })),
        )
        .execute();
      await bumpAuthzVersion(trx);
    });
    for (const [name, team] of [
      ['alice', teamA],
      ['carol', teamA],
      ['bob', teamB],
      ['dave', null],
    ] as const) {
      ids[name] = (
        await createUserWith(t.app, { username: name, roles: ['hook_keeper'], departmentId: team })
      ).id;
      tokens[name] = await tokenFor(t.app, name);
    }
    await db().updateTable('departments').set({ head_user_id: ids.carol }).where('id', '=', teamA).execute();
  });
  afterAll(() => t.close());

  const hook = { url: 'https://hooks.example.com/a', event_types: ['webhooks.endpoint.test'] };

  it('offers my teams, creates for one of them and lets its members manage it', async () => {
    expect((await call('alice', 'GET', '/teams')).json().data).toEqual([{ id: teamA, name: 'Team A' }]);
    const made = await call('alice', 'POST', '/endpoints', { ...hook, team_id: teamA });
    expect(made.statusCode, made.body).toBe(201);
    const endpoint = made.json().data.endpoint;
    expect(endpoint).toMatchObject({ team_id: teamA, team_name: 'Team A', owner_id: ids.alice });
    const created = await auditRows(t.app, 'webhooks.endpoint.created');
    expect(JSON.stringify(created.at(-1))).toContain(teamA);

    const shown = await call('carol', 'GET', `/endpoints/${endpoint.id}`);
    expect(shown.json().data).toMatchObject({ id: endpoint.id, team_name: 'Team A' });
    expect((await call('carol', 'POST', `/endpoints/${endpoint.id}/rotate-secret`)).statusCode).toBe(200);
    expect((await call('carol', 'POST', `/endpoints/${endpoint.id}/test`)).statusCode).toBe(202);
    const listed = (await call('carol', 'GET', `/endpoints?owner=${teamA}`)).json().data;
    expect(listed.items.map((e: { id: string }) => e.id)).toEqual([endpoint.id]);
    expect((await call('carol', 'GET', '/endpoints?owner=me')).json().data.total).toBe(0);
    expect((await call('dave', 'GET', '/endpoints')).json().data.total).toBe(0);
    expect((await call('root', 'GET', '/endpoints')).json().data.items[0]).toMatchObject({
      team_name: 'Team A',
    });
  });

  it("answers 404 to team B for every action on team A's endpoint, and changes nothing", async () => {
    const endpoint = (await call('alice', 'POST', '/endpoints', { ...hook, team_id: teamA })).json().data
      .endpoint;
    await call('alice', 'POST', `/endpoints/${endpoint.id}/test`);
    const delivery = (await call('alice', 'GET', `/endpoints/${endpoint.id}/deliveries`)).json().data
      .items[0];
    const before = await snapshot();
    const range = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
    for (const [method, url, payload] of [
      ['GET', `/endpoints/${endpoint.id}`],
      ['PUT', `/endpoints/${endpoint.id}`, { ...hook, team_id: teamB }],
      ['POST', `/endpoints/${endpoint.id}/rotate-secret`],
      ['POST', `/endpoints/${endpoint.id}/test`],
      ['POST', `/endpoints/${endpoint.id}/replay`, range],
      ['GET', `/endpoints/${endpoint.id}/deliveries`],
      ['GET', `/deliveries/${delivery.id}`],
      ['POST', `/deliveries/${delivery.id}/redeliver`],
      ['DELETE', `/endpoints/${endpoint.id}`],
    ] as const) {
      const answer = await call('bob', method, url, payload);
      expect(answer.statusCode, `${method} ${url}`).toBe(404);
      expect(answer.body).not.toContain('hooks.example.com');
    }
    expect(await snapshot()).toEqual(before);
    expect((await call('bob', 'GET', '/endpoints')).json().data.total).toBe(0);
    const filter = await call('bob', 'GET', `/endpoints?owner=${teamA}`);
    expect(filter.statusCode).toBe(400);
    expect(filter.json()).toMatchObject({ code: 40019 });
  });

  it('refuses giving an endpoint or a credential to a team one is not in, storing nothing', async () => {
    const before = await snapshot();
    const foreign = await call('bob', 'POST', '/endpoints', { ...hook, team_id: teamA });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 40356 });
    const unknown = await call('bob', 'POST', '/endpoints', { ...hook, team_id: newId() });
    expect(unknown.json()).toMatchObject({ code: 40356 });
    const credential = await call('bob', 'POST', '/inbound-credentials', {
      name: 'ERP',
      operations: ['signing.request.create'],
      ip_allow_list: [],
      team_id: teamA,
    });
    expect(credential.json()).toMatchObject({ code: 40356 });
    const missing = await call('root', 'POST', '/endpoints', { ...hook, team_id: newId() });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 40418 });
    expect(await snapshot()).toEqual(before);
  });

  it("keeps team A's callback credential from team B: 404, secret and state unchanged", async () => {
    const made = await call('alice', 'POST', '/inbound-credentials', {
      name: 'ERP of A',
      operations: ['signing.request.create'],
      ip_allow_list: [],
      team_id: teamA,
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().data.credential.id;
    expect(made.json().data.credential).toMatchObject({ team_id: teamA, team_name: 'Team A' });
    expect((await call('carol', 'POST', `/inbound-credentials/${id}/rotate-secret`)).statusCode).toBe(200);
    const rotated = await auditRows(t.app, 'webhooks.inbound.secret_rotated');
    expect(JSON.stringify(rotated.at(-1))).toContain(teamA);
    const before = await snapshot();
    for (const [method, url, payload] of [
      [
        'PUT',
        `/inbound-credentials/${id}`,
        { name: 'mine', operations: ['signing.request.create'], ip_allow_list: [] },
      ],
      ['POST', `/inbound-credentials/${id}/rotate-secret`],
      ['POST', `/inbound-credentials/${id}/revoke`],
    ] as const) {
      expect((await call('bob', method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
    const bobSees = (await call('bob', 'GET', '/inbound-credentials')).json().data;
    expect(bobSees.items.map((c: { id: string }) => c.id)).not.toContain(id);
    const carolSees = (await call('carol', 'GET', `/inbound-credentials?owner=${teamA}`)).json().data;
    expect(carolSees.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it("tells the team's owner and admins, not other teams, when its endpoint is disabled", async () => {
    const endpoint = (await call('alice', 'POST', '/endpoints', { ...hook, team_id: teamA })).json().data
      .endpoint;
    await inTransaction(db(), (trx) =>
      noticeEndpointDisabled(trx, t.app.signx, {
        id: endpoint.id,
        owner_id: ids.alice ?? '',
        team_id: teamA,
        url: hook.url,
        failing_since: '2026-11-01T00:00:00.000Z',
      }),
    );
    const told = await db()
      .selectFrom('notification_deliveries')
      .select('user_id')
      .where('template_code', '=', 'webhooks.endpoint-disabled')
      .where('channel', '=', 'in_app')
      .execute();
    expect(told.map((r) => r.user_id).sort()).toEqual([ids.alice, ids.carol].sort());
  });
});
