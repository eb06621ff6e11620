// Cost of webhooks.emit as the only event of a business transaction (issue 19), from the
// sources (tsx): the same business transaction (one compiled row insert) with and without
// the emit, in alternating rounds; the difference is what the emit adds to the transaction.
// Also statements per transaction. CPU profile of the emit rounds: EMIT_PROFILE=1 (writes
// emit-single.cpuprofile in the working directory; summary via bench/lib/cpuprofile-summary.js).
// Run: node --conditions=signx-source --import tsx bench/emit-single.measure.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../packages/server/src/app.js';
import { loadConfig } from '../packages/server/src/config.js';
import { modules } from '../packages/server/src/modules/index.js';
import { webhooks } from '../packages/server/src/modules/webhooks/index.js';
import { prepareInstallation } from '../packages/server/src/platform/boot.js';
import { insertCompiled } from '../packages/server/src/platform/db/compiled-once.js';
import { newId } from '../packages/server/src/platform/db/ids.js';
import { inTransaction } from '../packages/server/src/platform/db/transaction.js';

const EMITS = Number(process.env.EMITS ?? 3000);
const dir = mkdtempSync(join(tmpdir(), 'signx-emit-'));
const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  DATA_DIR: dir,
  SECRET_KEY: 'b'.repeat(48),
});
const app = await buildApp(config, { modules });
await prepareInstallation(app.signx, () => undefined, modules);
const ctx = app.signx;
const event = (i: number) => ({
  type: 'webhooks.endpoint.test',
  resource_type: 'bench',
  resource_id: `r-${i % 500}`,
  data: { i, title: 'Bench request', status: 'sent', links: { self: 'https://example.test/x' } },
});
let statements = 0;
{
  let proto = Object.getPrototypeOf(ctx.db.getExecutor());
  while (proto && !Object.hasOwn(proto, 'executeQuery')) proto = Object.getPrototypeOf(proto);
  const original = proto.executeQuery;
  proto.executeQuery = function counted(...args: unknown[]) {
    statements += 1;
    return original.apply(this, args);
  };
}
/** The business write both variants make: one row (a stand-in table, compiled insert). */
const businessRow = (i: number) => ({
  id: newId(),
  type: 'x',
  resource_type: 'bench',
  resource_id: `b-${i}`,
  data: '{}',
  fanned_out: 1,
  created_at: new Date().toISOString(),
});
/** The wake-up after commit, switched off for the `outbox` variant (the part inside the transaction). */
const wake = ctx.jobs.ensureQueuedAfterCommit;
async function run(kind: 'emit' | 'business' | 'outbox') {
  ctx.jobs.ensureQueuedAfterCommit = kind === 'outbox' ? async () => undefined : wake;
  const before = statements;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < EMITS; i++) {
    await inTransaction(ctx.db, async (trx) => {
      await insertCompiled(trx, 'webhook_events', businessRow(i));
      if (kind !== 'business') await webhooks.emit(trx, ctx, event(i));
    });
  }
  const used = process.cpuUsage(cpu);
  return {
    cpu: (used.user + used.system) / EMITS,
    wall: ((performance.now() - started) * 1000) / EMITS,
    statements: (statements - before) / EMITS,
  };
}
const session = process.env.EMIT_PROFILE ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
}
type Run = Awaited<ReturnType<typeof run>>;
const rounds: { business: Run; emit: Run; outbox: Run }[] = [];
await run('business');
await run('emit');
for (let round = 0; round < 5; round++) {
  const business = await run('business');
  if (round === 0) await session?.post('Profiler.start');
  const emit = await run('emit');
  if (round === 0 && session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync('emit-single.cpuprofile', JSON.stringify(profile));
  }
  const outbox = await run('outbox');
  rounds.push({ business, emit, outbox });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pick = (f: (r: (typeof rounds)[number]) => number) => Math.round(median(rounds.map(f)) * 10) / 10;
const jobs = await ctx.db
  .selectFrom('jobs')
  .select((eb) => eb.fn.countAll().as('n'))
  .executeTakeFirst();
console.log(
  JSON.stringify({
    cpu_us: { business: pick((r) => r.business.cpu), business_plus_emit: pick((r) => r.emit.cpu) },
    emit_adds_cpu_us: pick((r) => r.emit.cpu - r.business.cpu),
    of_which_inside_transaction_cpu_us: pick((r) => r.outbox.cpu - r.business.cpu),
    wall_us: { business: pick((r) => r.business.wall), business_plus_emit: pick((r) => r.emit.wall) },
    emit_adds_wall_us: pick((r) => r.emit.wall - r.business.wall),
    of_which_inside_transaction_wall_us: pick((r) => r.outbox.wall - r.business.wall),
    ratio_cpu: Math.round((pick((r) => r.emit.cpu) / pick((r) => r.business.cpu)) * 100) / 100,
    statements_per_transaction: {
      business: pick((r) => r.business.statements),
      business_plus_emit: pick((r) => r.emit.statements),
    },
    job_rows: jobs?.n,
  }),
);
await app.close();
rmSync(dir, { recursive: true, force: true });
