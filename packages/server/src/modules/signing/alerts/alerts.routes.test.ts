import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDataUrl } from '../../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../../test/test-principal.js';
import { manualClock } from '../../../platform/db/clock.js';
import { modules } from '../../index.js';
import { can } from '../signing.catalogue.js';
import { expirySweepJob, reminderSweepJob } from '../signing.jobs.js';

const ownerId = '019a0000-0000-7000-8000-0000000000f9';
const sender = asUser(ownerId, Object.values(can));
const clock = manualClock('2026-12-08T08:00:00.000Z');
const api = '/api/v1/digital-signature';
let t: TestApp;

const post = (url: string, payload?: object, headers: Record<string, string> = sender) =>
  t.app.inject({ method: 'POST', url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });
const audit = async (id: string, action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['action', 'details'])
    .where('entity_id', '=', id)
    .where('action', '=', action)
    .execute();
const deliveries = (template: string, recipientKey?: string) => {
  let q = t.database.db
    .selectFrom('notification_deliveries')
    .select(['recipient_key', 'locale'])
    .where('template_code', '=', template);
  if (recipientKey) q = q.where('recipient_key', '=', recipientKey);
  return q.execute();
};
const sweep = async (job: typeof reminderSweepJob | typeof expirySweepJob) => {
  await t.app.signx.jobs.enqueue(t.app.signx.db, job, {});
  await t.app.signx.jobs.drain();
};

/** A sent sequential request (two external signers) on a template with a 1-hour reminder window. */
async function sequential(title: string, code: string) {
  await post('/templates', {
    template_name: code,
    template_code: code,
    entity_type: 'quote',
    reminder_hours: 1,
  });
  const created = await post('/requests', {
    entity_type: 'quote',
    entity_id: 88,
    title,
    template_code: code,
    language: 'zh-CN',
    signature_order: 'sequential',
    signers: [
      { signer_name: '陈一', signer_email: `${code.toLowerCase()}-1@example.com`, signing_order: 1 },
      { signer_name: '李二', signer_email: `${code.toLowerCase()}-2@example.com`, signing_order: 2 },
    ],
  });
  const id = created.json().data.id as string;
  const links = (await post(`/requests/${id}/send`)).json().data.links as {
    token: string;
    signing_order: number;
  }[];
  return { id, first: links.find((l) => l.signing_order === 1)?.token as string, code: code.toLowerCase() };
}

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule], clock } });
});
afterAll(() => t.close());

describe('alerts', () => {
  it('tells the next group "your turn" once the earlier group signed, once, in the request language', async () => {
    const r = await sequential('报价确认', 'TURN');
    expect(await deliveries('signing.your-turn')).toEqual([]);
    const signed = await post(
      '/sign',
      { token: r.first, signature_type: 'drawn', signature_data: pngDataUrl(), consent_given: true },
      {},
    );
    expect(signed.statusCode).toBe(201);
    expect(await deliveries('signing.your-turn')).toEqual([
      { recipient_key: `email:${r.code}-2@example.com`, locale: 'zh-CN' },
    ]);
    const told = await audit(r.id, 'signing.request.turn_notified');
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]?.details ?? '{}')).toMatchObject({ signer_name: '李二' });
  });

  it('alerts the owner once per reason: a signer idle beyond the reminder window, near expiry, expired', async () => {
    const r = await sequential('逾期报价', 'LATE');
    await sweep(reminderSweepJob);
    expect(await audit(r.id, 'signing.request.overdue_alerted')).toEqual([]);
    clock.advance(61 * 60_000); // past the 1-hour window: 陈一 has not acted
    await sweep(reminderSweepJob);
    await sweep(reminderSweepJob); // a second sweep alerts nothing twice
    const idle = await audit(r.id, 'signing.request.overdue_alerted');
    expect(idle.map((a) => JSON.parse(a.details ?? '{}').detail)).toEqual([
      expect.stringMatching(/^signer_idle: 陈一/),
    ]);
    expect(await deliveries('signing.overdue', `user:${ownerId}`)).not.toHaveLength(0);

    clock.advance(48 * 3_600_000); // 72-hour link: less than 24 hours left
    await sweep(reminderSweepJob);
    clock.advance(24 * 3_600_000);
    await sweep(expirySweepJob);
    await sweep(reminderSweepJob);
    await sweep(reminderSweepJob);
    const kinds = (await audit(r.id, 'signing.request.overdue_alerted')).map(
      (a) => JSON.parse(a.details ?? '{}').detail.split(':')[0],
    );
    expect(kinds.sort()).toEqual(['expired', 'near_expiry', 'signer_idle']);
  });
});
