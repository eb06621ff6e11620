import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can as signingCan } from '../signing/signing.catalogue.js';
import { can } from './webhooks.catalogue.js';

// The signing module's request events, emitted in its own transactions, reach a loopback
// receiver signed and in order, with the request as the API presents it and its links.
const sender = asUser('019a0000-0000-7000-8000-0000000000e1', [
  ...Object.values(signingCan),
  can['webhooks.endpoint.manage'],
]);
let t: TestApp;
let server: Server;
let secret = '';
const got: { type: string; data: Record<string, unknown>; valid: boolean }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
      const signed = `${req.headers['webhook-id']}.${req.headers['webhook-timestamp']}.${body}`;
      const mac = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
      const parsed = JSON.parse(body);
      got.push({
        type: parsed.type,
        data: parsed.data,
        valid: String(req.headers['webhook-signature']).split(' ').includes(mac),
      });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t = await createTestApp({
    env: { OUTBOUND_ALLOW_LIST: '127.0.0.1/32' },
    build: { modules: [...modules, headerAuthModule] },
  });
});
afterAll(async () => {
  await t.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const post = (url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: sender, ...(payload ? { payload } : {}) });

describe('signing request events as webhooks', () => {
  it('delivers created, sent and cancelled in order with the presented request', async () => {
    const made = await post('/webhooks/endpoints', {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`,
      event_types: ['signing.request.created', 'signing.request.sent', 'signing.request.cancelled'],
    });
    expect(made.statusCode).toBe(201);
    secret = made.json().data.secret;
    const created = await post('/digital-signature/requests', {
      entity_type: 'repair',
      entity_id: 77,
      title: 'Webhook order',
      signers: [{ signer_name: 'Dana Customer', signer_email: 'dana@example.com', signing_order: 1 }],
    });
    const id = created.json().data.id as string;
    expect((await post(`/digital-signature/requests/${id}/send`)).statusCode).toBe(200);
    expect((await post(`/digital-signature/requests/${id}/cancel`, { reason: 'test' })).statusCode).toBe(200);
    await t.app.signx.jobs.drain();
    expect(got.map((g) => g.type)).toEqual([
      'signing.request.created',
      'signing.request.sent',
      'signing.request.cancelled',
    ]);
    expect(got.every((g) => g.valid)).toBe(true);
    expect(got[2]?.data).toMatchObject({ id, status: 'cancelled', title: 'Webhook order' });
    expect(got[0]?.data.links).toMatchObject({
      self: expect.stringContaining(`/digital-signature/requests/${id}`),
    });
    expect(got[0]?.data).not.toHaveProperty('allowed_types');
  });
});
