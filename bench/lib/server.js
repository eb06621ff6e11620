// Starts SignX (compiled) in a child process on a loopback port for HTTP benchmarks, on a
// fresh SQLite database, so the load generator (this process) and the server each get a core.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/**
 * `env` overrides configuration; `modulesFile` (absolute path) exports `modules` to mount
 * beside SignX's own; `startJobs` runs the job runtime as `signx serve` does; `warmConverter`
 * starts the LibreOffice pool after listening, as `signx serve` does; `execArgv` adds Node flags
 * to the server process (e.g. --cpu-prof); `schemasOf` lists GET
 * routes whose 200 response schema to hand back.
 * Resolves with { url, output (lines printed at first start), schemas, cpuUsage, converterWarm, close };
 * cpuUsage() resolves with the server process's process.cpuUsage(); profile({ start: true }) and
 * profile({ stop: file }) take a V8 CPU profile of the server between the two; converterWarm (with
 * warmConverter) resolves with the seconds from listening until the pool was warm.
 */
export function startServer({
  env = {},
  modulesFile,
  schemasOf = [],
  startJobs = false,
  warmConverter = false,
  execArgv = [],
} = {}) {
  const child = fork(fileURLToPath(new URL('./server-child.js', import.meta.url)), {
    stdio: 'inherit',
    execArgv: [...process.execArgv, ...execArgv],
  });
  const output = [];
  let warmed;
  const converterWarm = new Promise((resolve, reject) => {
    warmed = ({ seconds, error }) => (error ? reject(new Error(error)) : resolve(seconds));
  });
  converterWarm.catch(() => undefined); // awaited only by those who asked for it
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.on('message', (message) => {
      if (message.output) output.push(message.output);
      if (message.converterWarm) warmed(message.converterWarm);
      if (!message.url) return;
      child.removeAllListeners('exit');
      resolve({
        url: message.url,
        output,
        schemas: message.schemas ?? {},
        cpuUsage: () => cpuUsageOf(child),
        profile: (command) => answerOf(child, 'profiled', { profile: command }),
        converterWarm,
        close: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.send('close');
          }),
      });
    });
    child.send({ env, modulesFile, schemasOf, startJobs, warm: warmConverter });
  });
}

/** Sends `message` to a bench child and resolves with its next answer carrying `key`. */
function answerOf(child, key, message) {
  return new Promise((resolve) => {
    const answer = (m) => {
      if (!m?.[key]) return;
      child.off('message', answer);
      resolve(m[key]);
    };
    child.on('message', answer);
    child.send(message);
  });
}

/** The process.cpuUsage() of a bench child (server-child.js, bare-fastify-child.js). */
export function cpuUsageOf(child) {
  return new Promise((resolve) => {
    const answer = (message) => {
      if (!message?.cpu) return;
      child.off('message', answer);
      resolve(message.cpu);
    };
    child.on('message', answer);
    child.send('cpu');
  });
}

/**
 * `load` plus the CPU time (user + system, µs) the server process spent per request meanwhile.
 * Unlike requests/s, which halve when another job takes the core, the CPU a request costs
 * barely moves with the machine's load: the figure to compare across runs.
 */
export async function loadWithCpu(server, url, options) {
  const before = await server.cpuUsage();
  const run = await load(url, options);
  const after = await server.cpuUsage();
  const micros = after.user - before.user + (after.system - before.system);
  return { ...run, cpuMicrosPerRequest: micros / run.total };
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
