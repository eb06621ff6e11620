import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createAdmin,
  createIdentityTestApp,
  type IdentityTestApp,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { callbackHeaders, createCredential, erpRequest } from '../../../../test/inbound-kit.js';

const URL = '/api/v1/callbacks/signing-requests';

describe('inbound callbacks: each attack refused with its code, nothing stored', () => {
  let t: IdentityTestApp;
  let admin: string;
  let erp: { id: string; keyId: string; secret: string };
  const body = JSON.stringify(erpRequest);

  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    admin = await tokenFor(t.app, 'root');
    erp = await createCredential(t.app, admin, { ip_allow_list: ['10.20.0.0/16', '2001:db8:7::/48'] });
  });
  afterAll(() => t.close());

  const send = (headers: Record<string, string>, payload = body, remoteAddress = '10.20.1.5') =>
    t.app.inject({ method: 'POST', url: URL, headers, payload, remoteAddress });
  const stored = async () => ({
    requests: (await t.app.signx.db.selectFrom('digital_signature_requests').select('id').execute()).length,
    nonces: (await t.app.signx.db.selectFrom('inbound_nonces').select('request_id').execute()).length,
    events: (await t.app.signx.db.selectFrom('webhook_events').select('id').execute()).length,
  });
  const refused = async (response: Awaited<ReturnType<typeof send>>, status: number, code: number) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json()).toMatchObject({ code });
  };

  it('starts and sends a signing request from a signed call, with the events of the normal API', async () => {
    const response = await send(callbackHeaders(t.app, { ...erp, body }));
    expect(response.statusCode, response.body).toBe(201);
    const { request, links } = response.json().data;
    expect(request).toMatchObject({ entity_id: 'ERP-4711', status: 'sent' });
    expect(links).toHaveLength(1);
    const events = await t.app.signx.db.selectFrom('webhook_events').select('type').execute();
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['signing.request.created', 'signing.request.sent']),
    );
    const created = await auditRows(t.app, 'signing.request.created');
    expect(created.at(-1)).toMatchObject({ actor_type: 'api_key', actor_id: erp.id });
    const row = await t.app.signx.db
      .selectFrom('inbound_credentials')
      .selectAll()
      .where('id', '=', erp.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ last_used_ip: '10.20.1.5' });
    expect(row.secret).not.toContain(erp.secret.slice(6));
  });

  it('refuses a replayed request (40144)', async () => {
    const headers = callbackHeaders(t.app, { ...erp, body });
    expect((await send(headers)).statusCode).toBe(201);
    const before = await stored();
    await refused(await send(headers), 401, 40144);
    expect(await stored()).toEqual(before);
  });

  it('refuses a wrong signature, an altered body and a request id changed after signing (40143)', async () => {
    const before = await stored();
    const other = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    await refused(await send(callbackHeaders(t.app, { ...erp, secret: other, body })), 401, 40143);
    const altered = body.replace('ERP-4711', 'ERP-9999');
    await refused(await send(callbackHeaders(t.app, { ...erp, body }), altered), 401, 40143);
    const headers = callbackHeaders(t.app, { ...erp, body });
    await refused(await send({ ...headers, 'signx-request-id': 'fresh-request-id-1' }), 401, 40143);
    expect(await stored()).toEqual(before);
  });

  it('refuses a stale or future timestamp (40142)', async () => {
    const before = await stored();
    const now = Math.floor(t.app.signx.clock.now().getTime() / 1000);
    await refused(await send(callbackHeaders(t.app, { ...erp, body, timestamp: now - 301 })), 401, 40142);
    await refused(await send(callbackHeaders(t.app, { ...erp, body, timestamp: now + 301 })), 401, 40142);
    expect(await stored()).toEqual(before);
  });

  it('refuses an address outside the allow-list (40321), IPv4 and IPv6, and ignores X-Forwarded-For', async () => {
    const before = await stored();
    await refused(await send(callbackHeaders(t.app, { ...erp, body }), body, '198.51.100.7'), 403, 40321);
    await refused(await send(callbackHeaders(t.app, { ...erp, body }), body, '2001:db8:8::1'), 403, 40321);
    const spoofed = { ...callbackHeaders(t.app, { ...erp, body }), 'x-forwarded-for': '10.20.1.5' };
    await refused(await send(spoofed, body, '198.51.100.7'), 403, 40321);
    expect(await stored()).toEqual(before);
    expect((await send(callbackHeaders(t.app, { ...erp, body }), body, '2001:db8:7::9')).statusCode).toBe(
      201,
    );
  });

  it('refuses missing headers (40140), an unknown key (40141) and an operation not allowed (40322)', async () => {
    const before = await stored();
    const headers = callbackHeaders(t.app, { ...erp, body });
    const { 'signx-signature': _dropped, ...unsigned } = headers;
    await refused(await send(unsigned), 401, 40140);
    await refused(await send({ ...headers, 'signx-key-id': 'ick_00000000000000000000' }), 401, 40141);
    const reader = await createCredential(t.app, admin, { operations: ['webhooks.inbound.manage'] });
    await refused(await send(callbackHeaders(t.app, { ...reader, body })), 403, 40322);
    expect(await stored()).toEqual(before);
  });

  it('refuses a revoked credential (40145), also its secret from before a rotation', async () => {
    const second = await createCredential(t.app, admin);
    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/inbound-credentials/${second.id}/rotate-secret`,
      headers: bearer(admin),
    });
    const newSecret = rotated.json().data.secret as string;
    // during the overlap the previous secret still verifies
    expect((await send(callbackHeaders(t.app, { ...second, body }))).statusCode).toBe(201);
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/inbound-credentials/${second.id}/revoke`,
      headers: bearer(admin),
    });
    expect(revoke.json().data).toMatchObject({ is_active: false });
    const before = await stored();
    await refused(await send(callbackHeaders(t.app, { ...second, body })), 401, 40145);
    await refused(await send(callbackHeaders(t.app, { ...second, secret: newSecret, body })), 401, 40145);
    expect(await stored()).toEqual(before);
    const actions = ['created', 'secret_rotated', 'revoked'].map((a) => `webhooks.inbound.${a}`);
    for (const action of actions) expect(await auditRows(t.app, action)).not.toHaveLength(0);
  });

  it('audits every refusal with its reason, never the body or the signature', async () => {
    const refusals = async () => auditRows(t.app, 'webhooks.inbound.refused');
    const before = (await refusals()).length;
    const marked = body.replace('ERP-4711', 'ERP-SECRET-BODY');
    const other = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
    await refused(
      await send(callbackHeaders(t.app, { ...erp, secret: other, body: marked }), marked),
      401,
      40143,
    );
    const headers = callbackHeaders(t.app, { ...erp, body });
    expect((await send(headers)).statusCode).toBe(201);
    await refused(await send(headers), 401, 40144);
    await refused(await send(callbackHeaders(t.app, { ...erp, body }), body, '198.51.100.7'), 403, 40321);
    const rows = (await refusals()).slice(before);
    expect(rows.map((r) => [r.entity_id, r.result, JSON.parse(r.details ?? '{}').code])).toEqual([
      [erp.id, 'failure', 40143],
      [erp.id, 'failure', 40144],
      [erp.id, 'failure', 40321],
    ]);
    const [bad, replay, address] = rows.map((r) => JSON.parse(r.details ?? '{}'));
    expect(bad).toMatchObject({
      reason: 'callback_signature_invalid',
      key_id: erp.keyId,
      ip: '10.20.1.5',
      operation: 'signing.request.create',
      path: URL,
    });
    expect(replay).toMatchObject({ reason: 'callback_replayed', request_id: headers['signx-request-id'] });
    expect(address).toMatchObject({ reason: 'callback_ip_not_allowed', ip: '198.51.100.7' });
    for (const row of rows) {
      const text = JSON.stringify(row);
      expect(text).not.toContain('ERP-SECRET-BODY');
      expect(text).not.toContain('ERP-4711');
      expect(text).not.toContain(headers['signx-signature']?.slice(3, 20));
    }
    // a call with no credential at all is audited too, without an entity
    const { 'signx-key-id': _k, ...anonymous } = headers;
    await refused(await send(anonymous), 401, 40140);
    expect((await refusals()).at(-1)).toMatchObject({ entity_id: null, result: 'failure' });
  });

  it('answers a retry with the same Idempotency-Key once, even re-signed', async () => {
    const before = await stored();
    const first = await send({
      ...callbackHeaders(t.app, { ...erp, body }),
      'idempotency-key': 'erp-4711-v1',
    });
    const retry = await send({
      ...callbackHeaders(t.app, { ...erp, body }),
      'idempotency-key': 'erp-4711-v1',
    });
    expect(first.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().data.request.id).toBe(first.json().data.request.id);
    expect((await stored()).requests).toBe(before.requests + 1);
  });
});
