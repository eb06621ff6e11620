import { afterEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../../test/module-test-context.js';
import { manualClock } from '../../../platform/db/clock.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { auditDeps } from '../audit.deps.js';
import { audit, auditModule, systemActor } from '../index.js';
import { eventsAfter } from './chain.repository.js';
import { eventMac, MAC_PURPOSE } from './recorder.settings.js';

const opened: ModuleTestContext[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

async function context(secret: string, at: string): Promise<ModuleTestContext> {
  const t = await createModuleTestContext([auditModule], {
    env: { SECRET_KEY: secret.repeat(48) },
    overrides: { clock: manualClock(at) },
  });
  opened.push(t);
  return t;
}

async function recordOne(t: ModuleTestContext) {
  await inTransaction(t.ctx.db, (trx) =>
    audit.record(trx, { action: 'test.thing.changed', actor: systemActor('test'), entityType: 'thing' }),
  );
  const [row] = await eventsAfter(t.database.db, 'main', 0, 10);
  if (!row) throw new Error('no event recorded');
  return row;
}

// Each test migrates two databases from nothing: on PostgreSQL, with every module's
// migrations, that alone can pass the default 30 s on a loaded machine.
describe('the recorder’s settings belong to one app context', { timeout: 120_000 }, () => {
  it('two contexts in one process stamp their own clock and MAC key, whatever the order', async () => {
    const a = await context('a', '2020-01-01T00:00:00.000Z');
    const b = await context('b', '2030-06-01T00:00:00.000Z');
    // b was created last; a's events must still carry a's settings, not the latest ones.
    const rowA = await recordOne(a);
    const rowB = await recordOne(b);
    expect(rowA.occurred_at).toBe('2020-01-01T00:00:00.000Z');
    expect(rowB.occurred_at).toBe('2030-06-01T00:00:00.000Z');
    const keyA = a.ctx.keyring.secret(MAC_PURPOSE);
    const keyB = b.ctx.keyring.secret(MAC_PURPOSE);
    expect(keyA.equals(keyB)).toBe(false);
    expect(rowA.mac).toBe(eventMac(rowA.leaf_hash, keyA));
    expect(rowB.mac).toBe(eventMac(rowB.leaf_hash, keyB));
  });

  it('gives each context its own deps value, and the same one on every call', async () => {
    const a = await context('a', '2020-01-01T00:00:00.000Z');
    const b = await context('b', '2020-01-01T00:00:00.000Z');
    expect(auditDeps(a.ctx)).toBe(auditDeps(a.ctx));
    expect(auditDeps(a.ctx)).not.toBe(auditDeps(b.ctx));
    expect(auditDeps(a.ctx).recorder.macKey?.equals(auditDeps(b.ctx).recorder.macKey as Buffer)).toBe(false);
  });
});
