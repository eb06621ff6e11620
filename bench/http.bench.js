// Platform HTTP benchmark (issue 2): a schema-serialized JSON route reading one page of 20
// rows from SQLite through the platform's pagination helper, and /health, at 100 connections.
// The route is bench/modules/items.module.js. The server runs in a child process.
import { fileURLToPath } from 'node:url';
import { writeResult } from './lib/results.js';
import { load, startServer } from './lib/server.js';

const server = await startServer({
  modulesFile: fileURLToPath(new URL('./modules/items.module.js', import.meta.url)),
});
try {
  const page = await load(`${server.url}/api/v1/bench/items?page=3&page_size=20`, { duration: 10 });
  const health = await load(`${server.url}/health`, { duration: 10 });
  writeResult(
    'http',
    [
      {
        name: 'page of 20 rows from SQLite, 100 connections',
        value: page.requestsPerSecond,
        unit: 'req/s',
        target: { value: 10_000 },
        p50_ms: page.p50,
        p99_ms: page.p99,
      },
      { name: 'page of 20 rows: p99 latency', value: page.p99, unit: 'ms', target: { op: '<=', value: 15 } },
      {
        name: '/health, 100 connections',
        value: health.requestsPerSecond,
        unit: 'req/s',
        target: { value: 20_000 },
        p50_ms: health.p50,
        p99_ms: health.p99,
      },
    ],
    { note: 'server in one process, autocannon in another, on the same 2-core machine' },
  );
} finally {
  await server.close();
}
