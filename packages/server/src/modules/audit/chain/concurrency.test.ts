import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_MASTER_SECRET, useAuditTestBed } from '../../../../test/audit-kit.js';
import { FROM_SOURCE } from '../../../../test/source-node.js';
import type { Database } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { createCheckpoint } from '../checkpoints/checkpoints.service.js';
import { audit, systemActor } from '../index.js';
import { verifyAuditLog } from '../verify/verify.service.js';
import { configureRecorder, recorderSettings } from './recorder.settings.js';

const script = fileURLToPath(new URL('../../../../test/audit-writer-process.ts', import.meta.url));
const bed = useAuditTestBed();

function writerProcess(name: string, count: number, mode: 'write' | 'crash' = 'write'): Promise<number> {
  const job = {
    dialect: bed.database.dialect,
    ...bed.database.location,
    count,
    name,
    mode,
    masterSecret: TEST_MASTER_SECRET,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...FROM_SOURCE, script, JSON.stringify(job)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 || mode === 'crash' ? resolve(code ?? -1) : reject(new Error(stderr)),
    );
  });
}

async function sequences(): Promise<number[]> {
  const rows = await bed.database.db
    .selectFrom('audit_events')
    .select('seq')
    .where('chain', '=', 'main')
    .orderBy('seq')
    .execute();
  return rows.map((r) => Number(r.seq));
}

describe('concurrent writers', () => {
  it('100 concurrent writers (several pools on PostgreSQL) produce a gapless, verifying chain', async () => {
    const handles: Database[] = [
      bed.database,
      bed.database.reopen(),
      bed.database.reopen(),
      bed.database.reopen(),
    ];
    // Recorder settings (clock, MAC key) belong to the handle a context opened; the extra
    // pools stand for other processes of the same installation, so they carry the same ones.
    for (const handle of handles.slice(1)) configureRecorder(handle.db, recorderSettings(bed.database.db));
    const writers = Array.from({ length: 100 }, (_, i) =>
      inTransaction((handles[i % handles.length] as Database).db, (trx) =>
        audit.record(trx, {
          action: 'test.thing.created',
          actor: systemActor(`w${i}`),
          entityType: 'thing',
          entityId: String(i),
        }),
      ),
    );
    const results = await Promise.all(writers);
    await Promise.all(handles.slice(1).map((h) => h.destroy()));
    expect(new Set(results.map((r) => r.seq)).size).toBe(100);
    expect(await sequences()).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    await createCheckpoint(bed.deps, 'main');
    expect(await verifyAuditLog(bed.deps, ['main'])).toMatchObject({ isValid: true, events: 100 });
  });

  it('writer processes running at once produce a gapless, verifying chain', async () => {
    await Promise.all([
      writerProcess('p1', 40),
      writerProcess('p2', 40),
      writerProcess('p3', 40),
      writerProcess('p4', 40),
    ]);
    expect(await sequences()).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
    const business = await bed.database.db.selectFrom('platform_state').select('key').execute();
    expect(business).toHaveLength(160);
    await createCheckpoint(bed.deps, 'main');
    expect(await verifyAuditLog(bed.deps, ['main'])).toMatchObject({ isValid: true, events: 160 });
  });

  it('a process that dies between the business write and the audit write leaves neither', async () => {
    await writerProcess('ok', 3);
    expect(await writerProcess('dying', 1, 'crash')).toBe(3);
    const keys = (await bed.database.db.selectFrom('platform_state').select('key').execute())
      .map((r) => r.key)
      .sort();
    expect(keys).toEqual(['ok-0', 'ok-1', 'ok-2']);
    expect(await sequences()).toEqual([1, 2, 3]);
    expect(await verifyAuditLog(bed.deps, ['main'])).toMatchObject({ isValid: true, events: 3 });
  });
});
