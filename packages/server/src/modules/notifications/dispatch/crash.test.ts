import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/job-harness.js';
import { createModuleTestContext, type ModuleTestContext } from '../../../../test/module-test-context.js';
import {
  admin,
  attempts,
  deliveries,
  makeTemplate,
  sampleTemplate,
} from '../../../../test/notification-kit.js';
import { type Peer, webhookPeer } from '../../../../test/provider-peers.js';
import { FROM_SOURCE } from '../../../../test/source-node.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { auditModule } from '../../audit/index.js';
import { identityModule } from '../../identity/index.js';
import { notifications, notificationsModule } from '../index.js';
import { notificationsDeps } from '../notifications.deps.js';
import { saveEndpoint, saveGroup } from '../setup/setup.service.js';

const child = fileURLToPath(new URL('../../../../test/notification-worker-child.ts', import.meta.url));
let t: ModuleTestContext;
let peer: Peer;

beforeEach(async () => {
  peer = await webhookPeer('crash-secret');
  t = await createModuleTestContext([auditModule, identityModule, notificationsModule], {
    env: { OUTBOUND_ALLOW_LIST: '127.0.0.1' },
  });
  await makeTemplate(
    t.ctx,
    sampleTemplate({ variants: [{ channel: 'webhook', locale: 'zh-CN', body: 'hook ${taskName}' }] }),
  );
  const deps = notificationsDeps(t.ctx);
  const group = await inTransaction(t.ctx.db, (trx) =>
    saveGroup(trx, deps, admin, { channel: 'webhook', code: 'erp', name: 'ERP' }),
  );
  await inTransaction(t.ctx.db, (trx) =>
    saveEndpoint(trx, deps, admin, {
      group_id: group?.id ?? '',
      name: 'erp',
      url: `${peer.url}/in`,
      secret: 'crash-secret',
    }),
  );
});
afterEach(async () => {
  await t.close();
  await peer.close();
});

describe('a process killed mid-send', () => {
  it('loses no message and sends each at most once per attempt record (SIGKILL)', async () => {
    await inTransaction(t.ctx.db, async (trx) => {
      for (const name of ['one', 'two', 'three']) {
        await notifications.send(trx, t.ctx, admin, {
          template: 'task.assigned',
          channels: ['webhook'],
          recipients: [{ type: 'group', code: 'erp' }],
          params: { taskName: name },
        });
      }
    });
    peer.failNext(1, 0); // the first request reaches the peer and never gets an answer
    const worker = spawn(
      process.execPath,
      [...FROM_SOURCE, child, JSON.stringify(t.database.location), t.ctx.config.dataDir, '127.0.0.1'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await eventually(() => peer.received.length >= 1);
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    const during = await attempts(t.ctx.db);
    const open = during.filter((a) => a.status === 'sending'); // recorded before the call, open when killed
    expect(open.length).toBeGreaterThanOrEqual(1);
    // Another process takes over once the dead worker's lease has expired.
    await eventually(async () => {
      await t.ctx.jobs.drain();
      return (await deliveries(t.ctx.db)).every((d) => d.status === 'sent');
    });
    const rows = await deliveries(t.ctx.db);
    expect(rows).toHaveLength(3);
    const records = await attempts(t.ctx.db);
    expect(
      records
        .filter((a) => a.status === 'interrupted')
        .map((a) => a.id)
        .sort(),
    ).toEqual(open.map((a) => a.id).sort());
    expect(records.filter((a) => a.status === 'sent')).toHaveLength(3);
    // Every request the peer saw belongs to an attempt record, and no record sent twice. A
    // record may have sent nothing: the kill can land between recording an attempt and its
    // request leaving (the worker runs deliveries concurrently), so requests ≤ records.
    const perDelivery = new Map<string, number>();
    for (const r of peer.received) {
      const id = String(r.headers['x-signx-delivery']);
      perDelivery.set(id, (perDelivery.get(id) ?? 0) + 1);
    }
    expect([...perDelivery.keys()].sort()).toEqual(rows.map((row) => row.id).sort());
    for (const row of rows)
      expect(perDelivery.get(row.id)).toBeLessThanOrEqual(
        records.filter((a) => a.delivery_id === row.id).length,
      );
    expect(peer.received.length).toBeLessThanOrEqual(records.length);
  });
});
