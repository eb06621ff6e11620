import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { eventually } from './job-harness.js';
import { FROM_SOURCE } from './source-node.js';
import type { TestDatabase } from './test-database.js';

/**
 * Starts test/notes-crash-child.ts on `database`, posts a note to it and lets it die
 * (SIGKILL) at `crashAt`: the client never gets an answer. Resolves once the process is gone.
 */
export async function postNoteThenCrash(
  database: TestDatabase,
  crashAt: 'after-transaction' | 'before-reply',
  headers: Record<string, string> = {},
): Promise<void> {
  const child = spawn(
    process.execPath,
    [...FROM_SOURCE, 'test/notes-crash-child.ts', JSON.stringify(database.location), crashAt],
    { cwd: new URL('../', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await eventually(() => output.includes('LISTENING'), 60_000);
  const port = Number(/LISTENING (\d+)/.exec(output)?.[1]);
  const outcome = await fetch(`http://127.0.0.1:${port}/api/v1/test/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title: 'once' }),
  }).then(
    () => 'answered',
    () => 'lost',
  );
  expect(outcome).toBe('lost');
  await exited;
}
