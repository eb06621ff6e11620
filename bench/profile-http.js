// CPU profile of the HTTP bench's server under load (not part of `npm run bench`):
//   npm run build && node bench/profile-http.js [out-prefix] [seconds]
// Starts SignX as bench/http.bench.js does, warms each route for 3 s, then profiles only the
// loaded window of the 20-row list and of /health, writes <out-prefix>-list.cpuprofile and
// <out-prefix>-health.cpuprofile, and prints the server CPU per request and the busiest functions.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summarise } from './lib/cpuprofile-summary.js';
import { load, startServer } from './lib/server.js';

const [prefix = 'http', seconds = '8'] = process.argv.slice(2);
const listRoute = '/api/v1/bench/items';
const server = await startServer({
  modulesFile: fileURLToPath(new URL('./modules/items.module.js', import.meta.url)),
});
try {
  const routes = { list: `${listRoute}?page=3&page_size=20`, health: '/health' };
  for (const [name, path] of Object.entries(routes)) {
    const url = `${server.url}${path}`;
    await load(url, { duration: 3 });
    const file = `${prefix}-${name}.cpuprofile`;
    await server.profile({ start: true });
    const before = await server.cpuUsage();
    const run = await load(url, { duration: Number(seconds) });
    const after = await server.cpuUsage();
    await server.profile({ stop: file });
    const micros = after.user - before.user + (after.system - before.system);
    console.log(`\n${name}: ${(micros / run.total).toFixed(1)} µs server CPU per request (${file})`);
    const { functions } = summarise(JSON.parse(readFileSync(file, 'utf8')));
    for (const row of functions.slice(0, 15))
      console.log(`${(100 * row.share).toFixed(1).padStart(5)}%  ${row.key}`);
  }
} finally {
  await server.close();
}
