import { describe, expect, it } from 'vitest';
import { bearer, tokenFor } from '../../../../test/identity-fixtures.js';
import { api, useInPersonHost } from '../../../../test/signing-instances-kit.js';
import { instancesErrors } from './instances.errors.js';

/**
 * The attack: a host starts an in-person session, hands the tablet over, and the signer (or
 * anybody at the device) uses the host's still-valid login token against the API directly,
 * around the admin app's lock screen. Every route but the kiosk ones must refuse.
 */
const { t, host, proof } = useInPersonHost('counter');
const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('the in-person host lock on every API route', () => {
  it('refuses every other route to the host’s session while the session is open, changing nothing', async () => {
    const created = await call('POST', `${api}/requests`, host, {
      entity_type: 'repair',
      entity_id: 'LOCK-1',
      title: 'Kiosk lock',
      signers: [
        { signer_name: 'Walk-in', signer_phone: '+972 50-111-2233', signing_order: 1 },
        { signer_name: 'Shop', signer_email: 'shop@example.com', signing_order: 2 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json().data;
    expect((await call('POST', `${api}/requests/${request.id}/send`, host)).statusCode).toBe(200);
    const started = await call(
      'POST',
      `${api}/requests/${request.id}/signers/${request.signers[0].id}/in-person`,
      host,
      {
        notify: 'none',
      },
    );
    expect(started.statusCode, started.body).toBe(201);
    const sessionId = started.json().data.session.id as string;

    const locked = instancesErrors.HOST_LOCKED.api;
    const attempts: [string, 'GET' | 'POST', string, object | undefined][] = [
      ['list requests', 'GET', `${api}/requests`, undefined],
      ['read request', 'GET', `${api}/requests/${request.id}`, undefined],
      ['cancel request', 'POST', `${api}/requests/${request.id}/cancel`, { reason: 'from the tablet' }],
      ['new request', 'POST', `${api}/requests`, { entity_type: 'repair', entity_id: 'X', title: 'Sneaky' }],
      ['another module: users', 'GET', '/api/v1/users', undefined],
      ['another module: sessions', 'GET', '/api/v1/sessions', undefined],
    ];
    for (const [name, method, url, body] of attempts) {
      const res = await call(method, url, host, body);
      expect({ name, status: res.statusCode, code: res.json().code }).toEqual({
        name,
        status: 409,
        code: locked,
      });
    }
    const stored = await t.app.signx.db
      .selectFrom('digital_signature_requests')
      .select(['title', 'status'])
      .execute();
    expect(stored).toEqual([{ title: 'Kiosk lock', status: 'sent' }]);

    // the kiosk routes, who is signed in, and the step-up still answer
    expect((await call('GET', `${api}/in-person/lock`, host)).json().data.locked).toBe(true);
    expect((await call('GET', '/api/v1/me', host)).statusCode).toBe(200);
    // another login session of the same user is not locked
    const other = bearer(await tokenFor(t.app, 'counter'));
    expect((await call('GET', `${api}/requests/${request.id}`, other)).statusCode).toBe(200);

    const unlocked = await call('POST', `${api}/in-person/${sessionId}/unlock`, {
      ...host,
      'x-step-up-proof': await proof(),
    });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect((await call('GET', `${api}/requests/${request.id}`, host)).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/users', host)).statusCode).toBe(200);
  });
});
