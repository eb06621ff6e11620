import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { waitForOk } from '../../test/cli-process.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const builtEntry = 'node packages/server/dist/main.js';

/**
 * The root `npm start` script, run by npm as an operator (or a process manager) does, but
 * with the built entry swapped for the TypeScript source, so the test needs no build: what
 * is tested is how the script's shell passes npm's signals on to the server.
 */
function startScriptFromSource(): { dir: string } {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const script: string = root.scripts.start;
  expect(script).toContain(builtEntry);
  const tsx = join(repoRoot, 'node_modules/tsx/dist/loader.mjs');
  const main = join(repoRoot, 'packages/server/src/main.ts');
  const dir = mkdtempSync(join(tmpdir(), 'signx-npm-start-'));
  const fromSource = script.replace(builtEntry, `node --conditions=signx-source --import ${tsx} ${main}`);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'start-probe', scripts: { start: fromSource } }),
  );
  return { dir };
}

/** Processes whose environment names `dataDir` (Linux /proc): the server npm started, if alive. */
function processesUsing(dataDir: string): number[] {
  const marker = `DATA_DIR=${dataDir}\0`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker);
      } catch {
        return false; // gone, or not ours to read
      }
    })
    .map(Number);
}

describe('npm start', () => {
  it('stops the server and frees the port when npm gets SIGTERM', async () => {
    const { dir } = startScriptFromSource();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const npm = spawn('npm', ['start', '--ignore-scripts'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATA_DIR: join(dir, 'data'),
        LOG_LEVEL: 'warn',
        SECRET_KEY: 's'.repeat(40),
        PORT: String(port),
      },
      stdio: 'ignore',
    });
    const npmExited = new Promise((resolve) => npm.once('exit', resolve));
    await waitForOk(`http://127.0.0.1:${port}/health`);
    const dataDir = join(dir, 'data');
    expect(processesUsing(dataDir).length).toBeGreaterThan(0);
    npm.kill('SIGTERM');
    await npmExited;
    const deadline = Date.now() + 15_000;
    let isPortFree = false;
    while (Date.now() < deadline && !isPortFree) {
      isPortFree = await fetch(`http://127.0.0.1:${port}/health`).then(
        () => false,
        () => true,
      );
      if (!isPortFree) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const leftovers = processesUsing(dataDir);
    for (const pid of leftovers) process.kill(pid, 'SIGKILL');
    expect(isPortFree).toBe(true);
    expect(leftovers).toEqual([]);
  }, 120_000);
});
