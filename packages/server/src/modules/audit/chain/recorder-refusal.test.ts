import { afterEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../../test/module-test-context.js';
import { openTestLocation } from '../../../../test/test-database.js';
import type { Database } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import { auditErrors } from '../audit.errors.js';
import { audit, auditModule, systemActor } from '../index.js';
import { eventsAfter } from './chain.repository.js';
import { configureRecorder, eventMac, MAC_PURPOSE } from './recorder.settings.js';

let t: ModuleTestContext | undefined;
let side: Database | undefined;
afterEach(async () => {
  await side?.destroy();
  await t?.close();
  side = undefined;
  t = undefined;
});

const forged = { action: 'test.thing.changed', actor: systemActor('intruder'), entityType: 'thing' };

describe('the recorder refuses a database handle without the MAC key', () => {
  it('an event written through a handle no context configured is refused and leaves no row', async () => {
    t = await createModuleTestContext([auditModule]);
    await inTransaction(t.ctx.db, (trx) =>
      audit.record(trx, { action: 'test.thing.changed', actor: systemActor('test'), entityType: 'thing' }),
    );
    // The attack: a second connection to the same database (a script, another pool) writes an
    // event of its own choosing; without the key it would carry no MAC yet join the chain.
    side = openTestLocation(t.database.location, 1);
    const sideDb = side.db;
    const attempt = inTransaction(sideDb, (trx) => audit.record(trx, forged));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'INTERNAL',
      apiCode: auditErrors.AUDIT_RECORDER_UNCONFIGURED.api,
    });
    const rows = await eventsAfter(t.ctx.db, 'main', 0, 10);
    expect(rows.map((r) => r.actor_name)).toEqual(['system:test']);
    const key = t.ctx.keyring.secret(MAC_PURPOSE);
    expect(rows.every((r) => r.mac !== null && r.mac === eventMac(r.leaf_hash, key))).toBe(true);
  });

  it('a handle configured with a clock but no key is refused too', async () => {
    t = await createModuleTestContext([auditModule]);
    const before = (await eventsAfter(t.ctx.db, 'main', 0, 10)).length;
    side = openTestLocation(t.database.location, 1);
    const sideDb = side.db;
    configureRecorder(sideDb, { clock: t.ctx.clock, macKey: null });
    await expect(inTransaction(sideDb, (trx) => audit.record(trx, forged))).rejects.toMatchObject({
      apiCode: 50031,
    });
    expect(await eventsAfter(t.ctx.db, 'main', 0, 10)).toHaveLength(before);
  });
});
