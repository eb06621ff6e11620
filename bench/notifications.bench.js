// Notification center benchmark (issue 14): render + enqueue (one template, 1,000
// recipients per send) beside a raw LiquidJS render loop; email to a loopback SMTP server
// through the whole pipeline beside raw pooled nodemailer to the same server; in-app
// message to one of 1,000 connected SSE clients (p99) beside a bare SSE write; the
// sensitive-word filter with 10,000 words beside one RegExp alternation of the same words.
// Run: node bench/run.js notifications (after npm run build).
import net from 'node:net';
import { Liquid } from 'liquidjs';
import nodemailer from 'nodemailer';
import { sendNotification } from '../packages/server/dist/modules/notifications/sending/send.service.js';
import { WordMatcher } from '../packages/server/dist/modules/notifications/words/aho-corasick.js';
import { inTransaction } from '../packages/server/dist/platform/db/transaction.js';
import { alternate, pairedCase } from './lib/baselines.js';
import { admin, startBed, startSink, template } from './lib/notification-bed.js';
import { percentile, writeResult } from './lib/results.js';
import { bareSseLatencies, connectClients, headerAuth } from './lib/sse-clients.js';

const ROUNDS = Number(process.env.NOTIFY_BENCH_ROUNDS ?? 3);
const RECIPIENTS = 1000;
const SENDS = 5;
const MAILS = Number(process.env.NOTIFY_BENCH_MAILS ?? 2000);
const CLIENTS = Number(process.env.NOTIFY_BENCH_CLIENTS ?? 1000);
const SSE_MESSAGES = Number(process.env.NOTIFY_BENCH_SSE_MESSAGES ?? 300);
/**
 * Phases to run, comma-separated (render,email,sse,filter); all by default. A partial run
 * prints its cases instead of overwriting bench/results/notifications.json.
 */
const PHASES = (process.env.NOTIFY_BENCH_PHASES ?? 'render,email,sse,filter').split(',').map((p) => p.trim());
const runs = (name) => PHASES.includes(name);
const fullRun = ['render', 'email', 'sse', 'filter'].every(runs);
/** No phase may wait longer than this for something that should have happened. */
const PHASE_MS = Number(process.env.NOTIFY_BENCH_PHASE_MS ?? 120_000);
/**
 * The RegExp baseline scans only this many characters: one alternation of 10,000 words
 * backtracks through every alternative at every position (about 0.0005 MB/s here), so the
 * 20 MB text would take hours. A rate is a rate; the slice keeps each round to seconds.
 */
const REGEXP_CHARS = Number(process.env.NOTIFY_BENCH_REGEXP_CHARS ?? 1000);

/**
 * Resolves with `promise`, or fails with what was being waited for once `ms` have passed,
 * so a lost message or a client that never connected ends the run with a reason instead
 * of hanging it.
 */
function phase(what) {
  console.error(`notifications bench: ${new Date().toISOString()} ${what}`);
}

function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`notifications bench: ${what} (no answer within ${ms} ms)`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function renderAndEnqueue(bed) {
  const start = performance.now();
  for (let i = 0; i < SENDS; i += 1) {
    await inTransaction(bed.ctx.db, (trx) =>
      sendNotification(trx, bed.deps, admin, {
        template: 'bench.task',
        channels: ['email'],
        recipients: [{ type: 'role', code: 'bench' }],
        params: { taskName: `Review ${i}`, items: ['a', 'b', 'c'] },
      }),
    );
  }
  return (SENDS * RECIPIENTS) / ((performance.now() - start) / 1000);
}

function rawLiquid() {
  const liquid = new Liquid();
  const body = template.variants[0].body.replace(/\$\{(\w+)\}/g, '{{ $1 }}');
  const subject = template.variants[0].subject.replace(/\$\{(\w+)\}/g, '{{ $1 }}');
  const [b, s] = [liquid.parse(body), liquid.parse(subject)];
  const start = performance.now();
  for (let i = 0; i < SENDS * RECIPIENTS; i += 1) {
    const scope = { userName: `用户 ${i}`, taskName: 'Review', items: ['a', 'b', 'c'] };
    liquid.renderSync(b, scope);
    liquid.renderSync(s, scope);
  }
  return (SENDS * RECIPIENTS) / ((performance.now() - start) / 1000);
}

async function emailPipeline(sink) {
  const bed = await startBed({
    users: MAILS,
    env: {
      MAIL_SERVER: '127.0.0.1',
      MAIL_PORT: String(sink.port),
      MAIL_USE_TLS: 'false',
      MAIL_POOL_SIZE: '5',
      JOBS_CONCURRENCY: '64',
    },
  });
  const before = sink.count();
  const start = performance.now();
  await bed.ctx.jobs.start();
  await inTransaction(bed.ctx.db, (trx) =>
    sendNotification(trx, bed.deps, admin, {
      template: 'bench.task',
      channels: ['email'],
      recipients: [{ type: 'role', code: 'bench' }],
      params: { taskName: 'Mail', items: [] },
    }),
  );
  const deadline = performance.now() + PHASE_MS;
  while (sink.count() - before < MAILS) {
    if (performance.now() > deadline)
      throw new Error(
        `notifications bench: ${sink.count() - before} of ${MAILS} mails reached the SMTP server within ${PHASE_MS} ms`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
  const rate = MAILS / ((performance.now() - start) / 1000);
  await bed.close();
  return rate;
}

/**
 * The baseline gets the same TCP tuning as the product's mailer (Nagle off): with nodemailer's
 * default sockets every connection waits on a 40 ms delayed ACK per message and tops out
 * near 20 messages/s, which would make a baseline nobody should copy.
 */
function noDelaySocket(target, callback) {
  const socket = net.connect({ host: target.host, port: target.port, noDelay: true });
  socket.once('error', callback);
  socket.once('connect', () => {
    socket.removeListener('error', callback);
    callback(null, { connection: socket });
  });
}

async function rawNodemailer(sink) {
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 5,
    maxMessages: Infinity,
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    getSocket: noDelaySocket,
  });
  const start = performance.now();
  const pending = [];
  for (let i = 0; i < MAILS; i += 1) {
    pending.push(
      transport.sendMail({
        from: 'noreply@signx.test',
        to: `u${i}@example.test`,
        subject: '任务：Mail',
        html: '<p>用户，您好：</p>',
        text: '用户，您好：',
      }),
    );
  }
  await Promise.all(pending);
  transport.close();
  return MAILS / ((performance.now() - start) / 1000);
}

async function sseLatency() {
  const bed = await startBed({ users: CLIENTS, extraModules: [headerAuth] });
  await bed.app.listen({ port: 0, host: '127.0.0.1' });
  const port = bed.app.server.address().port;
  const clients = await within(connectClients(port, bed.ids), PHASE_MS, `${CLIENTS} SSE clients connecting`);
  await bed.ctx.jobs.start();
  const latencies = [];
  for (let i = 0; i < SSE_MESSAGES; i += 1) {
    const index = (i * 7919) % CLIENTS;
    const arrived = clients.next(index);
    const start = performance.now();
    await inTransaction(bed.ctx.db, (trx) =>
      sendNotification(trx, bed.deps, admin, {
        template: 'bench.task',
        channels: ['in_app'],
        recipients: [{ type: 'user', id: bed.ids[index] }],
        params: { taskName: `T${i}`, items: [] },
      }),
    );
    await within(arrived, 10_000, `in-app message ${i} reaching its SSE client`);
    latencies.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 10));
  }
  clients.close();
  await bed.close();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function wordList() {
  const words = [];
  for (let i = 0; i < 10_000; i += 1)
    words.push({
      word: `${String.fromCharCode(0x4e00 + ((i * 37) % 20000))}${(i * 7919).toString(36)}`,
      action: i % 10 === 0 ? 'block' : 'mask',
    });
  return words;
}

function scanText() {
  const para =
    '合同审批通知：请于本周五前完成签署。The supply contract SIG-2026-00042 awaits your signature; 逾期将自动提醒。 ';
  return para.repeat(Math.ceil(20_000_000 / Buffer.byteLength(para)));
}

function filterRate(scan, text) {
  const bytes = Buffer.byteLength(text);
  const start = performance.now();
  scan(text);
  return bytes / 1e6 / ((performance.now() - start) / 1000);
}

async function renderCase() {
  phase('render + enqueue');
  const bed = await startBed({ users: RECIPIENTS });
  const renderRuns = await alternate(
    ROUNDS,
    async () => rawLiquid(),
    async () => renderAndEnqueue(bed),
  );
  await bed.close();
  return pairedCase(renderRuns, {
    name: `render + enqueue (one template, ${RECIPIENTS} recipients per send)`,
    unit: 'messages/s',
    pick: (v) => v,
    baselineName: 'raw LiquidJS render loop (subject + body)',
    target: { value: 5000 },
  });
}

async function emailCase() {
  phase('email');
  const sink = await startSink();
  const mailRuns = await alternate(
    ROUNDS,
    () => rawNodemailer(sink),
    () => emailPipeline(sink),
  );
  await sink.close();
  return pairedCase(mailRuns, {
    name: 'email to a loopback SMTP server (send → job → pooled SMTP, 5 connections)',
    unit: 'messages/s',
    pick: (v) => v,
    baselineName: 'raw pooled nodemailer (Nagle off), 5 connections, same server',
    target: { value: 500 },
  });
}

async function sseCase() {
  phase('in-app over SSE');
  const sse = await sseLatency();
  const bareSse = await bareSseLatencies(CLIENTS, SSE_MESSAGES);
  return {
    name: `in-app message to a connected SSE client, p99 (${CLIENTS} clients; send → job → inbox → bus → stream)`,
    value: sse.p99,
    unit: 'ms',
    target: { op: '<=', value: 50 },
    baseline: { name: `bare node:http SSE write to one of ${CLIENTS} clients, p99`, value: bareSse.p99 },
    ratio: Math.round((bareSse.p99 / sse.p99) * 1000) / 1000,
    p50: sse.p50,
  };
}

async function filterCase() {
  phase('sensitive-word filter');
  const words = wordList();
  const matcher = new WordMatcher(words);
  const alternation = new RegExp(
    words.map((w) => w.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'gi',
  );
  const text = scanText();
  text.slice(0, 20).match(alternation); // compiles the alternation outside the timed rounds
  matcher.matches(text.slice(0, 100_000)); // and warms the matcher the same way
  const filterRuns = await alternate(
    ROUNDS,
    async () => filterRate((t) => t.match(alternation), text.slice(0, REGEXP_CHARS)),
    async () => filterRate((t) => matcher.matches(t), text),
  );
  return {
    ...pairedCase(filterRuns, {
      name: 'sensitive-word filter, 10,000 words (Aho–Corasick)',
      unit: 'MB/s',
      pick: (v) => v,
      baselineName: `one case-insensitive RegExp alternation of the same words (on the first ${REGEXP_CHARS} characters)`,
      target: { value: 50 },
    }),
    textMB: Math.round(Buffer.byteLength(text) / 1e6),
  };
}

const cases = [];
if (runs('render')) cases.push(await renderCase());
if (runs('email')) cases.push(await emailCase());
if (runs('sse')) cases.push(await sseCase());
if (runs('filter')) cases.push(await filterCase());

if (fullRun) {
  const { textMB, ...filter } = cases[3];
  cases[3] = filter;
  writeResult('notifications', cases, {
    notes: {
      recipientsPerSend: RECIPIENTS,
      sends: SENDS,
      mails: MAILS,
      sseMessages: SSE_MESSAGES,
      textMB,
      regexpBaselineChars: REGEXP_CHARS,
    },
  });
} else {
  console.log(JSON.stringify(cases, null, 2));
}
process.exit(0);
