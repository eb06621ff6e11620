import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  login,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { buildApp } from '../../../app.js';

describe('sessions: tokens, refresh rotation and reuse, logout, kick, idle, limits', () => {
  let t: IdentityTestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await createIdentityTestApp({ SESSION_MAX_PER_USER: '2' });
    await createAdmin(t.app);
    await createUserWith(t.app, { username: 'sam', roles: ['operations_specialist'] });
    adminToken = await tokenFor(t.app, 'root');
  });
  afterAll(() => t.close());

  const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
  const refresh = (token: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: token } });
  const pair = async (username = 'sam') => (await login(t.app, username)).json().data.tokens;

  it('rotates refresh tokens; a reused one revokes the whole family and is audited', async () => {
    const first = await pair();
    const second = (await refresh(first.refresh_token)).json().data;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.session_id).toBe(first.session_id);
    expect((await me(second.access_token)).statusCode).toBe(200);
    const reuse = await refresh(first.refresh_token);
    expect(reuse.statusCode).toBe(401);
    expect((await refresh(second.refresh_token)).statusCode).toBe(401);
    expect((await me(second.access_token)).statusCode).toBe(401);
    const session = await t.app.signx.db
      .selectFrom('user_sessions')
      .selectAll()
      .where('id', '=', first.session_id)
      .executeTakeFirstOrThrow();
    expect(session.revoke_reason).toBe('refresh_token_reuse');
    expect((await auditRows(t.app, 'identity.token.reuse_detected')).map((a) => a.entity_id)).toContain(
      first.session_id,
    );
  });

  it('refuses expired, tampered, foreign-key and garbage access tokens', async () => {
    const { access_token } = await pair();
    expect((await me(`${access_token.slice(0, -2)}xx`)).statusCode).toBe(401);
    expect((await me('not-a-jwt')).statusCode).toBe(401);
    const [, payload] = access_token.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const forged = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setSubject(claims.sub)
      .setIssuer('signx')
      .setAudience('signx-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('k'.repeat(32)));
    expect((await me(forged)).statusCode).toBe(401);
    t.clock.advance(16 * 60_000);
    expect((await me(access_token)).statusCode).toBe(401);
  });

  it('logout revokes at once, including in another process with its own caches', async () => {
    const { access_token } = await pair();
    const other = await buildApp(t.config, { database: t.database.reopen(), clock: t.clock });
    await other.ready();
    try {
      expect(
        (await other.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(access_token) })).statusCode,
      ).toBe(200);
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: bearer(access_token),
      });
      expect(out.statusCode).toBe(200);
      expect(
        (await other.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(access_token) })).statusCode,
      ).toBe(401);
      expect((await me(access_token)).statusCode).toBe(401);
    } finally {
      await other.close();
    }
    expect((await auditRows(t.app, 'identity.logout')).length).toBeGreaterThan(0);
  });

  it('ends a session idle longer than SESSION_IDLE_MINUTES', async () => {
    const tokens = await pair();
    t.clock.advance(10 * 60_000);
    expect((await me(tokens.access_token)).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await refresh(tokens.refresh_token)).statusCode).toBe(401);
  });

  it('keeps at most SESSION_MAX_PER_USER sessions: the oldest ends', async () => {
    const a = await pair();
    const b = await pair();
    const c = await pair();
    expect((await me(a.access_token)).statusCode).toBe(401);
    expect((await me(b.access_token)).statusCode).toBe(200);
    expect((await me(c.access_token)).statusCode).toBe(200);
    const row = await t.app.signx.db
      .selectFrom('user_sessions')
      .selectAll()
      .where('id', '=', a.session_id)
      .executeTakeFirstOrThrow();
    expect(row.revoke_reason).toBe('session_limit');
  });

  it('lists online users and lets an administrator kick a session', async () => {
    adminToken = await tokenFor(t.app, 'root');
    const victim = await pair();
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions?page_size=100',
      headers: bearer(adminToken),
    });
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json().data.items.map((s: { id: string }) => s.id);
    expect(ids).toContain(victim.session_id);
    const kick = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sessions/${victim.session_id}`,
      headers: bearer(adminToken),
    });
    expect(kick.statusCode).toBe(200);
    expect((await me(victim.access_token)).statusCode).toBe(401);
    expect((await refresh(victim.refresh_token)).statusCode).toBe(401);
    expect((await auditRows(t.app, 'identity.session.kicked')).map((a) => a.entity_id)).toContain(
      victim.session_id,
    );
  });

  it('a user without identity.session.kick cannot kick', async () => {
    const own = await pair();
    const other = await pair();
    const kick = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sessions/${other.session_id}`,
      headers: bearer(own.access_token),
    });
    expect(kick.statusCode).toBe(403);
    expect((await me(other.access_token)).statusCode).toBe(200);
  });
});
