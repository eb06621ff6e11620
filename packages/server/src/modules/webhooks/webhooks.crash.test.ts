import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/job-harness.js';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { FROM_SOURCE } from '../../../test/source-node.js';
import { userActor } from '../../../test/test-principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { auditModule } from '../audit/index.js';
import { identityModule } from '../identity/index.js';
import { notificationsModule } from '../notifications/index.js';
import { createEndpoint } from './endpoints.service.js';
import { webhooks, webhooksModule } from './index.js';
import { can } from './webhooks.catalogue.js';
import { webhooksDeps } from './webhooks.deps.js';

/**
 * The dispatcher in a real process, killed with SIGKILL while deliveries are on the wire and
 * started again (docs/integration.md, "Delivery guarantees"): every event reaches the
 * receiver at least once, a re-send carries the same `webhook-id`, and each resource's
 * events arrive in emit order (a re-send repeats the lane's head, never overtakes it).
 */
const child = fileURLToPath(new URL('../../../test/webhooks-worker-child.ts', import.meta.url));
const owner = userActor('019a0000-0000-7000-8000-0000000000c1', [can['webhooks.endpoint.manage']]);
const LANES = 6;
const PER_LANE = 8;
/** Attempt timeout in the workers: a killed worker's claims are stale after twice this. */
const TIMEOUT_MS = 500;

interface Received {
  webhookId: string;
  delivery: string;
  lane: string;
  seq: number;
  valid: boolean;
}

let t: ModuleTestContext;
let server: Server;
let received: Received[];
let secret: string;
const workers: ChildProcess[] = [];

function valid(headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const content = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
  const mac = createHmac('sha256', key).update(content).digest('base64');
  return String(headers['webhook-signature']).split(' ').includes(`v1,${mac}`);
}

beforeEach(async () => {
  received = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { id: string; data: { lane: string; seq: number } };
      received.push({
        webhookId: String(req.headers['webhook-id']),
        delivery: String(req.headers['x-signx-delivery']),
        lane: parsed.data.lane,
        seq: parsed.data.seq,
        valid: parsed.id === req.headers['webhook-id'] && valid(req.headers, body),
      });
      // slow enough that a kill lands while requests are in flight
      setTimeout(() => res.writeHead(204).end(), 40);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t = await createModuleTestContext([auditModule, identityModule, notificationsModule, webhooksModule], {
    env: { OUTBOUND_ALLOW_LIST: '127.0.0.1' },
  });
});
afterEach(async () => {
  for (const w of workers.splice(0)) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  await t.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

interface Worker {
  process: ChildProcess;
  output: () => string;
  start(): void;
}

/** A loaded dispatcher process, its job runtime not started yet (see webhooks-worker-child.ts). */
function loadWorker(): Worker {
  const worker = spawn(
    process.execPath,
    [
      ...FROM_SOURCE,
      child,
      JSON.stringify(t.database.location),
      t.ctx.config.dataDir,
      JSON.stringify({ OUTBOUND_ALLOW_LIST: '127.0.0.1', OUTBOUND_TIMEOUT_MS: String(TIMEOUT_MS) }),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  workers.push(worker);
  let output = '';
  worker.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { process: worker, output: () => output, start: () => worker.stdin?.write('go\n') };
}

describe('webhook dispatcher process killed mid-delivery (SIGKILL) and restarted', () => {
  it('delivers every event at least once, re-sends with the same webhook-id, in order per resource', async () => {
    const deps = webhooksDeps(t.ctx);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const made = await inTransaction(t.database.db, (trx) =>
      createEndpoint(trx, deps, owner, { url, event_types: ['webhooks.endpoint.test'] }),
    );
    secret = made.secret ?? '';
    const emitted = new Map<string, { lane: string; seq: number }>();
    for (let seq = 0; seq < PER_LANE; seq++) {
      await inTransaction(t.database.db, async (trx) => {
        for (let l = 0; l < LANES; l++) {
          const lane = `L${l}`;
          const id = await webhooks.emit(trx, t.ctx, {
            type: 'webhooks.endpoint.test',
            resource_type: 'crash',
            resource_id: lane,
            data: { lane, seq },
          });
          if (!id) throw new Error('the webhooks module is not mounted');
          emitted.set(id, { lane, seq });
        }
      });
    }

    // both processes load at once (compiling from source is the slow part), the second waits
    const first = loadWorker();
    const second = loadWorker();
    await eventually(() => first.output().includes('READY') && second.output().includes('READY'), 90_000);
    first.start();
    await eventually(() => received.length >= LANES * 2, 20_000);
    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));
    const open = await t.database.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'status'])
      .where('status', '!=', 'succeeded')
      .execute();
    // killed mid-run: work was left, some of it claimed by the dead process
    expect(open.length).toBeGreaterThan(0);
    const killedAt = received.length;
    expect(killedAt).toBeLessThan(LANES * PER_LANE);

    second.start();
    await eventually(async () => {
      const left = await t.database.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '!=', 'succeeded')
        .execute();
      return left.length === 0;
    }, 40_000).catch(async (error: Error) => {
      // say what was left, so a failure here can be told from a slow machine
      const left = await t.database.db
        .selectFrom('webhook_deliveries')
        .select(['status', 'claimed_at', 'attempts', 'lane'])
        .where('status', '!=', 'succeeded')
        .execute();
      const jobs = await t.database.db.selectFrom('jobs').select(['name', 'state', 'run_at']).execute();
      throw new Error(`${error.message}: ${JSON.stringify({ received: received.length, left, jobs })}`);
    });

    // at least once: every emitted event arrived, under its own id, signed
    expect(new Set(received.map((r) => r.webhookId))).toEqual(new Set(emitted.keys()));
    expect(received.every((r) => r.valid)).toBe(true);
    for (const r of received) expect(emitted.get(r.webhookId)).toEqual({ lane: r.lane, seq: r.seq });
    // a re-send (same delivery) carries the same webhook-id; the kill landed while the
    // receiver held at least one request unanswered, so at least one delivery was re-sent
    const resent = received.length - new Set(received.map((r) => r.delivery)).size;
    expect(resent).toBeGreaterThanOrEqual(1);
    const idOf = new Map<string, string>();
    for (const r of received) {
      expect(idOf.get(r.delivery) ?? r.webhookId).toBe(r.webhookId);
      idOf.set(r.delivery, r.webhookId);
    }
    // in order per resource: a lane's arrivals never go back (a duplicate repeats the head)
    for (let l = 0; l < LANES; l++) {
      const seqs = received.filter((r) => r.lane === `L${l}`).map((r) => r.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(PER_LANE);
    }
    const deliveries = await t.database.db.selectFrom('webhook_deliveries').select('status').execute();
    expect(deliveries).toHaveLength(LANES * PER_LANE);
  }, 180_000);
});
