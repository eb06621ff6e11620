import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConvertError } from './convert-errors.js';
import { networkIsolationPrefix, runSandboxed } from './sandboxed-command.js';

// The runner pdftoppm uses on untrusted PDFs (documents thumbnails): the attacks it must stop.
const dir = () => mkdtempSync(join(tmpdir(), 'signx-sandbox-'));
const run = (script: string, extra: { timeoutMs?: number; isolation?: 'required' | 'off' } = {}) =>
  runSandboxed({
    command: 'sh',
    args: ['-c', script],
    dir: dir(),
    timeoutMs: extra.timeoutMs ?? 20_000,
    memoryLimitBytes: 512 * 1024 * 1024,
    isolation: extra.isolation ?? 'required',
  });
const failure = (promise: Promise<void>) =>
  promise.then(
    () => null,
    (error: unknown) => error as ConvertError,
  );

describe('sandboxed short-lived tools', () => {
  it('cuts the child off the network: only a loopback interface exists inside', async () => {
    expect(networkIsolationPrefix('required')[0]).toBe('unshare');
    // /proc/net/dev lists the interfaces of the process's own network namespace.
    await expect(
      run('[ "$(grep -c : /proc/net/dev)" = 1 ] && grep -q "lo:" /proc/net/dev'),
    ).resolves.toBeUndefined();
    // Without the cut the same probe sees the host's interfaces (the check above is meaningful).
    const open = await failure(run('[ "$(grep -c : /proc/net/dev)" = 1 ]', { isolation: 'off' }));
    expect(open?.reason).toBe('unreadable');
  });

  it('gives the child none of the server’s environment (secrets, database URL)', async () => {
    process.env.SIGNX_SANDBOX_PROBE_SECRET = 'do-not-leak';
    try {
      await expect(
        run('[ -z "$SIGNX_SANDBOX_PROBE_SECRET" ] && [ "$HOME" = "$PWD" ]'),
      ).resolves.toBeUndefined();
    } finally {
      delete process.env.SIGNX_SANDBOX_PROBE_SECRET;
    }
  });

  it('kills a child that runs past its time limit, with its whole process group', async () => {
    const error = await failure(run('sleep 600 & sleep 600', { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(ConvertError);
    expect([error?.reason, error?.message]).toEqual(['timeout', 'sh took longer than 300 ms']);
  });

  it('reports a failing tool with the last line it wrote to stderr', async () => {
    const error = await failure(run('echo "Syntax Error: damaged xref" >&2; exit 1'));
    expect([error?.reason, error?.message]).toEqual(['unreadable', 'sh failed: Syntax Error: damaged xref']);
  });
});
