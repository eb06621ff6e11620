import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { userActor } from '../../../test/test-principal.js';
import { defineIntegrationEvents } from '../../platform/catalogues/integration-event-catalogue.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { auditModule } from '../audit/index.js';
import { identityModule } from '../identity/index.js';
import { notificationsModule } from '../notifications/index.js';
import { claimDue, fanOutPending } from './delivery.service.js';
import { sendAttempt } from './delivery-send.js';
import { createEndpoint, liveSecrets, rotateSecret } from './endpoints.service.js';
import { webhooks, webhooksModule } from './index.js';
import { can } from './webhooks.catalogue.js';
import { type WebhooksDeps, webhooksDeps } from './webhooks.deps.js';
import { dispatchSchedule } from './webhooks.jobs.js';

// A loopback receiver checks every request with its own Standard Webhooks verifier.
type Mode = 'ok' | 'fail' | 'close' | 'slow';
interface Received {
  id: string;
  type: string;
  resource: string;
  signatures: string[];
  valid: boolean;
}

const source = {
  name: 'testsource',
  integrationEvents: defineIntegrationEvents('testsource', {
    'request.created': { description: 'made', resourceType: 'request' },
    'request.signed': { description: 'signed', resourceType: 'request' },
    'request.completed': { description: 'completed', resourceType: 'request' },
  }),
};
const owner = userActor('019a0000-0000-7000-8000-0000000000a1', [can['webhooks.endpoint.manage']]);

let t: ModuleTestContext;
let deps: WebhooksDeps;
let server: Server;
let script: Mode[];
let secrets: string[];
let received: Received[];

function independentVerify(headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const id = String(headers['webhook-id']);
  const ts = String(headers['webhook-timestamp']);
  const given = String(headers['webhook-signature']).split(' ');
  return secrets.every((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    const mac = createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64');
    return given.includes(`v1,${mac}`);
  });
}

beforeEach(async () => {
  script = [];
  received = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const mode = script.shift() ?? 'ok';
      if (mode === 'close') return req.socket.destroy();
      if (mode === 'fail') return res.writeHead(500).end('receiver broke');
      const answer = () => {
        const parsed = JSON.parse(body);
        received.push({
          id: parsed.id,
          type: parsed.type,
          resource: parsed.data.resource,
          signatures: String(req.headers['webhook-signature']).split(' '),
          valid: independentVerify(req.headers, body),
        });
        res.writeHead(204).end();
      };
      if (mode === 'slow') setTimeout(answer, 600);
      else answer();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t = await createModuleTestContext(
    [auditModule, identityModule, notificationsModule, webhooksModule, source],
    {
      env: { OUTBOUND_ALLOW_LIST: '127.0.0.1/32' },
    },
  );
  deps = webhooksDeps(t.ctx);
  deps.settings.timeoutMs = 2000;
  deps.settings.retry = { attempts: 4, baseMs: 0, capMs: 0 };
});
afterEach(async () => {
  await t.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
const db = () => t.database.db;
async function endpoint(
  types = ['testsource.request.created', 'testsource.request.signed', 'testsource.request.completed'],
) {
  const made = await inTransaction(db(), (trx) =>
    createEndpoint(trx, deps, owner, { url: url(), event_types: types }),
  );
  secrets = [made.secret ?? ''];
  return made.row;
}
const emit = (type: string, resource: string) =>
  inTransaction(db(), (trx) =>
    webhooks.emit(trx, t.ctx, { type, resource_type: 'request', resource_id: resource, data: { resource } }),
  );
const attempts = () => db().selectFrom('webhook_attempts').selectAll().orderBy('created_at').execute();

describe('webhook delivery', () => {
  it('delivers every event, signed, in order per resource, through a receiver that fails then recovers', async () => {
    await endpoint();
    for (const r of ['A', 'B']) {
      await emit('testsource.request.created', r);
      await emit('testsource.request.signed', r);
      await emit('testsource.request.completed', r);
    }
    script = ['fail', 'close', 'fail'];
    await t.ctx.jobs.drain();
    expect(new Set(received.map((r) => r.id)).size).toBe(6);
    expect(received).toHaveLength(6);
    expect(received.every((r) => r.valid)).toBe(true);
    for (const r of ['A', 'B']) {
      expect(received.filter((x) => x.resource === r).map((x) => x.type)).toEqual([
        'testsource.request.created',
        'testsource.request.signed',
        'testsource.request.completed',
      ]);
    }
    const log = await attempts();
    const failed = log.filter((a) => a.response_status !== 204);
    expect(failed.map((a) => a.error).sort()).toEqual(expect.arrayContaining(['HTTP 500', 'HTTP 500']));
    expect(failed.length).toBe(3);
    expect(failed.every((a) => a.error !== null && a.duration_ms >= 0)).toBe(true);
    expect(log.filter((a) => a.response_status === 204)).toHaveLength(6);
    const deliveries = await db().selectFrom('webhook_deliveries').select('status').execute();
    expect(deliveries.map((d) => d.status)).toEqual(Array(6).fill('succeeded'));
  });

  it('times out a slow receiver, logs it as a timeout and delivers on the retry', async () => {
    await endpoint();
    await emit('testsource.request.signed', 'A');
    deps.settings.timeoutMs = 200;
    script = ['slow'];
    await t.ctx.jobs.drain();
    await new Promise((r) => setTimeout(r, 700)); // the slow answer of the first attempt lands (and is ignored)
    const log = await attempts();
    expect(log[0]).toMatchObject({ error: 'timeout', response_status: null });
    expect(log.at(-1)).toMatchObject({ response_status: 204 });
    expect(received.filter((r) => r.valid).length).toBeGreaterThanOrEqual(1);
  });

  it('re-sends a delivery whose sender died mid-flight (kill -9) with the same webhook-id, then the rest of its lane', async () => {
    await endpoint();
    await emit('testsource.request.created', 'A');
    await emit('testsource.request.signed', 'A');
    // a worker fans out, claims the lane head and POSTs it, then dies before logging anything
    await fanOutPending(deps, 10);
    const { claimed } = await claimDue(deps, 10, { capacity: () => 10, has: () => false });
    expect(claimed).toHaveLength(1);
    const [dying] = claimed;
    if (!dying) throw new Error('nothing claimed');
    const secretsNow = liveSecrets(deps, dying.endpoint, new Date());
    const opts = { timeoutMs: 2000, excerptChars: 100, now: new Date() };
    await sendAttempt(deps.outbound.post, url(), dying.event, dying.delivery, secretsNow, opts);
    expect(received.map((r) => r.type)).toEqual(['testsource.request.created']);
    // while its claim is live nobody sends the lane (no overtaking by `signed`)
    await t.ctx.jobs.drain();
    expect(received).toHaveLength(1);
    // the claim goes stale after twice the attempt timeout; the next dispatcher run (at the
    // latest the minute sweep, enqueued here as its schedule would) re-sends it
    deps.settings.timeoutMs = 100;
    await new Promise((r) => setTimeout(r, 250));
    await t.ctx.jobs.enqueue(db(), dispatchSchedule.job, {});
    await t.ctx.jobs.drain();
    expect(received.map((r) => r.type)).toEqual([
      'testsource.request.created',
      'testsource.request.created',
      'testsource.request.signed',
    ]);
    expect(received[0]?.id).toBe(received[1]?.id); // the receiver dedupes on webhook-id
    expect(received.every((r) => r.valid)).toBe(true);
    const deliveries = await db().selectFrom('webhook_deliveries').selectAll().orderBy('event_id').execute();
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ['succeeded', 1],
      ['succeeded', 1],
    ]);
    expect(await attempts()).toHaveLength(2);
  });

  it('signs with both secrets during a rotation', async () => {
    const row = await endpoint();
    const rotated = await inTransaction(db(), (trx) => rotateSecret(trx, deps, owner, row.id));
    secrets = [secrets[0] ?? '', rotated.secret ?? ''];
    await emit('testsource.request.created', 'A');
    await t.ctx.jobs.drain();
    expect(received).toHaveLength(1);
    expect(received[0]?.signatures).toHaveLength(2);
    expect(received[0]?.valid).toBe(true);
  });

  it('gives up after the last attempt (dead letter), disables a failing endpoint and tells its owner', async () => {
    const row = await endpoint();
    deps.settings.disableAfterMs = 0;
    script = Array(10).fill('fail');
    await emit('testsource.request.created', 'A');
    await t.ctx.jobs.drain();
    const delivery = await db().selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(delivery.status).toBe('dead');
    const saved = await db()
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(saved.is_active).toBe(0);
    const events = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'webhooks.endpoint.disabled')
      .execute();
    expect(events).toHaveLength(1);
    const messages = await db().selectFrom('notification_messages').select('template_code').execute();
    expect(messages.map((m) => m.template_code)).toContain('webhooks.endpoint-disabled');
  });

  it('writes nothing when the business transaction rolls back, and refuses bad endpoints', async () => {
    await endpoint();
    await expect(
      inTransaction(db(), async (trx) => {
        await webhooks.emit(trx, t.ctx, {
          type: 'testsource.request.created',
          resource_type: 'request',
          resource_id: 'A',
          data: {},
        });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    expect(await db().selectFrom('webhook_events').selectAll().execute()).toEqual([]);
    const bad = (u: string, types = ['testsource.request.created']) =>
      inTransaction(db(), (trx) => createEndpoint(trx, deps, owner, { url: u, event_types: types }));
    await expect(bad('http://example.com/hook')).rejects.toMatchObject({ apiCode: 40385 });
    await expect(bad('https://10.0.0.1/hook')).rejects.toMatchObject({ apiCode: 40385 });
    await expect(bad(url(), ['nobody.emits.this'])).rejects.toMatchObject({ apiCode: 40485 });
    expect(await db().selectFrom('webhook_endpoints').selectAll().execute()).toHaveLength(1);
  });
});
