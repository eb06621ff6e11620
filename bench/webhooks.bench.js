// Webhooks benchmark (issue 19): deliveries per second to a loopback receiver through the
// real path (outbox → dispatcher job: batched fan-out, claim, signed POST through the
// outbound client, grouped attempt log) beside two bare loops of the same POSTs at the same
// concurrency, plain fetch and undici.request (baselines, measured before and after in the
// same run), CPU and SQL statements per delivery, and
// the cost of `webhooks.emit` inside a transaction beside a bare insert of the same outbox
// row in the same transactions (baseline), for 100 events per transaction and for one.
// SQLite, local job driver.
// Run: node bench/run.js webhooks (after npm run build).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../packages/server/dist/app.js';
import { loadConfig } from '../packages/server/dist/config.js';
import { modules } from '../packages/server/dist/modules/index.js';
import { createEndpoint } from '../packages/server/dist/modules/webhooks/endpoints.service.js';
import { webhooks } from '../packages/server/dist/modules/webhooks/index.js';
import { webhooksDeps } from '../packages/server/dist/modules/webhooks/webhooks.deps.js';
import { systemActor } from '../packages/server/dist/platform/actor.js';
import { prepareInstallation } from '../packages/server/dist/platform/boot.js';
import { insertCompiled } from '../packages/server/dist/platform/db/compiled-once.js';
import { newId } from '../packages/server/dist/platform/db/ids.js';
import { inTransaction } from '../packages/server/dist/platform/db/transaction.js';
import { alternate, median, pairedCase } from './lib/baselines.js';
import { writeResult } from './lib/results.js';

// undici as the server package resolves it (the outbound client's request API)
const undici = createRequire(new URL('../packages/server/package.json', import.meta.url))('undici');
const DELIVERIES = Number(process.env.BENCH_WEBHOOKS_N ?? 4000);
const EMITS = Number(process.env.BENCH_WEBHOOKS_EMITS ?? 5000);
const PER_TRX = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const load = () => loadavg().map((v) => Math.round(v * 100) / 100);
console.log(`webhooks: start (load ${load().join(', ')})`);

let hits = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    hits += 1;
    res.writeHead(204).end();
  });
});
await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
const dir = mkdtempSync(join(tmpdir(), 'signx-webhooks-bench-'));
const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  DATA_DIR: dir,
  SECRET_KEY: 'b'.repeat(48),
  OUTBOUND_ALLOW_LIST: '127.0.0.1',
  JOBS_CONCURRENCY: '64',
});
const app = await buildApp(config, { modules });
await prepareInstallation(app.signx, () => undefined, modules);
const ctx = app.signx;
const db = ctx.db;
const deps = webhooksDeps(ctx);
const owner = systemActor('bench', ['webhooks.endpoint.manage']);
const event = (i) => ({
  type: 'webhooks.endpoint.test',
  resource_type: 'bench',
  resource_id: `r-${i % 500}`,
  data: { i, title: 'Bench request', status: 'sent', links: { self: 'https://example.test/x' } },
});

/** CPU µs per emit of the last emitCost run (user + system, this process). */
const emitCpu = { 1: [], [PER_TRX]: [] };
/** µs per emit: EMITS events in transactions of `perTrx`. */
async function emitCost(perTrx = PER_TRX) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let n = 0; n < EMITS; n += perTrx) {
    await inTransaction(db, async (trx) => {
      for (let i = n; i < n + perTrx; i++) await webhooks.emit(trx, ctx, event(i));
    });
  }
  const used = process.cpuUsage(cpu);
  emitCpu[perTrx].push((used.user + used.system) / EMITS);
  return ((performance.now() - started) * 1000) / EMITS;
}
/** µs per bare insert of the same outbox row, same transactions. */
const bareCpu = { 1: [], [PER_TRX]: [] };
async function bareInsertCost(perTrx = PER_TRX) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let n = 0; n < EMITS; n += perTrx) {
    await inTransaction(db, async (trx) => {
      for (let i = n; i < n + perTrx; i++) {
        const e = event(i);
        await trx
          .insertInto('webhook_events')
          .values({
            id: newId(),
            type: e.type,
            resource_type: e.resource_type,
            resource_id: e.resource_id,
            data: JSON.stringify(e.data),
            fanned_out: 1,
            created_at: new Date().toISOString(),
          })
          .execute();
      }
    });
  }
  const used = process.cpuUsage(cpu);
  bareCpu[perTrx].push((used.user + used.system) / EMITS);
  return ((performance.now() - started) * 1000) / EMITS;
}
/**
 * A one-row business transaction (one compiled insert of a stand-in row), EMITS times, with
 * or without one webhooks.emit in it: wall and CPU µs per transaction.
 */
async function businessCost(withEmit) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < EMITS; i++) {
    await inTransaction(db, async (trx) => {
      await insertCompiled(trx, 'webhook_events', {
        id: newId(),
        type: 'x',
        resource_type: 'business',
        resource_id: `b-${i}`,
        data: '{}',
        fanned_out: 1,
        created_at: new Date().toISOString(),
      });
      if (withEmit) await webhooks.emit(trx, ctx, event(i));
    });
  }
  const used = process.cpuUsage(cpu);
  return { wall: ((performance.now() - started) * 1000) / EMITS, cpu: (used.user + used.system) / EMITS };
}
const runs = await alternate(ROUNDS, bareInsertCost, emitCost);
const singleRuns = await alternate(
  ROUNDS,
  () => bareInsertCost(1),
  () => emitCost(1),
);
const businessRuns = await alternate(
  ROUNDS,
  () => businessCost(false),
  () => businessCost(true),
);
const addedWall = businessRuns.map((r) => r.figure.wall - r.baseline.wall);
const addedCpu = businessRuns.map((r) => r.figure.cpu - r.baseline.cpu);
// the emitted events' fan-out jobs find no endpoint yet; clear them before the delivery run
await db.deleteFrom('jobs').execute();
await db.deleteFrom('webhook_events').execute();

const url = `http://127.0.0.1:${receiver.address().port}/hook`;
await inTransaction(db, (trx) =>
  createEndpoint(trx, deps, owner, { url, event_types: ['webhooks.endpoint.test'] }),
);
for (let n = 0; n < DELIVERIES; n += PER_TRX) {
  await inTransaction(db, async (trx) => {
    for (let i = n; i < Math.min(n + PER_TRX, DELIVERIES); i++) await webhooks.emit(trx, ctx, event(i));
  });
}
const body = JSON.stringify({
  id: newId(),
  type: 'webhooks.endpoint.test',
  timestamp: new Date().toISOString(),
  data: event(1).data,
});
/**
 * Bare loopback POSTs per second and CPU µs per POST (this process: client and receiver),
 * same body, same concurrency as the dispatcher per endpoint: `fetch`, or undici's
 * `request` on a kept-alive Agent (what the outbound client's `post` runs on).
 */
async function barePosts(kind, count, concurrency = 64) {
  const agent = new undici.Agent();
  const origin = new URL(url).origin;
  const post =
    kind === 'fetch'
      ? async () => {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          await res.text();
        }
      : async () => {
          const res = await agent.request({
            origin,
            path: '/hook',
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          await res.body.text();
        };
  const before = hits;
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const lane = async () => {
    while (next++ < count) await post();
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const used = process.cpuUsage(cpu);
  const rate = (hits - before) / ((performance.now() - started) / 1000);
  hits = before;
  await agent.close();
  return { rate, cpuUs: (used.user + used.system) / count };
}
await barePosts('fetch', 500); // warm both paths up (fetch loads lazily)
await barePosts('request', 500);
const fetchBefore = await barePosts('fetch', DELIVERIES);
const requestBefore = await barePosts('request', DELIVERIES);
// statements the app's Kysely executors run while the dispatcher delivers (BEGIN/COMMIT not counted)
let statements = 0;
let counting = false;
{
  let proto = Object.getPrototypeOf(db.getExecutor());
  while (proto && !Object.hasOwn(proto, 'executeQuery')) proto = Object.getPrototypeOf(proto);
  const original = proto.executeQuery;
  proto.executeQuery = function countedExecuteQuery(...args) {
    if (counting) statements += 1;
    return original.apply(this, args);
  };
}
// BENCH_WEBHOOKS_PROFILE=<file>: CPU profile of the delivery phase (summary: bench/lib/cpuprofile-summary.js)
const profiler = process.env.BENCH_WEBHOOKS_PROFILE ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
counting = true;
const deliveryCpu = process.cpuUsage();
const started = performance.now();
await ctx.jobs.start();
while (hits < DELIVERIES && performance.now() - started < 120_000)
  await new Promise((r) => setTimeout(r, 20));
const seconds = (performance.now() - started) / 1000;
const delivered = hits;
const usedDelivery = process.cpuUsage(deliveryCpu);
counting = false;
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(process.env.BENCH_WEBHOOKS_PROFILE, JSON.stringify(profile));
  profiler.disconnect();
}
const cpuPerDelivery = (usedDelivery.user + usedDelivery.system) / delivered;
const statementsPerDelivery = statements / delivered;
await new Promise((r) => setTimeout(r, 300)); // let the last group commit land
const fetchAfter = await barePosts('fetch', DELIVERIES);
const requestAfter = await barePosts('request', DELIVERIES);
const mean = (a, b) => (a + b) / 2;
const bareFetch = mean(fetchBefore.rate, fetchAfter.rate);
const bareRequest = mean(requestBefore.rate, requestAfter.rate);
const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const r3 = (x) => Math.round(x * 1000) / 1000;
const succeeded = await db
  .selectFrom('webhook_deliveries')
  .select((e) => e.fn.countAll().as('n'))
  .where('status', '=', 'succeeded')
  .executeTakeFirst();
console.log(
  `webhooks: ${delivered} received, ${succeeded?.n} logged succeeded in ${seconds.toFixed(2)} s (load ${load().join(', ')})`,
);

writeResult(
  'webhooks',
  [
    {
      name: 'deliveries per second to a loopback receiver (fan-out, signed POST, attempt log)',
      value: delivered / seconds,
      unit: 'deliveries/s',
      target: { value: 2000 },
      delivered,
      baseline: {
        name: 'bare fetch POST loop, same receiver, 64 at a time',
        value: bareFetch,
        before: fetchBefore.rate,
        after: fetchAfter.rate,
      },
      ratio: r3(delivered / seconds / bareFetch),
      second_baseline: {
        name: "bare undici.request POST loop on a kept-alive Agent, same receiver, 64 at a time (the outbound client's post runs on it)",
        value: bareRequest,
        before: requestBefore.rate,
        after: requestAfter.rate,
      },
      ratio_to_second_baseline: r3(delivered / seconds / bareRequest),
    },
    {
      name: 'CPU per delivery (this process: dispatcher, SQLite, HTTP client and the loopback receiver)',
      value: cpuPerDelivery,
      unit: 'µs CPU per delivery',
      baseline: {
        name: 'CPU per POST of the bare undici.request loop (client and receiver, same process)',
        value: mean(requestBefore.cpuUs, requestAfter.cpuUs),
        fetch_loop: mean(fetchBefore.cpuUs, fetchAfter.cpuUs),
      },
      ratio: r3(cpuPerDelivery / mean(requestBefore.cpuUs, requestAfter.cpuUs)),
      lowerIsBetter: true,
      note: 'one Node thread does all of it, so 1e6 / this figure bounds deliveries/s on one core',
    },
    {
      name: 'SQL statements per delivery while delivering (fan-out, claim, attempt log; BEGIN/COMMIT not counted)',
      value: r3(statementsPerDelivery),
      unit: 'statements per delivery',
      statements,
    },
    pairedCase(runs, {
      name: 'webhooks.emit inside a transaction of 100 events (outbox row each + one dispatcher job)',
      unit: 'µs per event',
      pick: (r) => r,
      baselineName: 'bare insert of the outbox row',
      lowerIsBetter: true,
      target: { value: 100, op: '<=' },
    }),
    pairedCase(singleRuns, {
      name: 'a transaction holding only webhooks.emit (outbox row; dispatcher wake-up after the commit)',
      unit: 'µs per transaction',
      pick: (r) => r,
      baselineName: 'a transaction holding only a bare insert of the outbox row',
      lowerIsBetter: true,
    }),
    {
      name: 'what webhooks.emit adds to a one-row business transaction (the enqueue cost, wall clock)',
      unit: 'µs per event',
      target: { value: 100, op: '<=' },
      value: median(addedWall),
      baseline: {
        name: 'the same business transaction without the emit (one compiled row insert)',
        value: median(businessRuns.map((r) => r.baseline.wall)),
      },
      ratio: Math.round(median(businessRuns.map((r) => r.figure.wall / r.baseline.wall)) * 1000) / 1000,
      cpu_us_added: median(addedCpu),
      cpu_us_business: median(businessRuns.map((r) => r.baseline.cpu)),
      rounds: businessRuns,
      note: 'ratio: the transaction with the emit over the transaction without it; value and cpu_us_added: the difference, wake-up after the commit included',
    },
  ],
  {
    loadavg: load(),
    emit_cpu_us: {
      per_event_in_100: avg(emitCpu[PER_TRX]),
      bare_insert_in_100: avg(bareCpu[PER_TRX]),
      per_event_alone: avg(emitCpu[1]),
      bare_insert_alone: avg(bareCpu[1]),
      note: 'CPU µs (user + system) per event, mean over the rounds; load-independent beside the wall-clock cases',
    },
  },
);
await app.close();
receiver.close();
rmSync(dir, { recursive: true, force: true });
