// Workflow benchmark (issue 17, "Speed"): the three figures of the issue in one file,
// bench/results/workflow.json, each beside a baseline measured in the same run:
// - instance starts per second: POST /approvals (start → approval node → a task, record,
//   audit event, notification) through the API of SignX in its own process on SQLite, beside
//   a bare Fastify POST route answering the same body (target: >= 500/s on 2 cores);
// - approval actions per second: POST /approvals/{id}/approve on those instances (the node
//   settles, the instance finishes, the initiator is told), beside the same bare route
//   (target: >= 1,000/s on 2 cores);
// - the to-do box, 20 of 1,000,000 tasks: GET /approvals?box=todo&page_size=20 for a user
//   with BENCH_WORKFLOW_MINE pending tasks among BENCH_WORKFLOW_TASKS tasks seeded in bulk
//   through SQL, p99 latency, beside the bare route answering the same page (target: p99 < 20 ms);
//   the result also keeps SQLite's query plan of the box's statements (an index, not a scan).
// Starts and approvals alternate with their baseline in BENCH_ROUNDS rounds of BENCH_WORKFLOW_N
// requests, BENCH_CONCURRENCY in flight. The machine is shared: read the ratios.
// Run: npm run bench -- workflow (builds first), or node bench/run.js workflow after a build.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { approvalPage } from '../packages/server/dist/modules/workflow/approvals/approvals.repository.js';
import { alternate, pairedCase, startBareFastify } from './lib/baselines.js';
import { percentile, writeResult } from './lib/results.js';
import { startServer } from './lib/server.js';
import { plansOf, seedTasks } from './lib/workflow-seed.js';
import { benchUser } from './modules/workflow-auth.module.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const N = Number(process.env.BENCH_WORKFLOW_N ?? 1500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TASKS = Number(process.env.BENCH_WORKFLOW_TASKS ?? 1_000_000);
const MINE = Number(process.env.BENCH_WORKFLOW_MINE ?? 50);
const TODO_REQUESTS = Number(process.env.BENCH_WORKFLOW_TODO_REQUESTS ?? 500);
// A file name: the server's V8 CPU profile over the approvals is written there, the one over
// the starts beside it (`.start` before the extension), to look into them.
const PROFILE = process.env.BENCH_WORKFLOW_PROFILE;
const loads = [];
const mark = (phase) => {
  loads.push({ phase, loadavg: loadavg().map((v) => Math.round(v * 100) / 100) });
  console.log(`workflow: ${phase} (load ${loads.at(-1).loadavg.join(', ')})`);
};
mark('start');

const dir = mkdtempSync(join(tmpdir(), 'signx-workflow-bench-'));
const file = join(dir, 'signx.db');
const server = await startServer({
  env: { DATABASE_URL: `sqlite:${file}`, SECRET_KEY: 'b'.repeat(48) },
  modulesFile: fileURLToPath(new URL('./modules/workflow-auth.module.js', import.meta.url)),
});
const api = `${server.url}/api/v1`;
const initiator = benchUser(1);
const approver = benchUser(2);
const me = benchUser(3);

async function send(method, url, user, body) {
  const request = () =>
    fetch(url, {
      method,
      headers: { 'x-bench-user': user, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  // A kept-alive socket the server closed while idle (during the long seeding) fails once
  // (closed, EPIPE, reset); a GET is safe to send again.
  // Several pooled sockets may have been closed meanwhile: a few tries.
  const attempt = (left) =>
    request().catch((error) => {
      if (method !== 'GET' || error?.message !== 'fetch failed' || left === 0) throw error;
      return attempt(left - 1);
    });
  const res = await attempt(CONCURRENCY + 1);
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/**
 * Sends `count` POSTs with autocannon, `CONCURRENCY` connections; `pathOf(i)` names the i-th
 * request's path. Answers requests per second and, when `server` is given, the CPU time (µs)
 * that process spent per request: it barely moves with the machine's load.
 */
async function throughput(count, base, pathOf, user, body, server) {
  let next = 0;
  const before = await server?.cpuUsage();
  const began = performance.now();
  const result = await autocannon({
    url: base,
    connections: CONCURRENCY,
    amount: count,
    requests: [
      {
        method: 'POST',
        headers: { 'x-bench-user': user, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        setupRequest: (request) => ({ ...request, path: pathOf(next++) }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors from ${pathOf(0)}`);
  const seconds = (performance.now() - began) / 1000;
  const after = await server?.cpuUsage();
  const cpu = after ? after.user - before.user + (after.system - before.system) : 0;
  return {
    perSecond: result.requests.total / seconds,
    cpuMicros: cpu / result.requests.total,
    total: result.requests.total,
  };
}

// The definition: start → one approval by `approver` → end, with a form of three fields.
const created = await send('POST', `${api}/workflows`, initiator, {
  key: 'bench-expense',
  name: 'Bench expense',
  body: {
    form: {
      fields: [
        { key: 'amount', label: 'Amount', type: 'number', required: true },
        { key: 'reason', label: 'Reason', type: 'text' },
      ],
    },
    process: [
      { id: 'start', type: 'start' },
      { id: 'a1', type: 'approval', name: 'Manager', approvers: [{ type: 'user', user_ids: [approver] }] },
      { id: 'end', type: 'end' },
    ],
  },
});
const definitionId = created.data.id;
await send('POST', `${api}/workflows/${definitionId}/publish`, initiator);
const startBody = {
  definition_key: 'bench-expense',
  title: 'Travel',
  form_data: { amount: 420, reason: 'trip' },
};
const sample = await send('POST', `${api}/approvals`, initiator, startBody);
const approved = await send('POST', `${api}/approvals/${sample.data.id}/approve`, approver, {
  comment: 'ok',
});
if (approved.data.status !== 'approved') throw new Error(`the sample approval is ${approved.data.status}`);

const bare = await startBareFastify([
  { method: 'POST', url: '/start', body: sample, status: 201 },
  { method: 'POST', url: '/approve', body: approved },
]);
mark('starts and approvals');
const runs = await alternate(
  ROUNDS,
  async () => ({
    starts: await throughput(N, bare.url, () => '/start', initiator, startBody, bare),
    approvals: await throughput(N, bare.url, () => '/approve', approver, { comment: 'ok' }, bare),
  }),
  async () => {
    if (PROFILE) await server.profile({ start: true });
    const starts = await throughput(N, server.url, () => '/api/v1/approvals', initiator, startBody, server);
    if (PROFILE) await server.profile({ stop: PROFILE.replace(/(\.cpuprofile)?$/, '.start$1') });
    const open = await lastInstanceIds(N);
    if (open.length !== N) throw new Error('the starts did not all land');
    if (PROFILE) await server.profile({ start: true });
    const approvals = await throughput(
      N,
      server.url,
      (i) => `/api/v1/approvals/${open[i % N]}/approve`,
      approver,
      { comment: 'ok' },
      server,
    );
    if (PROFILE) await server.profile({ stop: PROFILE });
    const still = await send('GET', `${api}/approvals?box=todo&page_size=1`, approver);
    if (still.data.total !== 0) throw new Error(`${still.data.total} approvals were left unapproved`);
    return { starts, approvals };
  },
);

console.log(`workflow: starts and approvals measured: ${JSON.stringify(runs)}`);

/** The ids of the approvals in the approver's to-do box (those just started), at least `count`. */
async function lastInstanceIds(count) {
  const ids = [];
  for (let page = 1; ids.length < count; page += 1) {
    const got = await send('GET', `${api}/approvals?box=todo&page_size=100&page=${page}`, approver);
    ids.push(...got.data.items.map((item) => item.id));
    if (got.data.items.length < 100) break;
  }
  return ids;
}

mark(`seeding ${TASKS} tasks`);
const seedSeconds = seedTasks(file, {
  definitionId,
  tasks: TASKS,
  me,
  other: (n) => benchUser(10 + n),
  myPending: MINE,
});
mark(`seeded in ${Math.round(seedSeconds)} s`);
const todoUrl = `${api}/approvals?box=todo&page_size=20`;
const page = await send('GET', todoUrl, me);
if (page.data.total !== MINE || page.data.items.length !== 20)
  throw new Error(
    `the to-do box holds ${page.data.total} (page ${page.data.items.length}), expected ${MINE}`,
  );
const plans = await todoPlans();
await bare.close();
const bareTodo = await startBareFastify([{ url: '/todo', body: page }]);

/** Latencies (ms) of `TODO_REQUESTS` GETs one after another, after 30 to warm up. */
async function latencies(url) {
  const times = [];
  for (let i = 0; i < TODO_REQUESTS + 30; i += 1) {
    const began = performance.now();
    await send('GET', url, me);
    if (i >= 30) times.push(performance.now() - began);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}
mark('to-do box');
const todoRuns = await alternate(
  ROUNDS,
  () => latencies(`${bareTodo.url}/todo`),
  () => latencies(todoUrl),
);
await bareTodo.close();
await server.close();
mark('done');

/** The statements the to-do box runs (compiled by the module's own repository) and their plans. */
async function todoPlans() {
  const statements = [];
  const db = new Kysely({
    dialect: new SqliteDialect({ database: new Database(file, { readonly: true }) }),
    log: (event) => statements.push({ sql: event.query.sql, parameters: event.query.parameters }),
  });
  await approvalPage(db, 'todo', me, {}, { page: 1, page_size: 20, sort: '-created_at' });
  await db.destroy();
  return plansOf(file, statements);
}

const usesScan = plans.some(({ plan }) => plan.some((step) => /^SCAN workflow_tasks\b/.test(step)));
writeResult(
  'workflow',
  [
    pairedCase(runs, {
      name: 'instance starts per second (POST /approvals, SQLite)',
      unit: 'starts/s',
      target: { value: 500 },
      pick: (r) => r.starts.perSecond,
      baselineName: 'bare Fastify POST',
    }),
    pairedCase(runs, {
      name: 'approval actions per second (POST /approvals/{id}/approve, SQLite)',
      unit: 'actions/s',
      target: { value: 1000 },
      pick: (r) => r.approvals.perSecond,
      baselineName: 'bare Fastify POST',
    }),
    pairedCase(runs, {
      name: 'server CPU per start',
      unit: 'µs',
      pick: (r) => r.starts.cpuMicros,
      lowerIsBetter: true,
      baselineName: 'bare Fastify POST',
    }),
    pairedCase(runs, {
      name: 'server CPU per approval action',
      unit: 'µs',
      pick: (r) => r.approvals.cpuMicros,
      lowerIsBetter: true,
      baselineName: 'bare Fastify POST',
    }),
    pairedCase(todoRuns, {
      name: `to-do box p99, 20 of ${MINE} pending among ${TASKS} tasks`,
      unit: 'ms',
      target: { op: '<=', value: 20 },
      pick: (r) => r.p99,
      lowerIsBetter: true,
      baselineName: 'bare Fastify GET',
    }),
    pairedCase(todoRuns, {
      name: 'to-do box p50',
      unit: 'ms',
      pick: (r) => r.p50,
      lowerIsBetter: true,
      baselineName: 'bare Fastify GET',
    }),
  ],
  {
    settings: { rounds: ROUNDS, requests: N, concurrency: CONCURRENCY, tasks: TASKS, mine: MINE },
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    todoPlans: plans,
    todoScansTasks: usesScan,
    loads,
  },
);
rmSync(dir, { recursive: true, force: true });
