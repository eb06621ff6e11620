#!/usr/bin/env node
// The `signx` executable (`npx signx <command>` in a clone, `signx` once installed).
// It runs the compiled CLI when `npm run build` has made it, and otherwise the TypeScript
// sources through tsx, so it works right after `npm ci` on a fresh clone.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/main.js', import.meta.url));

if (existsSync(compiled)) {
  await import(compiled);
} else {
  const source = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  // signx-source: @signx/pades resolves to its sources too (see packages/pades/package.json).
  const args = ['--conditions=signx-source', '--import', 'tsx', source, ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
