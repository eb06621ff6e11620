import type { FastifyInstance } from 'fastify';
import { createAdministrator } from '../src/modules/identity/first-admin.js';
import { identityDeps } from '../src/modules/identity/identity.deps.js';
import { storePassword } from '../src/modules/identity/passwords/password.service.js';
import { bumpAuthzVersion } from '../src/modules/identity/roles/roles.repository.js';
import { newUserRow, type UserRow } from '../src/modules/identity/users/users.repository.js';
import { notificationsDeps } from '../src/modules/notifications/notifications.deps.js';
import { openValue } from '../src/modules/notifications/sealed.js';
import { manualClock } from '../src/platform/db/clock.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Identity test helpers: an app with fast argon2 and a settable clock, users, sign-in. */
export const testPassword = 'Correct-Horse-7-Battery';

export interface IdentityTestApp extends TestApp {
  clock: ReturnType<typeof manualClock>;
}

/**
 * Seeded roles here do NOT require MFA unless a test passes MFA_REQUIRED_DEFAULT=true: most
 * identity tests sign in with a password alone to test something else. The MFA default
 * itself is tested in first-admin.test.ts and mfa/mfa-default.test.ts.
 */
export async function createIdentityTestApp(env: Record<string, string> = {}): Promise<IdentityTestApp> {
  const clock = manualClock('2026-11-22T08:00:00.000Z');
  const t = await createTestApp({
    env: { PASSWORD_HASH_COST: 'test', RATE_LIMIT_MAX: '100000', MFA_REQUIRED_DEFAULT: 'false', ...env },
    build: { clock },
  });
  return { ...t, clock };
}

export function runtimeOf(app: FastifyInstance) {
  return identityDeps(app.signx);
}

/** A super administrator who already changed the generated password. */
export async function createAdmin(app: FastifyInstance, username = 'root'): Promise<UserRow> {
  const runtime = runtimeOf(app);
  const { userId } = await createAdministrator(runtime, {
    username,
    fullName: 'Root Admin',
    email: `${username}@example.test`,
    actor: 'test',
  });
  await app.signx.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', userId).execute();
  const user = await app.signx.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await inTransaction(app.signx.db, (trx) =>
    storePassword(trx, runtime, user, testPassword, { mustChange: false }),
  );
  return user;
}

/** A user with the given role codes, department and a known password. */
export async function createUserWith(
  app: FastifyInstance,
  input: { username: string; roles?: string[]; departmentId?: string | null; phone?: string; email?: string },
): Promise<UserRow> {
  const runtime = runtimeOf(app);
  const now = app.signx.clock.now().toISOString();
  const profile = {
    username: input.username,
    full_name: `${input.username} Name`,
    email: input.email ?? `${input.username}@example.test`,
    phone: input.phone ?? '13812341234',
    department_id: input.departmentId ?? null,
    identity_level: 'internal',
  };
  // A ready-to-use account: its known password is set below and need not be changed.
  const row: UserRow = { ...newUserRow(profile, now), must_change_password: 0 };
  await inTransaction(app.signx.db, async (trx) => {
    await trx.insertInto('users').values(row).execute();
    for (const code of input.roles ?? []) {
      const role = await trx
        .selectFrom('roles')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      await trx.insertInto('user_roles').values({ user_id: row.id, role_id: role.id }).execute();
    }
    await storePassword(trx, runtime, row, testPassword, { mustChange: false });
    await bumpAuthzVersion(trx);
  });
  return row;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = testPassword,
  ip = '10.0.0.1',
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
}

/** Signs in and returns the access token (fails the test if sign-in did not complete). */
export async function tokenFor(
  app: FastifyInstance,
  username: string,
  password = testPassword,
): Promise<string> {
  const response = await login(app, username, password);
  const token = response.json().data?.tokens?.access_token as string | undefined;
  if (!token) throw new Error(`login of ${username} failed: ${response.body}`);
  return token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A fresh step-up proof of the session behind `token` (re-entering the password). */
export async function stepUpProof(
  app: FastifyInstance,
  token: string,
  password = testPassword,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/step-up',
    headers: bearer(token),
    payload: { password },
  });
  const proof = response.json().data?.proof as string | undefined;
  if (!proof) throw new Error(`step-up failed: ${response.body}`);
  return proof;
}

/** Headers of a request that changes another user's credentials: bearer token plus step-up proof. */
export async function reauthenticatedHeaders(app: FastifyInstance, token: string) {
  return { ...bearer(token), 'x-step-up-proof': await stepUpProof(app, token) };
}

/** Audit events of one action (asserting the trail, not only responses). */
export async function auditRows(app: FastifyInstance, action: string) {
  return app.signx.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

/** Mail sent to `to` through the notification center (newest last), content unsealed. */
export async function mailsTo(
  app: FastifyInstance,
  to: string,
): Promise<{ to: string; subject: string; text: string }[]> {
  const rows = await app.signx.db
    .selectFrom('notification_deliveries')
    .select(['address', 'subject', 'extra'])
    .where('channel', '=', 'email')
    .where('address', '=', to)
    .where('status', '!=', 'failed')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const key = notificationsDeps(app.signx).keys.seal;
  return rows.map((row) => ({
    to: row.address ?? '',
    subject: row.subject ?? '',
    text: (JSON.parse(openValue(key, row.extra) ?? '{}') as { text?: string }).text ?? '',
  }));
}

/** The token in the newest link mailed to `to`. */
export async function mailedToken(app: FastifyInstance, to: string): Promise<string> {
  const mails = await mailsTo(app, to);
  const match = /#token=([^\s]+)/.exec(mails.at(-1)?.text ?? '');
  if (!match?.[1]) throw new Error(`no link mailed to ${to}`);
  return decodeURIComponent(match[1]);
}

/** The newest numeric code mailed to `to`. */
export async function mailedCode(app: FastifyInstance, to: string): Promise<string> {
  const mails = await mailsTo(app, to);
  const match = /code is (\d{6})/.exec(mails.at(-1)?.text ?? '');
  if (!match?.[1]) throw new Error(`no code mailed to ${to}`);
  return match[1];
}
