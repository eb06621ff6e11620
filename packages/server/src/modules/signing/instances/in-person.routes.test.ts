import { describe, expect, it } from 'vitest';
import { bearer, tokenFor } from '../../../../test/identity-fixtures.js';
import { api, useInPersonHost } from '../../../../test/signing-instances-kit.js';
import { pngDataUrl } from '../../../../test/signing-kit.js';
import { signingErrors } from '../signing.errors.js';
import { instancesErrors } from './instances.errors.js';

const { t, host, proof } = useInPersonHost('shopkeeper');
const db = () => t.app.signx.db;
const call = (
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  headers: Record<string, string> = host,
) => t.app.inject({ method, url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });

/** A sent request: the shop customer (phone) signs first, the company second. */
async function sentRequest(title: string) {
  const created = await call('POST', '/requests', {
    entity_type: 'repair',
    entity_id: 'R-3',
    title,
    language: 'he',
    signers: [
      { signer_name: 'דנה לקוחה', signer_phone: '+972 50-765-4321', signing_order: 1 },
      { signer_name: 'Shop', signer_email: 'shop@example.com', signer_type: 'company', signing_order: 2 },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const request = created.json().data;
  const sent = (await call('POST', `/requests/${request.id}/send`)).json().data;
  return {
    request,
    mailed: sent.links.find((l: { signing_order: number }) => l.signing_order === 1).token as string,
  };
}
const sign = (linkToken: string) =>
  call(
    'POST',
    '/sign',
    { token: linkToken, signature_type: 'drawn', signature_data: pngDataUrl(), consent_given: true },
    {},
  );

describe('in-person signing (seed 004 use case 3)', () => {
  it('hands the device to the signer, locks the host until step-up, records both and texts the verification link', async () => {
    const { request, mailed } = await sentRequest('קבלת תיקון');
    const signer = request.signers[0];
    const started = await call('POST', `/requests/${request.id}/signers/${signer.id}/in-person`, {
      notify: 'sms',
    });
    expect(started.statusCode, started.body).toBe(201);
    const { session, token: kioskLink, kiosk_token, signing_url } = started.json().data;
    expect(signing_url).toContain(`/sign/${kioskLink}#kiosk=${session.id}.${kiosk_token}`);
    expect(session).toMatchObject({ status: 'active', signer_name: 'דנה לקוחה', notify: 'sms' });
    // the e-mailed link died; the device's link works
    expect((await call('GET', `/signing-page/${mailed}`, undefined, {})).statusCode).toBe(401);
    expect((await call('GET', `/signing-page/${kioskLink}`, undefined, {})).statusCode).toBe(200);
    // the host's session is locked: no second session, the lock is visible to the app
    expect((await call('GET', '/in-person/lock')).json().data).toMatchObject({
      locked: true,
      session: { id: session.id },
    });
    const second = await call('POST', `/requests/${request.id}/signers/${signer.id}/in-person`, {});
    expect(second.json().code).toBe(instancesErrors.HOST_LOCKED.api);

    const signedNow = await sign(kioskLink);
    expect(signedNow.statusCode, signedNow.body).toBe(201);
    const wrong = await call('POST', `/in-person/${session.id}/finish`, { kiosk_token: 'x'.repeat(43) }, {});
    expect(wrong.json().code).toBe(signingErrors.LINK_INVALID.api);
    const finished = await call('POST', `/in-person/${session.id}/finish`, { kiosk_token }, {});
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().data.status).toBe('finished');
    const stored = await db()
      .selectFrom('digital_signature_in_person_sessions')
      .selectAll()
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(stored.signature_number).toMatch(/^SIG-\d{4}-\d{5}$/);
    expect(JSON.stringify(stored)).not.toContain(kiosk_token);
    const sms = await db()
      .selectFrom('notification_deliveries')
      .select(['channel', 'locale', 'template_code', 'body'])
      .where('template_code', '=', 'signing.in-person-verification')
      .execute();
    expect(sms.map((d) => [d.channel, d.locale])).toEqual([['sms', 'he']]);
    expect(sms[0]?.body).toContain(`/verify/${stored.signature_number}`);

    // still locked until the host re-authenticates
    expect((await call('GET', '/in-person/lock')).json().data.locked).toBe(true);
    const noProof = await call('POST', `/in-person/${session.id}/unlock`);
    expect(noProof.statusCode).toBe(403);
    const unlocked = await call('POST', `/in-person/${session.id}/unlock`, undefined, {
      ...host,
      'x-step-up-proof': await proof(),
    });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect((await call('GET', '/in-person/lock')).json().data).toEqual({ locked: false, session: null });

    const events = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', request.id)
      .where('action', 'like', 'signing.in_person.%')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'signing.in_person.started',
      'signing.in_person.finished',
      'signing.in_person.verification_sent',
      'signing.in_person.unlocked',
    ]);
    // host (the user, from the server's session) and signer, both named on the request's chain
    expect(events[0]).toMatchObject({ actor_type: 'user', entity_type: 'signature_request' });
    expect(events[0]?.details).toContain('דנה לקוחה');
    expect(events[0]?.details).toContain('shopkeeper');
  });

  it('the signer may hand back without signing: the device link dies; only the host’s own session unlocks', async () => {
    const { request } = await sentRequest('Hand back');
    const signer = request.signers[0];
    const started = (
      await call('POST', `/requests/${request.id}/signers/${signer.id}/in-person`, { notify: 'none' })
    ).json().data;
    const cancelled = await call(
      'POST',
      `/in-person/${started.session.id}/cancel`,
      { kiosk_token: started.kiosk_token },
      {},
    );
    expect(cancelled.json().data.status).toBe('cancelled');
    expect((await call('GET', `/signing-page/${started.token}`, undefined, {})).statusCode).toBe(401);
    const again = await call(
      'POST',
      `/in-person/${started.session.id}/finish`,
      { kiosk_token: started.kiosk_token },
      {},
    );
    expect(again.json().code).toBe(instancesErrors.IN_PERSON_NOT_ACTIVE.api);
    // another login session of the same user is not the host's session
    const other = bearer(await tokenFor(t.app, 'shopkeeper'));
    const foreign = await call('POST', `/in-person/${started.session.id}/unlock`, undefined, {
      ...other,
      'x-step-up-proof': await proof(),
    });
    expect(foreign.statusCode).toBe(404);
    const unlocked = await call('POST', `/in-person/${started.session.id}/unlock`, undefined, {
      ...host,
      'x-step-up-proof': await proof(),
    });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
  });

  it('refuses a signer whose turn it is not, storing nothing', async () => {
    const { request } = await sentRequest('Order');
    const second = request.signers[1];
    const early = await call('POST', `/requests/${request.id}/signers/${second.id}/in-person`, {});
    expect(early.json().code).toBe(signingErrors.NOT_YOUR_TURN.api);
    expect((await call('GET', '/in-person/lock')).json().data.locked).toBe(false);
    expect(
      await db()
        .selectFrom('digital_signature_in_person_sessions')
        .select('id')
        .where('request_id', '=', request.id)
        .execute(),
    ).toEqual([]);
  });
});
