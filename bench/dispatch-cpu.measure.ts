// CPU per delivery of the webhook dispatcher without HTTP (issue 19): the outbound client's
// post is replaced by an instant 204, so what is left is fan-out, claims, signing and the
// attempt log on SQLite. DISPATCH_PROFILE=1 writes dispatch-cpu.cpuprofile.
// Run: node --conditions=signx-source --import tsx bench/dispatch-cpu.measure.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../packages/server/src/app.js';
import { loadConfig } from '../packages/server/src/config.js';
import { modules } from '../packages/server/src/modules/index.js';
import { dispatch } from '../packages/server/src/modules/webhooks/dispatcher.js';
import { createEndpoint } from '../packages/server/src/modules/webhooks/endpoints.service.js';
import { webhooks } from '../packages/server/src/modules/webhooks/index.js';
import { webhooksDeps } from '../packages/server/src/modules/webhooks/webhooks.deps.js';
import { systemActor } from '../packages/server/src/platform/actor.js';
import { prepareInstallation } from '../packages/server/src/platform/boot.js';
import { inTransaction } from '../packages/server/src/platform/db/transaction.js';

const N = Number(process.env.DELIVERIES ?? 4000);
const dir = mkdtempSync(join(tmpdir(), 'signx-dispatch-'));
const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  DATA_DIR: dir,
  SECRET_KEY: 'b'.repeat(48),
  OUTBOUND_ALLOW_LIST: '127.0.0.1',
});
const app = await buildApp(config, { modules });
await prepareInstallation(app.signx, () => undefined, modules);
const ctx = app.signx;
const deps = webhooksDeps(ctx);
let posts = 0;
deps.outbound = {
  ...deps.outbound,
  post: async () => {
    posts += 1;
    // a receiver's answer takes a little while (a loopback round trip is ~0.1-0.5 ms)
    await new Promise((r) => setTimeout(r, 1));
    return { status: 204, body: '' };
  },
};
await inTransaction(ctx.db, (trx) =>
  createEndpoint(trx, deps, systemActor('bench', ['webhooks.endpoint.manage']), {
    url: 'http://127.0.0.1:9/hook',
    event_types: ['webhooks.endpoint.test'],
  }),
);
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
const results: number[] = [];
const perDelivery: number[] = [];
const session = process.env.DISPATCH_PROFILE ? new Session() : undefined;
for (let round = 0; round < 3; round++) {
  for (let n = 0; n < N; n += 100)
    await inTransaction(ctx.db, async (trx) => {
      for (let i = n; i < n + 100; i++)
        await webhooks.emit(trx, ctx, {
          type: 'webhooks.endpoint.test',
          resource_type: 'bench',
          resource_id: `r-${i % 500}`,
          data: { i, title: 'Bench request', status: 'sent', links: { self: 'https://example.test/x' } },
        });
    });
  if (round === 1 && session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const before = posts;
  const statementsBefore = statements;
  const cpu = process.cpuUsage();
  await dispatch(deps, new AbortController().signal);
  const used = process.cpuUsage(cpu);
  if (round === 1 && session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync('dispatch-cpu.cpuprofile', JSON.stringify(profile));
  }
  results.push((used.user + used.system) / (posts - before));
  perDelivery.push((statements - statementsBefore) / (posts - before));
}
console.log(
  JSON.stringify({
    cpu_us_per_delivery: results.map((r) => Math.round(r)),
    statements_per_delivery: perDelivery.map((r) => Math.round(r * 1000) / 1000),
    posts,
  }),
);
await app.close();
rmSync(dir, { recursive: true, force: true });
