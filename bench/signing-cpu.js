// CPU per signing operation, load-independent (issue 15, "Speed"): the server process's CPU
// time (process.cpuUsage, user + system) spent per API signature, per public verify by number
// and per sealed request (seal + evidence jobs), and the raw PAdES parts measured in this
// process. Wall throughput on the shared machine measures the machine; CPU per operation
// measures the code. Run after `npm run build`: node bench/signing-cpu.js
// SIGNX_PROFILE_DIR=<dir> also writes a V8 CPU profile of the server per phase (sign.cpuprofile,
// verify.cpuprofile, seal.cpuprofile), set-up excluded.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import * as pades from '../packages/pades/dist/index.js';
import { load, startServer } from './lib/server.js';
import {
  api,
  drawnPng,
  fileRequest,
  pool,
  postJson,
  rawPades,
  signBody,
  twoPagePdf,
} from './lib/signing-bed.js';

const N = Number(process.env.SIGNING_CPU_REQUESTS ?? 48);
const profileDir = process.env.SIGNX_PROFILE_DIR;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'signx-signing-cpu-'));
const server = await startServer({
  modulesFile: fileURLToPath(new URL('./modules/signing-auth.module.js', import.meta.url)),
  env: { DATA_DIR: dataDir, SECRET_KEY: 's'.repeat(48) },
  startJobs: true,
});
const db = new Database(join(dataDir, 'signx.db'), { readonly: true, fileMustExist: true });
const sealed = () =>
  db.prepare("select count(*) as n from digital_signature_requests where seal_status = 'sealed'").get().n;
const pdf = await twoPagePdf();
const png = drawnPng();
const out = {};

async function cpuOf(phase, fn) {
  if (profileDir) await server.profile({ start: true });
  const before = await server.cpuUsage();
  const result = await fn();
  const after = await server.cpuUsage();
  if (profileDir) await server.profile({ stop: join(profileDir, `${phase}.cpuprofile`) });
  return { micros: after.user - before.user + (after.system - before.system), result };
}

function localCpu(fn, count) {
  return async () => {
    const before = process.cpuUsage();
    for (let i = 0; i < count; i++) await fn();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / count;
  };
}

try {
  const requests = (
    await pool(
      Array.from({ length: N }, (_, i) => i),
      8,
      (i) => fileRequest(server.url, pdf, i),
    )
  ).results;
  const warm = Math.min(8, Math.floor(N / 4));
  const first = requests.map((r) => r.tokens[0]);
  const warmed = await pool(first.slice(0, warm), 4, (t) =>
    postJson(`${server.url}${api}/sign`, signBody(t, png)),
  );
  const number = warmed.results[0].data.signature.signature_number;
  const rest = first.slice(warm);
  const signing = await cpuOf('sign', () =>
    pool(rest, 4, (t) => postJson(`${server.url}${api}/sign`, signBody(t, png))),
  );
  out.api_sign_cpu_ms = signing.micros / 1000 / rest.length;

  const verifyUrl = `${server.url}${api}/verify/${number}`;
  await load(verifyUrl, { connections: 20, duration: 1 });
  const verify = await cpuOf('verify', () => load(verifyUrl, { connections: 20, duration: 3 }));
  out.verify_cpu_us = verify.micros / verify.result.total;

  // Seal drain: second signers complete their requests, the job runtime seals (B-LTA) and
  // files the evidence; CPU from the first second signature until every request is sealed.
  const seal = await cpuOf('seal', async () => {
    await pool(
      requests.map((r) => r.tokens[1]),
      4,
      (t) => postJson(`${server.url}${api}/sign`, signBody(t, png)),
    );
    const start = performance.now();
    while (sealed() < requests.length) {
      if (performance.now() - start > 600_000)
        throw new Error(`only ${sealed()} of ${requests.length} sealed`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  out.complete_and_seal_cpu_ms_per_request = seal.micros / 1000 / requests.length;
  out.seal_drain_cpu_ms_per_request = out.complete_and_seal_cpu_ms_per_request - out.api_sign_cpu_ms;

  // The raw PAdES parts, in this process.
  const raw = await rawPades(pdf, png);
  await raw();
  out.raw_visible_signpdf_cpu_ms = await localCpu(raw, 20)();
  const root = await pades.createRootCa({ commonName: 'Bench Root' });
  const issuing = await pades.createIssuingCa(root, { commonName: 'Bench Issuing' });
  out.issue_signer_cpu_ms = await localCpu(
    () => pades.issueSignerCertificate(issuing, { legalName: 'X' }),
    20,
  )();
  out.requests = N;
} finally {
  db.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
for (const [k, v] of Object.entries(out)) console.log(`${k}: ${Math.round(v * 100) / 100}`);
