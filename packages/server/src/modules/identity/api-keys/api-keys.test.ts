import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  tokenFor,
} from '../../../../test/identity-fixtures.js';

describe('API keys: scoped, shown once, hashed, expiring, revocable at once', () => {
  let t: IdentityTestApp;
  let dev: string;
  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    await createUserWith(t.app, { username: 'dev', roles: ['developer'] });
    dev = await tokenFor(t.app, 'dev');
  });
  afterAll(() => t.close());

  const create = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(dev), payload });
  const listWith = (key: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { 'x-api-key': key } });

  it('creates a key shown once and stores only its hash', async () => {
    const response = await create({ name: 'ci', permissions: ['identity.api_key.read'] });
    expect(response.statusCode, response.body).toBe(201);
    const { key, id } = response.json().data;
    expect(key).toMatch(/^sxk_[A-Za-z0-9_-]{43}$/);
    const row = await t.app.signx.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(key.slice(12));
    const listed = await listWith(key);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(JSON.stringify(listed.json())).not.toContain(key.slice(12));
    const used = await t.app.signx.db
      .selectFrom('api_keys')
      .select('last_used_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).toBe(t.clock.now().toISOString());
    expect((await auditRows(t.app, 'identity.api_key.created')).map((a) => a.entity_id)).toContain(id);
  });

  it('a key cannot use permissions outside its scope, nor be granted ones its owner lacks', async () => {
    const { key } = (await create({ name: 'narrow', permissions: ['jobs.queue.read'] })).json().data;
    expect((await listWith(key)).statusCode).toBe(403);
    expect((await create({ name: 'greedy', permissions: ['identity.user.create'] })).statusCode).toBe(403);
    expect((await create({ name: 'bogus', permissions: ['no.such.permission'] })).statusCode).toBe(400);
  });

  it('revocation is immediate; a revoked or expired key answers 401', async () => {
    const { key, id } = (
      await create({ name: 'temp', permissions: ['identity.api_key.read'], expires_in_days: 1 })
    ).json().data;
    expect((await listWith(key)).statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${id}`,
      headers: bearer(dev),
    });
    expect(revoke.statusCode).toBe(200);
    expect((await listWith(key)).statusCode).toBe(401);
    expect((await auditRows(t.app, 'identity.api_key.revoked')).map((a) => a.entity_id)).toContain(id);
    const other = (
      await create({ name: 'expiring', permissions: ['identity.api_key.read'], expires_in_days: 1 })
    ).json().data.key;
    t.clock.advance(25 * 3_600_000);
    expect((await listWith(other)).statusCode).toBe(401);
    expect((await listWith('sxk_unknown')).statusCode).toBe(401);
  });

  it('"own" data scope: a developer neither sees nor revokes another developer’s key (404)', async () => {
    dev = await tokenFor(t.app, 'dev');
    await createUserWith(t.app, { username: 'dev2', roles: ['developer'] });
    const other = await tokenFor(t.app, 'dev2');
    const theirs = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(other),
      payload: { name: 'theirs', permissions: ['identity.api_key.read'] },
    });
    const id = theirs.json().data.id;
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys?page_size=100',
      headers: bearer(dev),
    });
    expect(mine.json().data.items.map((k: { id: string }) => k.id)).not.toContain(id);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${id}`,
      headers: bearer(dev),
    });
    expect(revoke.statusCode).toBe(404);
    const row = await t.app.signx.db
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it('a key stops working when its owner is disabled, and loses a permission its owner loses', async () => {
    dev = await tokenFor(t.app, 'dev');
    const { key } = (await create({ name: 'owner-bound', permissions: ['identity.api_key.read'] })).json()
      .data;
    expect((await listWith(key)).statusCode).toBe(200);
    await t.app.signx.db.deleteFrom('user_roles').execute();
    await t.app.signx.db.updateTable('identity_state').set({ authz_version: 999 }).execute();
    expect((await listWith(key)).statusCode).toBe(403);
    await t.app.signx.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('username', '=', 'dev')
      .execute();
    expect((await listWith(key)).statusCode).toBe(401);
  });
});
