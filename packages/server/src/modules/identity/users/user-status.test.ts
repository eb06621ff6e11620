import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  reauthenticatedHeaders,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { userStatusTransition, userStatusTransitions } from './user-status.state.js';

describe('user status: an explicit state machine; disabling and resetting revoke API keys', () => {
  let t: IdentityTestApp;
  let admin: string;
  const db = () => t.app.signx.db;
  const userNamed = (username: string) =>
    db().selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const status = (id: string, event: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/${event}`,
      headers: bearer(admin),
      payload: {},
    });
  const newKey = async (username: string) => {
    const token = await tokenFor(t.app, username);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(token),
      payload: { name: 'integration', permissions: ['jobs.queue.read'] },
    });
    return created.json().data.key as string;
  };
  const keyWorks = async (key: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-api-key': key } })).statusCode ===
    200;

  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    admin = await tokenFor(t.app, 'root');
  });
  afterAll(() => t.close());

  it('lists each transition once, each with its audit action; pairs not listed do not exist', () => {
    const pairs = userStatusTransitions.map((s) => `${s.from}:${s.event}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(userStatusTransition('disabled', 'unlock')).toBeUndefined();
    expect(userStatusTransition('disabled', 'lock')).toBeUndefined();
    expect(userStatusTransition('active', 'enable')).toBeUndefined();
    expect(userStatusTransition('locked', 'unlock')).toMatchObject({
      to: 'active',
      auditAction: 'identity.user.unlocked',
    });
  });

  it('unlocking a disabled account is refused: it stays disabled and keeps disabled_at', async () => {
    const user = await createUserWith(t.app, { username: 'gone' });
    expect((await status(user.id, 'disable')).statusCode).toBe(200);
    const disabled = await userNamed('gone');
    expect(disabled.disabled_at).not.toBeNull();
    const unlock = await status(user.id, 'unlock');
    expect(unlock.statusCode).toBe(409);
    expect(await userNamed('gone')).toEqual(disabled);
    expect((await status(user.id, 'enable')).json().data).toMatchObject({
      status: 'active',
      disabled_at: null,
    });
  });

  it('lock and unlock are audited as such and end the sessions of a locked user', async () => {
    const user = await createUserWith(t.app, { username: 'paused' });
    const session = await tokenFor(t.app, 'paused');
    expect((await status(user.id, 'lock')).json().data.status).toBe('locked');
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(session) })).statusCode).toBe(401);
    expect((await status(user.id, 'lock')).statusCode).toBe(409);
    expect((await status(user.id, 'unlock')).json().data.status).toBe('active');
    expect((await auditRows(t.app, 'identity.user.locked')).map((a) => a.entity_id)).toContain(user.id);
    expect((await auditRows(t.app, 'identity.user.unlocked')).map((a) => a.entity_id)).toContain(user.id);
  });

  it('disabling revokes the user’s API keys for good (enabling does not bring them back)', async () => {
    const user = await createUserWith(t.app, { username: 'integrator', roles: ['developer'] });
    const key = await newKey('integrator');
    expect(await keyWorks(key)).toBe(true);
    await status(user.id, 'disable');
    await status(user.id, 'enable');
    expect(await keyWorks(key)).toBe(false);
    const stored = await db()
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('owner_user_id', '=', user.id)
      .execute();
    expect(stored.every((k) => k.revoked_at !== null)).toBe(true);
    const revoked = await auditRows(t.app, 'identity.api_key.revoked');
    expect(revoked.some((a) => JSON.parse(a.details ?? '{}').reason === 'user_disabled')).toBe(true);
  });

  it('an administrator’s password reset ends the sessions and revokes the API keys; changing one’s own password does not', async () => {
    const user = await createUserWith(t.app, { username: 'resettable', roles: ['developer'] });
    const own = await createUserWith(t.app, { username: 'changer', roles: ['developer'] });
    const key = await newKey('resettable');
    const ownKey = await newKey('changer');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/reset-password`,
      headers: await reauthenticatedHeaders(t.app, admin),
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(await keyWorks(key)).toBe(false);
    const token = await tokenFor(t.app, 'changer');
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/change',
      headers: bearer(token),
      payload: { current_password: 'Correct-Horse-7-Battery', new_password: 'Quiet-Violet-Kettle-8' },
    });
    expect(change.statusCode, change.body).toBe(200);
    expect(await keyWorks(ownKey)).toBe(true);
    expect(own.id).toBeTruthy();
  });
});
