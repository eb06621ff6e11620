// Child process that runs SignX for a benchmark, so the load generator gets its own core.
// Receives { env, modulesFile, schemasOf, startJobs, warm } over IPC, answers { url, schemas } once
// listening (schemas: the 200 response schema of each GET route named in schemasOf, for the
// bare-Fastify baseline), then, with `warm`, { converterWarm: { seconds } or { error } } once the
// LibreOffice pool is up; answers 'cpu' with its process.cpuUsage(), exits on 'close'.
import { mkdtempSync, rmSync } from 'node:fs';
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
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
