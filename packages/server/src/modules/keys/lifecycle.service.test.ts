import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditActions } from '../../../test/audit-kit.js';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { userActor } from '../../../test/test-principal.js';
import { systemActor } from '../../platform/actor.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { auditModule } from '../audit/index.js';
import { identityModule } from '../identity/index.js';
import { notificationsModule } from '../notifications/index.js';
import { prepareGeneratedKey, recordCertificate, revokeCertificate } from './certificates.service.js';
import { keysModule } from './index.js';
import { can } from './keys.catalogue.js';
import { type KeysDeps, keysDeps } from './keys.deps.js';
import { runSelfTest, warnExpiring } from './lifecycle.service.js';

// Runs on SQLite and on PostgreSQL (SIGNX_TEST_DIALECT=postgres).
const admin = userActor('019a0000-0000-7000-8000-0000000000c1', [can['keys.certificate.manage']]);
const job = systemActor('keys.self-test');

let t: ModuleTestContext;
let deps: KeysDeps;
const db = () => t.database.db;
const actions = () => auditActions(db(), 'keys.');
const messages = () =>
  db().selectFrom('notification_messages').select(['template_code', 'dedupe_key']).execute();

async function issue(uscc: string, validityDays = 365) {
  const input = { legal_name: `Org ${uscc}`, uscc, validity_days: validityDays };
  const prepared = prepareGeneratedKey(deps, admin, { ...input, storage: 'file' });
  return inTransaction(db(), (trx) => recordCertificate(trx, deps, admin, input, prepared));
}

beforeEach(async () => {
  t = await createModuleTestContext([auditModule, identityModule, notificationsModule, keysModule]);
  deps = keysDeps(t.ctx);
});
afterEach(async () => {
  deps.close();
  await t.close();
});

describe('key self-test', () => {
  it('signs and verifies a canary with each active key and records the result', async () => {
    const a = await issue('91350100M000100Y43');
    const b = await issue('91110000802100433B');
    await inTransaction(db(), (trx) => revokeCertificate(trx, deps, admin, b.id, 'cessationOfOperation'));
    const results = await runSelfTest(deps, job);
    expect(results).toEqual([{ certificate_id: a.id, serial: a.serial, ok: true, error: null }]);
    const rows = await db().selectFrom('keys_self_tests').selectAll().execute();
    expect(rows.map((r) => [r.certificate_id, r.ok])).toEqual([[a.id, 1]]);
    expect((await actions()).slice(-1)).toEqual(['keys.self_test.completed']);
    expect(await messages()).toEqual([]);
  });

  it('reports a key that no longer signs, audits it and alerts the managers', async () => {
    const a = await issue('91350100M000100Y43');
    // The wrapped key is damaged at rest: unwrapping fails its GCM tag.
    await db()
      .updateTable('keys_managed_keys')
      .set({ wrapped_key: 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA==.AAAA' })
      .execute();
    const [result] = await runSelfTest(deps, job);
    expect(result).toMatchObject({ certificate_id: a.id, ok: false });
    expect(result?.error).toBeTruthy();
    const row = await db().selectFrom('keys_self_tests').selectAll().executeTakeFirstOrThrow();
    expect(row.ok).toBe(0);
    expect(await actions()).toEqual([
      'keys.certificate.issued',
      'keys.self_test.failed',
      'keys.self_test.completed',
    ]);
    expect((await messages()).map((m) => m.template_code)).toEqual(['keys.self-test-failed']);
  });
});

describe('expiry warnings', () => {
  it('warns once about a certificate inside the window, not about one outside it', async () => {
    const soon = await issue('91350100M000100Y43', 10);
    await issue('91110000802100433B', 365);
    expect(await warnExpiring(deps, job)).toEqual([soon.id]);
    expect(await warnExpiring(deps, job)).toEqual([]);
    const sent = await messages();
    expect(sent).toEqual([{ template_code: 'keys.expiry-warning', dedupe_key: `keys-expiry:${soon.id}` }]);
    expect((await actions()).filter((a) => a === 'keys.certificate.expiry_warned')).toHaveLength(1);
  });
});
