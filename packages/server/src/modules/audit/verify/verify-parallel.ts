import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChainScanner } from '../chain/chain-scan.js';
import type { SegmentJob, SegmentResult } from './verify.worker.js';

const SEGMENT = 65_536;
const THREADS = 2;

/**
 * Verifies events scanner.count+1 .. upToSeq of a SQLite chain in worker threads, range by
 * range, and feeds the results to the scanner in order: each range must start where the
 * previous one ended (seq and prev_hash), so splitting the work cannot hide a break.
 */
export async function scanInParallel(
  file: string,
  chain: string,
  upToSeq: number,
  scanner: ChainScanner,
): Promise<{ slowChecks: number }> {
  const segments: { fromSeq: number; toSeq: number }[] = [];
  for (let from = scanner.count + 1; from <= upToSeq; from += SEGMENT)
    segments.push({ fromSeq: from, toSeq: Math.min(upToSeq, from + SEGMENT - 1) });
  const threads = Math.min(THREADS, segments.length);
  const results = segments.map(() => deferred<SegmentResult>());
  const workers: Worker[] = [];
  for (let t = 0; t < threads; t += 1) {
    const mine = segments.map((_, i) => i).filter((i) => i % threads === t);
    const worker = startWorker({
      file,
      chain,
      segments: mine.map((i) => segments[i] as (typeof segments)[number]),
    });
    let received = 0;
    worker.on('message', (result: SegmentResult) => results[mine[received++] as number]?.resolve(result));
    worker.once('error', (error) => {
      for (const i of mine) results[i]?.reject(error);
    });
    worker.once('exit', (code) => {
      const error = new Error(`audit verify worker exited with ${code}`);
      if (code !== 0) for (const i of mine.slice(received)) results[i]?.reject(error);
    });
    workers.push(worker);
  }
  let slowChecks = 0;
  try {
    for (const deferredResult of results) {
      const result = await deferredResult.promise;
      slowChecks += result.slowChecks;
      if (!scanner.acceptSegment(result)) break;
    }
    return { slowChecks };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** The compiled worker; when running from TypeScript sources (tests), a tsx-registered bootstrap loads the .ts. */
function startWorker(job: SegmentJob): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./verify.worker.js', import.meta.url), { workerData: job });
  const loader = join(dirname(createRequire(import.meta.url).resolve('tsx')), 'esm', 'api', 'index.mjs');
  const source = new URL('./verify.worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(pathToFileURL(loader).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}
