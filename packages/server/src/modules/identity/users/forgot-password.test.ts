import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  mailsTo,
} from '../../../../test/identity-fixtures.js';

describe('forgot-password', () => {
  let t: IdentityTestApp;
  const requestReset = (username: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password/reset/request', payload: { username } });

  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    await createUserWith(t.app, { username: 'manager', roles: ['operations_manager'] });
  });
  afterAll(() => t.close());

  it('answers the same for unknown users, and mails a known user once per request window', async () => {
    const known = await requestReset('manager');
    const unknown = await requestReset('nobody');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json().data).toEqual(known.json().data);
    const again = await requestReset('manager');
    expect(again.statusCode).toBe(202);
    expect(await mailsTo(t.app, 'manager@example.test')).toHaveLength(1);
  });
});
