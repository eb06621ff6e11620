import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { authenticator } from 'otplib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, bearer, login } from '../../../test/identity-fixtures.js';
import { testConfig } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { buildApp } from '../../app.js';
import { run as adminCommand } from '../../cli/admin.command.js';
import { prepareInstallation } from '../../platform/boot.js';

describe('first start: the administrator account', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const logLines: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'signx-first-'));
  const config = testConfig(dataDir, { PASSWORD_HASH_COST: 'test', LOG_LEVEL: 'trace' });
  beforeAll(async () => {
    database = await createTestDatabase();
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        logLines.push(String(chunk));
        done();
      },
    });
    app = await buildApp(config, { database, logger: pino({ level: 'trace' }, sink) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('creates admin once, prints the password once, never logs it, and forces a change', async () => {
    const output: string[] = [];
    await prepareInstallation(app.signx, (line) => output.push(line));
    await prepareInstallation(app.signx, (line) => output.push(line));
    const passwords = output.filter((line) => line.startsWith('password: '));
    expect(passwords).toHaveLength(1);
    const password = (passwords[0] as string).slice('password: '.length);
    expect(password).toMatch(/^.{20}$/);
    const admins = await app.signx.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'admin')
      .execute();
    expect(admins).toHaveLength(1);
    expect(admins[0]?.must_change_password).toBe(1);
    expect(admins[0]?.password_hash).toMatch(/^\$argon2id\$/);
    const signIn = await login(app, 'admin', password);
    expect(signIn.statusCode, signIn.body).toBe(200);
    // First sign-in: the generated password must be changed AND an authenticator enrolled
    // (super_admin requires MFA by default), before anything else works.
    expect(signIn.json().data).toMatchObject({
      status: 'authenticated',
      must_change_password: true,
      mfa_enrolment_required: true,
    });
    const token = signIn.json().data.tokens.access_token;
    const users = () => app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(token) });
    expect((await users()).json().details.reason).toBe('password_change_required');
    const change = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/change',
      headers: bearer(token),
      payload: { current_password: password, new_password: 'Chosen-Root-Pass-77' },
    });
    expect(change.statusCode, change.body).toBe(200);
    const stillRestricted = await users();
    expect(stillRestricted.statusCode).toBe(403);
    expect(stillRestricted.json().details.reason).toBe('mfa_enrolment_required');
    const post = (url: string, payload: object) =>
      app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), payload });
    const bind = await post('/auth/mfa/bind', { password: 'Chosen-Root-Pass-77' });
    expect(bind.statusCode, bind.body).toBe(200);
    const secret = bind.json().data.secret as string;
    const confirm = await post('/auth/mfa/bind/confirm', { code: authenticator.generate(secret) });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect((await users()).statusCode).toBe(200);
    const next = await login(app, 'admin', 'Chosen-Root-Pass-77');
    expect(next.json().data).toMatchObject({ status: 'mfa_required', methods: ['totp', 'recovery'] });
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(password);
    expect((await auditRows(app, 'identity.user.created')).map((a) => a.actor_name)).toContain(
      'system:first-start',
    );
  });

  it('signx admin create makes another administrator and refuses a duplicate', async () => {
    const { file, url, searchPath } = database.location;
    const databaseUrl = file
      ? `sqlite:${file}`
      : `${url}?options=${encodeURIComponent(`-c search_path=${searchPath}`)}`;
    const cliConfig = testConfig(dataDir, { PASSWORD_HASH_COST: 'test', DATABASE_URL: databaseUrl });
    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(`ERR ${s}`) };
    expect(
      await adminCommand(['create', '--username', 'second', '--email', 'second@example.test'], {
        config: cliConfig,
        io,
      }),
    ).toBe(0);
    const line = out.find((l) => l.startsWith('password: '));
    expect(line).toBeTruthy();
    // MFA is required by default: an administrator with an email address proves a mailed code.
    expect((await login(app, 'second', (line as string).slice(10))).json().data).toMatchObject({
      status: 'mfa_required',
      methods: ['email'],
    });
    expect(await adminCommand(['create', '--username', 'second'], { config: cliConfig, io })).toBe(1);
    expect(await adminCommand(['create'], { config: cliConfig, io })).toBe(2);
  });
});
