import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDataUrl } from '../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { manualClock } from '../../platform/db/clock.js';
import { modules } from '../index.js';
import { can } from './signing.catalogue.js';
import { signingErrors } from './signing.errors.js';

const sender = asUser('019a0000-0000-7000-8000-0000000000e1', Object.values(can));
const clock = manualClock('2026-12-07T08:00:00.000Z');
let t: TestApp;
const api = '/api/v1/digital-signature';
const post = (url: string, payload?: object, headers: Record<string, string> = sender) =>
  t.app.inject({ method: 'POST', url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });
const actions = async (id: string) =>
  (await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).execute()).map(
    (a) => a.action,
  );

/** A sent request with two sequential external signers; answers the request and the links by order. */
async function sentRequest(title: string) {
  const created = await post('/requests', {
    entity_type: 'repair',
    entity_id: 77,
    title,
    signers: [
      { signer_name: 'Dana Customer', signer_email: 'dana@example.com', signing_order: 1 },
      { signer_name: 'Shop Witness', signer_type: 'witness', role: 'witness', signing_order: 2 },
    ],
  });
  const id = created.json().data.id as string;
  const sent = (await post(`/requests/${id}/send`)).json().data;
  const links = sent.links as { signer_id: string; token: string; signing_order: number }[];
  return {
    id,
    first: links.find((l) => l.signing_order === 1)!,
    second: links.find((l) => l.signing_order === 2)!,
  };
}

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule], clock } });
});
afterAll(() => t.close());

describe('request life cycle', () => {
  it('decline with a reason rejects the request; no later signer can sign', async () => {
    const r = await sentRequest('Repair acceptance');
    const empty = await post('/decline', { token: r.first.token, reason: '' }, {});
    expect(empty.statusCode).toBe(400);
    const declined = await post(
      '/decline',
      { token: r.first.token, reason: 'The device is still broken' },
      {},
    );
    expect(declined.statusCode).toBe(200);
    expect(declined.json().data.status).toBe('rejected');
    expect(declined.json().data.signers[0]).toMatchObject({
      status: 'declined',
      decline_reason: 'The device is still broken',
    });
    const late = await post(
      '/sign',
      { token: r.second.token, signature_type: 'typed', signature_data: 'Shop Witness', consent_given: true },
      {},
    );
    expect(late.json().code).toBe(signingErrors.REQUEST_NOT_OPEN.api);
    expect(await actions(r.id)).toContain('signing.request.declined');
  });

  it('reassign gives the place to someone else: the old link dies, the new one works', async () => {
    const r = await sentRequest('Delegated acceptance');
    const moved = await post(`/requests/${r.id}/signers/${r.first.signer_id}/reassign`, {
      signer_name: 'Avi Delegate',
      signer_email: 'avi@example.com',
    });
    expect(moved.statusCode).toBe(200);
    const link = moved.json().data.link;
    const old = await t.app.inject({ method: 'GET', url: `${api}/signing-page/${r.first.token}` });
    expect([old.statusCode, old.json().code]).toEqual([401, signingErrors.LINK_INVALID.api]);
    const page = await t.app.inject({ method: 'GET', url: `${api}/signing-page/${link.token}` });
    expect(page.json().data.signer).toMatchObject({ signer_name: 'Avi Delegate', is_current_turn: true });
    const signed = await post(
      '/sign',
      { token: link.token, signature_type: 'drawn', signature_data: pngDataUrl(), consent_given: true },
      {},
    );
    expect(signed.statusCode).toBe(201);
    expect(signed.json().data.signature.signer_name).toBe('Avi Delegate');
    expect(await actions(r.id)).toContain('signing.request.reassigned');
  });

  it('links stop working at expiry and the sweep marks the request expired', async () => {
    const r = await sentRequest('Expiring acceptance');
    clock.advance(73 * 3_600_000);
    const late = await t.app.inject({ method: 'GET', url: `${api}/signing-page/${r.first.token}` });
    expect(late.statusCode).toBe(401);
    await t.app.signx.jobs.enqueue(t.app.signx.db, (await import('./signing.jobs.js')).expirySweepJob, {});
    await t.app.signx.jobs.drain();
    const shown = await t.app.inject({ method: 'GET', url: `${api}/requests/${r.id}`, headers: sender });
    expect(shown.json().data).toMatchObject({ status: 'expired', is_expired: true });
    expect(await actions(r.id)).toContain('signing.request.expired');
  });

  it('send mails each external signer their link through the notification center, in the request language', async () => {
    const created = await post('/requests', {
      entity_type: 'invoice',
      entity_id: 501,
      title: 'אישור חשבונית #501',
      language: 'he',
      signers: [
        { signer_name: 'ישראל ישראלי', signer_email: 'israel@example.com', signer_phone: '+972 50-123-4567' },
      ],
    });
    await post(`/requests/${created.json().data.id}/send`);
    const deliveries = await t.database.db
      .selectFrom('notification_deliveries')
      .select(['channel', 'recipient_key', 'locale'])
      .where('recipient_key', 'in', ['email:israel@example.com', 'phone:+972501234567'])
      .execute();
    expect(deliveries.map((d) => [d.channel, d.locale]).sort()).toEqual([
      ['email', 'he'],
      ['sms', 'he'],
    ]);
  });

  it('reminds the signer whose turn it is with a fresh link once reminder_hours passed; the old link dies', async () => {
    const template = await post('/templates', {
      template_name: 'Reminded',
      template_code: 'REMINDED',
      entity_type: 'quote',
      reminder_hours: 1,
    });
    const created = await post('/requests', {
      entity_type: 'quote',
      entity_id: 12,
      title: 'Quote 12',
      template_code: 'REMINDED',
      signers: [{ signer_name: 'Rina', signer_email: 'rina@example.com' }],
    });
    expect(template.statusCode).toBe(201);
    const id = created.json().data.id;
    const [link] = (await post(`/requests/${id}/send`)).json().data.links;
    const mails = async () =>
      (
        await t.database.db
          .selectFrom('notification_deliveries')
          .select('id')
          .where('recipient_key', '=', 'email:rina@example.com')
          .execute()
      ).length;
    expect(await mails()).toBe(1);
    const { reminderSweepJob } = await import('./signing.jobs.js');
    await t.app.signx.jobs.enqueue(t.app.signx.db, reminderSweepJob, {});
    await t.app.signx.jobs.drain();
    expect(await mails()).toBe(1); // not due yet
    clock.advance(61 * 60_000);
    await t.app.signx.jobs.enqueue(t.app.signx.db, reminderSweepJob, {});
    await t.app.signx.jobs.drain();
    expect(await mails()).toBe(2);
    const old = await t.app.inject({ method: 'GET', url: `${api}/signing-page/${link.token}` });
    expect(old.statusCode).toBe(401);
    expect(await actions(id)).toContain('signing.request.reminded');
  });

  it('cancel by the sender kills the links', async () => {
    const r = await sentRequest('Cancelled acceptance');
    const cancelled = await post(`/requests/${r.id}/cancel`, { reason: 'wrong customer' });
    expect(cancelled.json().data).toMatchObject({ status: 'cancelled', cancel_reason: 'wrong customer' });
    const page = await t.app.inject({ method: 'GET', url: `${api}/signing-page/${r.first.token}` });
    expect(page.json().code).toBe(signingErrors.REQUEST_NOT_OPEN.api);
    expect((await post(`/requests/${r.id}/cancel`, {})).statusCode).toBe(409);
  });
});
