import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  type IdentityTestApp,
  tokenFor,
} from '../../../test/identity-fixtures.js';

/**
 * Identity's creations accept an Idempotency-Key: a client that lost the answer retries
 * and gets the first reply (stored in the same transaction as the new record), not a 409
 * for the record its own first attempt created, and nothing is created twice.
 */
describe('retrying identity creations with an Idempotency-Key', () => {
  let t: IdentityTestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    admin = await tokenFor(t.app, 'root');
  });
  afterAll(() => t.close());

  const post = (url: string, key: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { ...bearer(admin), 'idempotency-key': key },
      payload,
    });
  const count = async (table: 'users' | 'roles' | 'departments') =>
    Number(
      (
        await t.app.signx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each([
    ['users', '/users', { username: 'retry.user', full_name: 'Retry User', email: 'retry@example.test' }],
    ['roles', '/roles', { code: 'retry_role', name: 'Retry role', data_scope: 'own', permissions: [] }],
    ['departments', '/departments', { name: 'Retry department' }],
  ] as const)('POST %s replays the stored reply and creates one record', async (table, url, body) => {
    const before = await count(table);
    const first = await post(url, `retry-${table}`, body);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await post(url, `retry-${table}`, body);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().data).toEqual(first.json().data);
    expect(await count(table)).toBe(before + 1);
    const changed = 'full_name' in body ? { ...body, full_name: 'Someone else' } : { ...body, name: 'Other' };
    const other = await post(url, `retry-${table}`, changed);
    expect(other.statusCode).toBe(409);
  });
});
