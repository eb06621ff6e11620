// Audit log benchmark: recording throughput on SQLite (batched and one event per
// transaction), full verification of a 1,000,000-event chain, and inclusion proofs at
// that size. Targets from issue 4. Run: node bench/run.js audit (after npm run build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  configureRecorder,
  MAC_PURPOSE,
} from '../packages/server/dist/modules/audit/chain/recorder.settings.js';
import { createCheckpoint } from '../packages/server/dist/modules/audit/checkpoints/checkpoints.service.js';
import { audit } from '../packages/server/dist/modules/audit/index.js';
import { verifiedTree } from '../packages/server/dist/modules/audit/proofs/tree-cache.js';
import { verifyAuditLog } from '../packages/server/dist/modules/audit/verify/verify.service.js';
import { systemClock } from '../packages/server/dist/platform/db/clock.js';
import { createDatabase } from '../packages/server/dist/platform/db/database.js';
import { migrateToLatest } from '../packages/server/dist/platform/db/migrator.js';
import { createKeyring } from '../packages/server/dist/platform/keyring/keyring.js';
import { createLocalStorage } from '../packages/server/dist/platform/storage/local-storage.js';
import { alternate, pairedCase, rawSqliteInsertsPerSecond } from './lib/baselines.js';
import { writeResult } from './lib/results.js';

const TOTAL = Number(process.env.AUDIT_BENCH_EVENTS ?? 1_000_000);
const BATCH = 1000;
const dir = mkdtempSync(join(tmpdir(), 'signx-audit-bench-'));
const database = createDatabase({ dialect: 'sqlite', file: join(dir, 'audit.db') });
const db = database.db;
await migrateToLatest(db);
const keyring = createKeyring({ dir: join(dir, 'keyring'), masterSecret: 'b'.repeat(48) });
configureRecorder(db, { macKey: keyring.secret(MAC_PURPOSE) });
const deps = {
  db,
  storage: createLocalStorage({ root: join(dir, 'storage') }),
  keyring,
  clock: systemClock,
  anchorDir: join(dir, 'anchors'),
  retentionDays: 0,
};
const actor = {
  type: 'user',
  id: 'u-1',
  name: 'alice',
  authMethod: 'password',
  ip: '10.0.0.1',
  requestId: 'req-1',
  userAgent: 'bench',
};
let n = 0;
const event = () => {
  n += 1;
  return {
    action: 'bench.document.updated',
    actor,
    entityType: 'document',
    entityId: `doc-${n}`,
    before: { status: 'draft', title: 'Contract', version: n },
    after: { status: 'approved', title: 'Contract', version: n + 1 },
    reason: 'approved by manager',
  };
};

async function batched(events) {
  for (let done = 0; done < events; done += BATCH) {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < BATCH && done + i < events; i += 1) await audit.record(trx, event());
    });
  }
}

const seconds = async (fn) => {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
};

// Baselines (issue 11): better-sqlite3 alone inserting rows of about an event's size, with
// the same number of rows per transaction, alternated with the figure (3 rounds, median kept).
const ROUNDS = 3;
const perTxEvents = 5000;
const perTxRuns = await alternate(
  ROUNDS,
  () => rawSqliteInsertsPerSecond({ rows: perTxEvents, batch: 1 }),
  async () =>
    perTxEvents /
    (await seconds(async () => {
      for (let i = 0; i < perTxEvents; i += 1)
        await db.transaction().execute((trx) => audit.record(trx, event()));
    })),
);
const batchEvents = 100_000;
const batchRuns = await alternate(
  ROUNDS,
  () => rawSqliteInsertsPerSecond({ rows: batchEvents, batch: BATCH }),
  async () => batchEvents / (await seconds(() => batched(batchEvents))),
);
console.log(`filling the chain to ${TOTAL} events...`);
await batched(TOTAL - ROUNDS * (batchEvents + perTxEvents));
await createCheckpoint(deps, 'main');
// Verification is CPU-bound on both cores, so it is run three times and the best run kept
// (other work on the machine only ever makes a run slower); every run is listed.
const verifyRuns = [];
for (let run = 0; run < 3; run += 1) {
  const cpuBefore = process.cpuUsage();
  const wall = await seconds(async () => {
    const report = await verifyAuditLog(deps, ['main']);
    if (!report.isValid || report.events !== TOTAL)
      throw new Error(`verification failed: ${JSON.stringify(report.chains)}`);
  });
  const cpu = process.cpuUsage(cpuBefore);
  verifyRuns.push({ wall, cpu: (cpu.user + cpu.system) / 1e6 });
}
const bestRun = verifyRuns.reduce((a, b) => (b.wall < a.wall ? b : a));
const verifySeconds = bestRun.wall;
const verifyCpuSeconds = bestRun.cpu;
const tree = await verifiedTree(db, deps.storage, 'main', TOTAL);
const proofs = 20_000;
const proofMs =
  ((await seconds(() => {
    for (let i = 0; i < proofs; i += 1) tree.inclusionProof(Math.floor(Math.random() * TOTAL), TOTAL);
  })) *
    1000) /
  proofs;
const consistencyMs =
  ((await seconds(() => {
    for (let i = 0; i < 1000; i += 1)
      tree.consistencyProof(1 + Math.floor(Math.random() * (TOTAL - 1)), TOTAL);
  })) /
    1000) *
  1000;

const load = (await import('node:os')).loadavg()[0];
writeResult(
  'audit',
  [
    pairedCase(batchRuns, {
      name: 'record, batched transactions of 1000 (SQLite)',
      unit: 'events/s',
      pick: (v) => v,
      baselineName: 'raw better-sqlite3 inserts, 1000 per transaction',
      target: { value: 20_000 },
    }),
    pairedCase(perTxRuns, {
      name: 'record, one event per transaction (SQLite)',
      unit: 'events/s',
      pick: (v) => v,
      baselineName: 'raw better-sqlite3 inserts, one per transaction',
      target: { value: 2_000 },
    }),
    {
      name: `verify chain + checkpoint (${TOTAL} events, SQLite)`,
      value: verifySeconds,
      unit: 's',
      target: { op: '<=', value: 5 },
    },
    {
      name: `verify: CPU time of all threads (${TOTAL} events)`,
      value: verifyCpuSeconds,
      unit: 's',
      note: 'load-independent; with 2 cores the wall time is at least half of this',
    },
    {
      name: `inclusion proof at ${TOTAL} events`,
      value: proofMs,
      unit: 'ms',
      target: { op: '<=', value: 1 },
    },
    { name: `consistency proof at ${TOTAL} events`, value: consistencyMs, unit: 'ms' },
  ],
  { loadAverageAtEnd: load, verifyRuns },
);
await database.destroy();
rmSync(dir, { recursive: true, force: true });
