import { spawn, spawnSync } from 'node:child_process';
import { ConvertError } from './convert-errors.js';
import { treeResidentBytes } from './process-memory.js';

export type NetworkIsolation = 'auto' | 'required' | 'off';

const probed = new Map<NetworkIsolation, string[]>();

/**
 * `unshare -n` (root) or `unshare -rn` (user namespaces) when it works here: the prefix that
 * cuts a child process off the network. LibreOffice workers and the short-lived PDF tools
 * (pdftoppm) share it, so an untrusted file can never make either reach the network.
 */
export function networkIsolationPrefix(mode: NetworkIsolation): string[] {
  const known = probed.get(mode);
  if (known) return known;
  let found: string[] = [];
  if (mode !== 'off') {
    for (const prefix of [
      ['unshare', '-n'],
      ['unshare', '-rn'],
    ]) {
      const probe = spawnSync(prefix[0] as string, [...prefix.slice(1), 'true'], { stdio: 'ignore' });
      if (probe.status === 0) {
        found = prefix;
        break;
      }
    }
    if (found.length === 0 && mode === 'required')
      throw new ConvertError('unavailable', 'network isolation (unshare -n) is not available');
  }
  probed.set(mode, found);
  return found;
}

/**
 * The environment a child that reads untrusted files gets: none of the server's secrets
 * (LibreOffice's URL expansion exfiltrated environment values in CVE-2024-12426), a dead proxy.
 */
export function minimalEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: home,
    LANG: 'C.UTF-8',
    http_proxy: 'http://127.0.0.1:9',
    https_proxy: 'http://127.0.0.1:9',
    no_proxy: '',
  };
}

export interface SandboxedRun {
  command: string;
  args: string[];
  /** The child's working directory and HOME/TMPDIR: one private directory per run. */
  dir: string;
  timeoutMs: number;
  memoryLimitBytes: number;
  isolation?: NetworkIsolation;
}

/**
 * Runs a short-lived tool on an untrusted file: no network (when the kernel allows it), a
 * minimal environment, its own process group (killed whole on timeout or memory overrun),
 * stderr kept for the reason. Resolves on exit status 0; otherwise a ConvertError saying why.
 */
export function runSandboxed(run: SandboxedRun): Promise<void> {
  const [command, ...prefix] = [...networkIsolationPrefix(run.isolation ?? 'auto'), run.command];
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, [...prefix, ...run.args], {
      cwd: run.dir,
      detached: true,
      env: minimalEnv(run.dir),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let failure: ConvertError | null = null;
    const killWith = (error: ConvertError) => {
      failure ??= error;
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // already gone
      }
    };
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(
      () => killWith(new ConvertError('timeout', `${run.command} took longer than ${run.timeoutMs} ms`)),
      run.timeoutMs,
    );
    const memory = setInterval(() => {
      void treeResidentBytes(child.pid as number).then((bytes) => {
        if (bytes > run.memoryLimitBytes)
          killWith(new ConvertError('memory', `${run.command} used more memory than its limit`));
      });
    }, 250);
    const done = (error: ConvertError | null) => {
      clearTimeout(timer);
      clearInterval(memory);
      if (error) reject(error);
      else resolve();
    };
    child.once('error', (error) =>
      done(new ConvertError('unavailable', `cannot start ${run.command}: ${error.message}`)),
    );
    child.once('exit', (code) => {
      if (failure) return done(failure);
      if (code === 0) return done(null);
      const reason = stderr.trim().split('\n').at(-1) ?? '';
      done(new ConvertError('unreadable', `${run.command} failed${reason ? `: ${reason}` : ''}`));
    });
  });
}
