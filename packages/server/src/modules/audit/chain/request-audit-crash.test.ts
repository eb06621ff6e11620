import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postNoteThenCrash } from '../../../../test/notes-crash.js';
import { createNotesTable, notesModule } from '../../../../test/notes-module.js';
import { testConfig } from '../../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.js';
import { buildApp } from '../../../app.js';
import { auditDeps } from '../audit.deps.js';
import { auditModule } from '../audit.module.js';
import { verifyAuditLog } from '../verify/verify.service.js';

/**
 * kill -9 right after a write committed, before the server could answer: the write is in
 * the database, so its request must be in the 'http' chain too (recorded in the write's
 * own transaction), and the chain must still verify.
 */
describe('the request audit across a crash', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeEach(async () => {
    database = await createTestDatabase();
    await createNotesTable(database.db);
    dataDir = mkdtempSync(join(tmpdir(), 'signx-audit-crash-'));
  });
  afterEach(async () => {
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the http event of a write that committed just before the process died', async () => {
    await postNoteThenCrash(database, 'after-transaction');
    const notes = await database.db
      .selectFrom('test_notes' as never)
      .selectAll()
      .execute();
    expect(notes).toHaveLength(1);
    const events = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain', '=', 'http')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_id: 'POST /api/v1/test/notes', result: 'success' });
    expect(JSON.parse(String(events[0]?.details))).toMatchObject({ method: 'POST', status: 201 });
    const app = await buildApp(testConfig(dataDir), { database, modules: [auditModule, notesModule] });
    try {
      const report = await verifyAuditLog(auditDeps(app.signx), ['main', 'http']);
      expect(report.isValid).toBe(true);
    } finally {
      await app.close();
    }
  }, 90_000);
});
