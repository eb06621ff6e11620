// The public-verify-by-number case of the signing benchmark (bench/signing.bench.js): SignX's
// GET /verify/{number} at 100 connections beside bare Fastify serving the same body, rounds
// alternated, with each side's CPU per request; optionally a V8 CPU profile of one more SignX
// window (`profile`: a file prefix), summarised on the console.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, pairedCase, startBareFastify } from './baselines.js';
import { summarise } from './cpuprofile-summary.js';
import { writeResult } from './results.js';
import { load, loadWithCpu, startServer } from './server.js';
import { api, drawnPng, fileRequest, postJson, signBody, twoPagePdf } from './signing-bed.js';

/** Answers the two paired cases (req/s, server CPU µs per request) for `number` on `server`. */
export async function verifyCases(server, number, { rounds, seconds, profile, mark }) {
  const verifyUrl = `${server.url}${api}/verify/${number}`;
  const verifyBody = await (await fetch(verifyUrl)).json();
  if (verifyBody.valid !== true)
    throw new Error(`verify of ${number} is not valid: ${JSON.stringify(verifyBody)}`);
  const bare = await startBareFastify([{ url: '/verify', body: verifyBody }]);
  try {
    const opts = { connections: 100, duration: seconds };
    await load(verifyUrl, { ...opts, duration: 2 });
    await load(`${bare.url}/verify`, { ...opts, duration: 2 });
    const runs = await alternate(
      rounds,
      () => loadWithCpu(bare, `${bare.url}/verify`, opts),
      () => loadWithCpu(server, verifyUrl, opts),
    );
    mark?.('after verify');
    if (profile) await profileVerify(server, verifyUrl, opts, profile);
    return [
      pairedCase(runs, {
        name: 'public verify by number, 100 connections',
        unit: 'req/s',
        pick: (v) => Math.round(v.requestsPerSecond),
        baselineName: 'bare Fastify, same body',
        target: { op: '>=', value: 5000 },
      }),
      pairedCase(runs, {
        name: 'public verify by number: server CPU per request',
        unit: 'µs',
        pick: (v) => Math.round(v.cpuMicrosPerRequest),
        lowerIsBetter: true,
        baselineName: 'bare Fastify CPU per request',
      }),
    ];
  } finally {
    await bare.close();
  }
}

/** One more loaded window under the V8 profiler; prints the busiest functions and packages. */
async function profileVerify(server, url, opts, prefix) {
  const file = `${prefix}-verify.cpuprofile`;
  await server.profile({ start: true });
  const run = await loadWithCpu(server, url, opts);
  await server.profile({ stop: file });
  console.log(
    `signing: verify profiled, ${Math.round(run.cpuMicrosPerRequest)} µs CPU per request (${file})`,
  );
  const { functions, packages } = summarise(JSON.parse(readFileSync(file, 'utf8')));
  for (const row of [...functions.slice(0, 25), ...packages.slice(0, 12)])
    console.log(`${(100 * row.share).toFixed(1).padStart(5)}%  ${row.key}`);
}

/** `--only verify`: a fresh server, one request signed by its first signer, then the verify case. */
export async function verifyOnly({ rounds, seconds, profile }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'signx-signing-verify-bench-'));
  const loads = [{ phase: 'start', loadavg: loadavg() }];
  const mark = (phase) => {
    loads.push({ phase, loadavg: loadavg().map((v) => Math.round(v * 100) / 100) });
    console.log(`signing: ${phase} (load ${loads.at(-1).loadavg.join(', ')})`);
  };
  const server = await startServer({
    modulesFile: fileURLToPath(new URL('../modules/signing-auth.module.js', import.meta.url)),
    env: { DATA_DIR: dataDir, SECRET_KEY: 's'.repeat(48) },
  });
  try {
    const filed = await fileRequest(server.url, await twoPagePdf(), 0);
    const signed = await postJson(`${server.url}${api}/sign`, signBody(filed.tokens[0], drawnPng()));
    mark('after one signature');
    const number = signed.data.signature.signature_number;
    const cases = await verifyCases(server, number, { rounds, seconds, profile, mark });
    writeResult('signing-verify', cases, {
      rounds,
      note: 'signing.bench.js --only verify: one signature, SignX in one process, bare Fastify in another.',
      loadAverages: loads,
    });
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
