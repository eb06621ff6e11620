import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../test/identity-fixtures.js';
import {
  api,
  createRecordsTestApp,
  createSigner,
  policyBody,
  type RecordsTestApp,
  type Signer,
  signBody,
} from '../../../test/records-kit.js';
import { recordsErrors } from './records.errors.js';
import { networkOf } from './time-place.js';

// Seed 002 §10.1.2 / §10.2.1: time windows and network ranges, judged with the server's clock
// and the server-resolved client IP; behaviour analysis after a successful signature.
let t: RecordsTestApp;
let policyKey: string;
const db = () => t.app.signx.db;
const password = 'Correct-Horse-7-Battery';

function signFrom(signer: Signer, ip: string, payload: object, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `${api}/signature/create`,
    headers: { ...bearer(signer.token), ...headers },
    payload,
    remoteAddress: ip,
  });
}
const full = (signer: Signer, resourceId: string) => ({
  ...signBody(signer, { resourceId }),
  credentials: { password, totp: t.totp(signer) },
});
const putPolicy = (change: object) =>
  t.app.inject({
    method: 'PUT',
    url: `${api}/signature/policies/${policyKey}`,
    headers: bearer(t.adminToken),
    payload: { ...policyFields(), reason: 'Restrict where and when', ...change },
  });
function policyFields() {
  const { resource_type: _r, operation_type: _o, ...fields } = policyBody;
  return fields;
}
const failures = (userId: string) =>
  db()
    .selectFrom('records_auth_log')
    .select(['failure_reason', 'ip_address'])
    .where('user_id', '=', userId)
    .where('authentication_result', '=', 'failure')
    .orderBy('attempt_time')
    .execute();
const signed = (userId: string) =>
  db()
    .selectFrom('records_signatures')
    .select(['resource_id', 'ip_address'])
    .where('user_id', '=', userId)
    .execute();
const alerts = (userId: string) =>
  db().selectFrom('records_alerts').select(['kind', 'window_key']).where('user_id', '=', userId).execute();

/** Earlier successful ceremonies of `userId`, as the authentication log keeps them. */
async function history(userId: string, rows: Array<{ ip: string; at: string }>) {
  for (const [i, row] of rows.entries())
    await db()
      .insertInto('records_auth_log')
      .values({
        id: `00000000-0000-7000-8000-${String(i).padStart(6, '0')}${userId.slice(-6)}`,
        user_id: userId,
        signature_id: null,
        signing_session_id: null,
        authentication_method: 'full:password+totp',
        authentication_result: 'success',
        attempt_time: row.at,
        ip_address: row.ip,
        user_agent: null,
        failure_reason: null,
      })
      .execute();
}

beforeAll(async () => {
  t = await createRecordsTestApp();
  const created = await t.post('/signature/policies', t.adminToken, policyBody);
  if (created.statusCode !== 201) throw new Error(created.body);
  policyKey = created.json().data.policy_key;
});
afterAll(() => t.close());

describe('time and place rules of a policy', () => {
  it('refuses bad windows, ranges and zones, leaving the policy as it was', async () => {
    const before = await db().selectFrom('records_policies').selectAll().execute();
    for (const bad of [
      { allowed_time_windows: [{ days: ['mon'], start: '17:00', end: '09:00' }] },
      { allowed_time_windows: [{ days: ['mon'], start: '25:00', end: '26:00' }] },
      { allowed_time_windows: [{ days: ['someday'], start: '09:00', end: '10:00' }] },
      { allowed_networks: ['10.0.0.0/33'] },
      { allowed_networks: ['10.0.0.1'] },
      { allowed_networks: ['not-a-network/8'] },
      { time_zone: 'Mars/Olympus_Mons' },
    ]) {
      const refused = await putPolicy(bad);
      expect([refused.statusCode, refused.json().code], JSON.stringify(bad)).toEqual([400, 40001]);
    }
    expect(await db().selectFrom('records_policies').selectAll().execute()).toEqual(before);
  });

  it('a time window is read in the policy’s zone on the server clock; outside it is refused and logged', async () => {
    const tina = await createSigner(t, 'tina');
    // the clock is Sunday 2026-11-22 08:00:31 UTC = 09:00 in Berlin
    const changed = await putPolicy({
      allowed_time_windows: [{ days: ['sun'], start: '09:00', end: '09:30' }],
      time_zone: 'Europe/Berlin',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data.allowed_time_windows).toEqual([
      { days: ['sun'], start: '09:00', end: '09:30' },
    ]);
    const inside = await signFrom(tina, '10.0.0.5', full(tina, 'T-1'));
    expect(inside.statusCode, inside.body).toBe(201);
    t.clock.advance(30 * 60_000); // 09:30:31 Berlin: past the window
    const late = await signFrom(tina, '10.0.0.5', full(tina, 'T-2'));
    expect([late.statusCode, late.json().code]).toEqual([403, recordsErrors.OUTSIDE_TIME_WINDOW.api]);
    expect(
      (await putPolicy({ allowed_time_windows: [{ days: ['mon'], start: '00:00', end: '24:00' }] }))
        .statusCode,
    ).toBe(200);
    const wrongDay = await signFrom(tina, '10.0.0.5', full(tina, 'T-3'));
    expect([wrongDay.statusCode, wrongDay.json().code]).toEqual([403, recordsErrors.OUTSIDE_TIME_WINDOW.api]);
    expect((await signed(tina.id)).map((r) => r.resource_id)).toEqual(['T-1']);
    expect((await failures(tina.id)).map((r) => r.failure_reason)).toEqual([
      'outside_time_window',
      'outside_time_window',
    ]);
  });

  it('network ranges (IPv4, IPv6, IPv4-mapped) use the server-resolved address, not X-Forwarded-For', async () => {
    const nina = await createSigner(t, 'nina');
    const changed = await putPolicy({ allowed_networks: ['10.1.2.0/24', '2001:db8:1::/48'] });
    expect([changed.statusCode, changed.json().data.allowed_time_windows]).toEqual([200, null]);
    const outside = await signFrom(nina, '10.1.3.5', full(nina, 'N-1'));
    expect([outside.statusCode, outside.json().code]).toEqual([403, recordsErrors.OUTSIDE_NETWORK.api]);
    const forged = await signFrom(nina, '10.9.9.9', full(nina, 'N-2'), { 'x-forwarded-for': '10.1.2.7' });
    expect([forged.statusCode, forged.json().code]).toEqual([403, recordsErrors.OUTSIDE_NETWORK.api]);
    const v6outside = await signFrom(nina, '2001:db8:2::5', full(nina, 'N-3'));
    expect(v6outside.json().code).toBe(recordsErrors.OUTSIDE_NETWORK.api);
    t.clock.advance(31_000);
    expect((await signFrom(nina, '10.1.2.7', full(nina, 'N-4'))).statusCode).toBe(201);
    t.clock.advance(11 * 60_000);
    expect((await signFrom(nina, '2001:db8:1:ff::5', full(nina, 'N-5'))).statusCode).toBe(201);
    t.clock.advance(11 * 60_000);
    expect((await signFrom(nina, '::ffff:10.1.2.9', full(nina, 'N-6'))).statusCode).toBe(201);
    expect((await signed(nina.id)).map((r) => [r.resource_id, r.ip_address])).toEqual([
      ['N-4', '10.1.2.7'],
      ['N-5', '2001:db8:1:ff::5'],
      ['N-6', '::ffff:10.1.2.9'],
    ]);
    expect((await failures(nina.id)).map((r) => [r.failure_reason, r.ip_address])).toEqual([
      ['outside_network', '10.1.3.5'],
      ['outside_network', '10.9.9.9'],
      ['outside_network', '2001:db8:2::5'],
    ]);
    expect((await putPolicy({ allowed_networks: null })).statusCode).toBe(200);
  });
});

describe('behaviour analysis', () => {
  it('networks are compared as /24 and /48', () => {
    expect(networkOf('10.1.2.77')).toBe('10.1.2.0/24');
    expect(networkOf('::ffff:10.1.2.77')).toBe('10.1.2.0/24');
    expect(networkOf('2001:db8:1:ff::5')).toBe('2001:db8:1::/48');
    expect(networkOf('garbage')).toBeNull();
  });

  it('a signature from a /24 never seen for the signer alerts the security contacts, once', async () => {
    const olga = await createSigner(t, 'olga');
    await history(olga.id, [
      { ip: '10.5.0.1', at: '2026-11-20T08:10:00.000Z' },
      { ip: '10.5.0.1', at: '2026-11-21T08:10:00.000Z' },
    ]);
    t.clock.advance(11 * 60_000);
    expect((await signFrom(olga, '10.5.0.99', full(olga, 'O-1'))).statusCode).toBe(201);
    expect(await alerts(olga.id)).toEqual([]);
    t.clock.advance(11 * 60_000);
    expect((await signFrom(olga, '192.0.2.10', full(olga, 'O-2'))).statusCode).toBe(201);
    t.clock.advance(11 * 60_000);
    expect((await signFrom(olga, '192.0.2.11', full(olga, 'O-3'))).statusCode).toBe(201);
    expect(await alerts(olga.id)).toEqual([{ kind: 'new_network', window_key: '192.0.2.0/24' }]);
    const messages = await db()
      .selectFrom('notification_messages')
      .select(['template_code', 'priority'])
      .where('template_code', '=', 'records.behaviour-alert')
      .execute();
    expect(messages.length).toBeGreaterThan(0);
    expect(new Set(messages.map((m) => m.priority))).toEqual(new Set(['high']));
  });

  it('a signature at an hour far from the signer’s usual ones alerts; a usual hour does not', async () => {
    const pia = await createSigner(t, 'pia');
    const now = t.clock.now();
    const usual = (h: number) => ({
      ip: '10.0.0.5',
      at: `2026-11-1${h % 5}T${String(h).padStart(2, '0')}:15:00.000Z`,
    });
    await history(pia.id, [usual(1), usual(2), usual(2), usual(3), usual(3)]);
    expect(now.getUTCHours()).toBeGreaterThan(4); // 08:xx: two hours and more from 01–03
    expect((await signFrom(pia, '10.0.0.6', full(pia, 'P-1'))).statusCode).toBe(201);
    expect(await alerts(pia.id)).toEqual([
      { kind: 'unusual_hour', window_key: now.toISOString().slice(0, 13) },
    ]);

    const quinn = await createSigner(t, 'quinn');
    const hour = t.clock.now().getUTCHours();
    await history(
      quinn.id,
      [1, 2, 3, 4, 5].map((d) => ({
        ip: '10.0.0.5',
        at: `2026-11-1${d}T${String(hour - 1).padStart(2, '0')}:50:00.000Z`,
      })),
    );
    expect((await signFrom(quinn, '10.0.0.6', full(quinn, 'Q-1'))).statusCode).toBe(201);
    expect(await alerts(quinn.id)).toEqual([]);
  });

  it('signing again from the very same address (the usual case, read first) still alerts at an unusual hour', async () => {
    const rosa = await createSigner(t, 'rosa');
    const now = t.clock.now();
    const at = (day: number, hour: number) => `2026-11-1${day}T${String(hour).padStart(2, '0')}:15:00.000Z`;
    // the same address as now, at 01–03 only: the address is known, the hour is not
    await history(
      rosa.id,
      [1, 2, 3, 4, 5].map((d) => ({ ip: '10.7.0.8', at: at(d, (d % 3) + 1) })),
    );
    expect(now.getUTCHours()).toBeGreaterThan(4);
    expect((await signFrom(rosa, '10.7.0.8', full(rosa, 'R-1'))).statusCode).toBe(201);
    expect(await alerts(rosa.id)).toEqual([
      { kind: 'unusual_hour', window_key: now.toISOString().slice(0, 13) },
    ]);
    // R-1 made this hour a usual one for this address: the next signature raises nothing new
    t.clock.advance(11 * 60_000);
    expect((await signFrom(rosa, '10.7.0.8', full(rosa, 'R-2'))).statusCode).toBe(201);
    expect(await alerts(rosa.id)).toHaveLength(1);
  });
});
