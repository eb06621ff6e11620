// Start-up time (issue 2): from launching `signx serve` (compiled code) to /ready answering 200,
// on a fresh installation (migrations and first-start hooks run) and on an existing one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResult } from './lib/results.js';

const main = fileURLToPath(new URL('../packages/server/dist/main.js', import.meta.url));

async function timeToReady(dataDir, port) {
  const started = performance.now();
  const child = spawn(process.execPath, [main, 'serve', '--port', String(port)], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/ready`);
        if (res.ok) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (performance.now() - started > 30_000) throw new Error('server did not become ready in 30 s');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'signx-startup-'));
try {
  const fresh = await timeToReady(dataDir, 28_081);
  const again = await timeToReady(dataDir, 28_082);
  writeResult('startup', [
    { name: 'fresh installation to ready', value: fresh, unit: 's', target: { op: '<=', value: 2 } },
    { name: 'existing installation to ready', value: again, unit: 's', target: { op: '<=', value: 2 } },
  ]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
