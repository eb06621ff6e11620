// Self time per function (and per package) of a V8 .cpuprofile, busiest first, idle left out:
//   node bench/lib/cpuprofile-summary.js <file.cpuprofile> [rows]
// Under load the sampler charges wall time to whatever is on the CPU (or in a syscall) when the
// process is descheduled, so read shares as rough proportions and confirm with an A/B run. The
// profiler's own stop (serialising the profile, the native `dispatch`) is left out with idle.
import { readFileSync } from 'node:fs';

/** [{ key, micros, share }] per function (`name file:line`) and per package, busiest first. */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const frame = byId.get(profile.samples[i]).callFrame;
    const file = frame.url
      .replace(/^.*node_modules\//, 'nm:')
      .replace(/^.*\/packages\//, 'pk:')
      .replace(/^node:/, '');
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  self.delete('(idle) :0');
  self.delete('dispatch :0');
  const busy = [...self.values()].reduce((sum, micros) => sum + micros, 0);
  const rows = (map) =>
    [...map]
      .map(([key, micros]) => ({ key, micros, share: micros / busy }))
      .sort((a, b) => b.micros - a.micros);
  const packages = new Map();
  for (const [key, micros] of self) {
    const where = key.slice(key.lastIndexOf(' ') + 1);
    const name = where.match(/^(nm:(@[^/]+\/)?[^/]+|pk:[^/]+\/[^/]+\/[^/]+|[^:]*)/)?.[1] || '(native)';
    packages.set(name, (packages.get(name) ?? 0) + micros);
  }
  return { busyMicros: busy, functions: rows(self), packages: rows(packages) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top = '40'] = process.argv.slice(2);
  const { busyMicros, functions, packages } = summarise(JSON.parse(readFileSync(file, 'utf8')));
  const print = (row) => console.log(`${(100 * row.share).toFixed(1).padStart(5)}%  ${row.key}`);
  console.log(`busy ${(busyMicros / 1000).toFixed(0)} ms`);
  functions.slice(0, Number(top)).forEach(print);
  console.log('--- by package');
  packages.slice(0, 25).forEach(print);
}
