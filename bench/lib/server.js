// Starts SignX (compiled) in a child process on a loopback port for HTTP benchmarks, on a
// fresh SQLite database, so the load generator (this process) and the server each get a core.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/**
 * `env` overrides configuration; `modulesFile` (absolute path) exports `modules` to mount
 * beside SignX's own; `schemasOf` lists GET routes whose 200 response schema to hand back.
 * Resolves with { url, output (lines printed at first start), schemas, close }.
 */
export function startServer({ env = {}, modulesFile, schemasOf = [] } = {}) {
  const child = fork(fileURLToPath(new URL('./server-child.js', import.meta.url)), { stdio: 'inherit' });
  const output = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.on('message', (message) => {
      if (message.output) output.push(message.output);
      if (!message.url) return;
      child.removeAllListeners('exit');
      resolve({
        url: message.url,
        output,
        schemas: message.schemas ?? {},
        close: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.send('close');
          }),
      });
    });
    child.send({ env, modulesFile, schemasOf });
  });
}

/** Runs autocannon and returns requests/s and latency percentiles (ms). */
export async function load(
  url,
  { connections = 100, duration = 10, headers = {}, method = 'GET', body } = {},
) {
  const result = await autocannon({ url, connections, duration, headers, method, body, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`load run had ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  }
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}
