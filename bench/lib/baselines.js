// Baselines measured in the same run, right before the figure they put in proportion
// (issue 11): a bare Fastify route serving the same body with the same schema, the raw
// RSA/ECDSA signature, a raw better-sqlite3 insert loop. These machines are noisy (the same
// benchmark has read 12,379 and 3,310 req/s on two runs); a figure's ratio to its baseline
// tells a slow machine from a regression.
import { fork } from 'node:child_process';
import { createPrivateKey, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { opsPerSecond } from './results.js';
import { cpuUsageOf } from './server.js';

/**
 * Starts plain Fastify (no SignX hook: no auth, metrics, rate limit, idempotency, request
 * id) in a child process, so it gets a core of its own as the SignX server does. Each route
 * answers GET `url` with `body`, serialized through `schema` as the real route's response
 * schema. Resolves with { url, cpuUsage, close }.
 */
export function startBareFastify(routes) {
  const child = fork(fileURLToPath(new URL('./bare-fastify-child.js', import.meta.url)), {
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare Fastify exited with ${code}`)));
    child.once('message', ({ url }) => {
      child.removeAllListeners('exit');
      resolve({
        url,
        cpuUsage: () => cpuUsageOf(child),
        close: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.send('close');
          }),
      });
    });
    child.send({ routes });
  });
}

/** Raw signatures per second with `privateKeyPem` over a SHA-256 of 64 bytes (what a CMS signer signs). */
export async function rawSignaturesPerSecond(privateKeyPem, { seconds = 3 } = {}) {
  const key = createPrivateKey(privateKeyPem);
  const data = randomBytes(64);
  return opsPerSecond(() => sign('sha256', data, key), { seconds });
}

/**
 * Rows per second that better-sqlite3 alone inserts into a fresh file database with
 * SignX's pragmas (WAL, synchronous=NORMAL), `batch` rows per BEGIN IMMEDIATE transaction,
 * each row about the size of an audit event or job row.
 */
export function rawSqliteInsertsPerSecond({ rows, batch }) {
  const dir = mkdtempSync(join(tmpdir(), 'signx-bench-raw-'));
  const db = new Database(join(dir, 'raw.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('create table raw (id text primary key, kind text, seq integer, body text, at text)');
    const insert = db.prepare('insert into raw (id, kind, seq, body, at) values (?, ?, ?, ?, ?)');
    const body = 'x'.repeat(400);
    const write = db.transaction((from, count) => {
      for (let i = from; i < from + count; i += 1)
        insert.run(`row-${i}`, 'bench.raw', i, body, new Date().toISOString());
    });
    const start = performance.now();
    for (let done = 0; done < rows; done += batch) write.immediate(done, Math.min(batch, rows - done));
    return rows / ((performance.now() - start) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs baseline then figure, `rounds` times. Load from other work on the machine comes and
 * goes within seconds; alternating short rounds and keeping the median ratio keeps a burst
 * from landing on one side only.
 */
export async function alternate(rounds, measureBaseline, measureFigure) {
  const runs = [];
  for (let i = 0; i < rounds; i += 1)
    runs.push({ baseline: await measureBaseline(), figure: await measureFigure() });
  return runs;
}

/**
 * One result case from alternated runs: the median figure, the median baseline, and the
 * median of the per-round ratios (`pick` reads the number from a run; `lowerIsBetter`
 * inverts the ratio, so above 1 always means faster than the baseline).
 */
export function pairedCase(runs, { pick, baselineName, lowerIsBetter = false, ...fields }) {
  const ratios = runs.map(({ baseline, figure }) =>
    lowerIsBetter ? pick(baseline) / pick(figure) : pick(figure) / pick(baseline),
  );
  return {
    ...fields,
    value: median(runs.map((r) => pick(r.figure))),
    baseline: { name: baselineName, value: median(runs.map((r) => pick(r.baseline))) },
    ratio: Math.round(median(ratios) * 1000) / 1000,
    rounds: runs.map((r, i) => ({
      baseline: pick(r.baseline),
      value: pick(r.figure),
      ratio: round3(ratios[i]),
    })),
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round3(v) {
  return Math.round(v * 1000) / 1000;
}
