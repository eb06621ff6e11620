// Per-emit cost of webhooks.emit as the only event of its transaction (issue 19), from the
// sources (tsx), beside a bare insert of the same outbox row in the same transactions.
// Run: node --conditions=signx-source --import tsx bench/emit-single.measure.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../packages/server/src/app.js';
import { loadConfig } from '../packages/server/src/config.js';
import { modules } from '../packages/server/src/modules/index.js';
import { webhooks } from '../packages/server/src/modules/webhooks/index.js';
import { prepareInstallation } from '../packages/server/src/platform/boot.js';
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
const statements = 0;
async function run(kind: 'emit' | 'bare') {
  const cpu = process.cpuUsage();
  for (let i = 0; i < EMITS; i++) {
    await inTransaction(ctx.db, async (trx) => {
      if (kind === 'emit') await webhooks.emit(trx, ctx, event(i));
      else
        await trx
          .insertInto('webhook_events')
          .values({
            id: newId(),
            type: 'x',
            resource_type: 'bench',
            resource_id: 'r',
            data: JSON.stringify(event(i).data),
            fanned_out: 1,
            created_at: new Date().toISOString(),
          })
          .execute();
    });
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / EMITS;
}
const results: Record<string, number[]> = { bare: [], emit: [] };
for (let round = 0; round < 4; round++) {
  results.bare.push(await run('bare'));
  results.emit.push(await run('emit'));
}
const jobs = await ctx.db
  .selectFrom('jobs')
  .select((eb) => eb.fn.countAll().as('n'))
  .executeTakeFirst();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  JSON.stringify({
    cpu_us_per_op: { bare: median(results.bare), emit: median(results.emit) },
    emit_minus_bare_us: (median(results.emit) ?? 0) - (median(results.bare) ?? 0),
    rounds: results,
    job_rows: jobs,
    statements,
  }),
);
await app.close();
rmSync(dir, { recursive: true, force: true });
