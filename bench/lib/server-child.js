// Child process that runs SignX for a benchmark, so the load generator gets its own core.
// Receives { env, modulesFile, schemasOf, startJobs, warm } over IPC, answers { url, schemas } once
// listening (schemas: the 200 response schema of each GET route named in schemasOf, for the
// bare-Fastify baseline), then, with `warm`, { converterWarm: { seconds } or { error } } once the
// LibreOffice pool is up; answers 'cpu' with its process.cpuUsage(), exits on 'close'.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../packages/server/dist/app.js';
import { loadConfig } from '../../packages/server/dist/config.js';
import { modules as allModules } from '../../packages/server/dist/modules/index.js';
import { prepareInstallation } from '../../packages/server/dist/platform/boot.js';
import { startBackgroundWork } from '../../packages/server/dist/platform/module.js';

process.once('message', async ({ env = {}, modulesFile, schemasOf = [], startJobs = false, warm }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'signx-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    RATE_LIMIT_MAX: '100000000',
    ...env,
  });
  const extra = modulesFile ? (await import(modulesFile)).modules : [];
  const modules = [...allModules, ...extra];
  const app = await buildApp(config, { modules });
  await prepareInstallation(app.signx, (line) => process.send({ output: line }), modules);
  await app.listen({ host: '127.0.0.1', port: 0 });
  // As `signx serve` does after listening; off by default so HTTP benchmarks measure routes only.
  if (startJobs) await startBackgroundWork(app.signx);
  const schemas = Object.fromEntries(
    schemasOf.map((url) => {
      const route = app.routeInventory.find((r) => r.url === url && r.method.split(',').includes('GET'));
      return [url, route?.schema?.response?.[200]];
    }),
  );
  const listening = performance.now();
  process.send({ url: `http://127.0.0.1:${app.server.address().port}`, schemas });
  // As `signx serve` does: LibreOffice warms in the background while requests are served.
  if (warm) {
    app.signx.converter.warm().then(
      () => process.send({ converterWarm: { seconds: (performance.now() - listening) / 1000 } }),
      (error) => process.send({ converterWarm: { error: String(error) } }),
    );
  }
  process.on('message', async (message) => {
    if (message === 'cpu') return process.send({ cpu: process.cpuUsage() });
    if (message?.profile) return profile(message.profile);
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});

// V8 CPU profile of a window ({ profile: { start: true } } … { profile: { stop: file } }), so a
// benchmark profiles one phase (the signatures, the verifications) without start-up and set-up.
let session;
function profile({ start, stop }) {
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  if (start) {
    session = new Session();
    session.connect();
    return post('Profiler.enable')
      .then(() => post('Profiler.start'))
      .then(() => process.send({ profiled: true }));
  }
  return post('Profiler.stop').then(({ profile: cpuProfile }) => {
    writeFileSync(stop, JSON.stringify(cpuProfile));
    session.disconnect();
    process.send({ profiled: true });
  });
}
