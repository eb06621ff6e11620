// Shared helpers for benchmarks: timing loops and the JSON result file.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

/**
 * Writes bench/results/<name>.json. `cases` is a list of
 * { name, value, unit, target?, meets? } plus any extra fields worth keeping. A case
 * measured against a baseline (baselines.js `pairedCase`) carries `baseline` and `ratio`; its
 * target may be `{ ratio: 0.5 }`, judged on the ratio instead of the machine-dependent value.
 */
export function writeResult(name, cases, extra = {}) {
  mkdirSync(resultsDir, { recursive: true });
  const withVerdicts = cases.map((c) => ({ ...c, meets: c.meets ?? verdict(c) }));
  const doc = {
    benchmark: name,
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    cases: withVerdicts,
    ...extra,
  };
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(doc, null, 2)}\n`);
  for (const c of withVerdicts) {
    const mark = c.meets === undefined ? '' : c.meets ? ' ok' : ' MISSED';
    const ratio =
      c.ratio === undefined ? '' : `, ${round(c.ratio)}x ${c.baseline.name} (${round(c.baseline.value)})`;
    console.log(`${name}: ${c.name} = ${round(c.value)} ${c.unit}${ratio}${describeTarget(c)}${mark}`);
  }
  return doc;
}

function verdict(c) {
  if (!c.target) return undefined;
  if (c.target.ratio !== undefined) return c.ratio >= c.target.ratio;
  return c.target.op === '<=' ? c.value <= c.target.value : c.value >= c.target.value;
}

function describeTarget(c) {
  if (!c.target) return '';
  if (c.target.ratio !== undefined) return ` (target ratio >= ${c.target.ratio})`;
  return ` (target ${c.target.op ?? '>='} ${c.target.value} ${c.unit})`;
}

function round(v) {
  return typeof v === 'number' ? Math.round(v * 100) / 100 : v;
}

/** Runs fn repeatedly for about `seconds` (after a warm-up) and returns operations per second. */
export async function opsPerSecond(fn, { seconds = 3, warmup = 0.5 } = {}) {
  const until = (s) => performance.now() + s * 1000;
  for (const end = until(warmup); performance.now() < end; ) await fn();
  let count = 0;
  const start = performance.now();
  for (const end = until(seconds); performance.now() < end; count += 1) await fn();
  return count / ((performance.now() - start) / 1000);
}

/**
 * Like opsPerSecond with `concurrency` calls in flight: `fn(worker)` is called by each worker
 * in turn (worker = 0..concurrency-1), so asynchronous work that leaves the main thread
 * (argon2 on the libuv threadpool) can use every core. Operations per second, all workers.
 */
export async function concurrentOpsPerSecond(fn, { concurrency, seconds = 3, warmup = 0.5 }) {
  const run = async (s, counting) => {
    let count = 0;
    const end = performance.now() + s * 1000;
    const start = performance.now();
    const worker = async (w) => {
      while (performance.now() < end) {
        await fn(w);
        if (counting) count += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
    return count / ((performance.now() - start) / 1000);
  };
  await run(warmup, false);
  return run(seconds, true);
}

/** Percentile of a list of numbers (p in 0..100). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}
