import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ConvertError, type ConvertFailure } from './convert-errors.js';
import { resetWorkerProfile } from './convert-profile.js';
import { treeResidentBytes } from './process-memory.js';

export interface WorkerSettings {
  python: string;
  soffice: string;
  script: string;
  templateDir: string;
  fontconfig: string;
  /** This worker's own directory: profile, HOME and TMPDIR live under it. */
  dir: string;
  startTimeoutMs: number;
  memoryLimitBytes: number;
  /** The command prefix that cuts the worker off the network (`unshare -n`), or none. */
  isolation: readonly string[];
}

export interface WorkerJob {
  input: string;
  output: string;
  pageRange?: string;
}

interface Reply {
  id?: number;
  ready?: boolean;
  ok?: boolean;
  crashed?: boolean;
  error?: string;
}

const memoryCheckMs = 250;

/**
 * One long-lived LibreOffice behind its Python UNO helper. The pool gives it one job at a time;
 * any timeout, crash or memory overrun kills its whole process group and fails that job only.
 */
export class ConvertWorker {
  jobsDone = 0;
  private child: ChildProcessWithoutNullStreams | null = null;
  private nextId = 1;
  private pending: { id: number; resolve: () => void; reject: (error: ConvertError) => void } | null = null;
  private exitHandlers: ((failure: ConvertError) => void)[] = [];

  constructor(private readonly settings: WorkerSettings) {}

  get isAlive(): boolean {
    return this.child !== null;
  }

  /** Resets the profile from the template and waits until soffice accepts UNO calls. */
  async start(): Promise<void> {
    const { settings } = this;
    const profileDir = join(settings.dir, 'profile');
    await resetWorkerProfile(settings.templateDir, profileDir);
    await mkdir(join(settings.dir, 'tmp'), { recursive: true });
    const pipeName = `signx_convert_${process.pid}_${randomBytes(6).toString('hex')}`;
    const [command, ...prefix] = [...settings.isolation, settings.python];
    const args = [
      ...prefix,
      settings.script,
      settings.soffice,
      profileDir,
      pipeName,
      String(settings.startTimeoutMs / 1000),
    ];
    // A minimal environment: LibreOffice must not see the server's secrets (URL expansion
    // exfiltrated environment values on open in CVE-2024-12426).
    const env = {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: settings.dir,
      TMPDIR: join(settings.dir, 'tmp'),
      LANG: 'C.UTF-8',
      FONTCONFIG_FILE: settings.fontconfig,
      SAL_USE_VCLPLUGIN: 'svp',
      http_proxy: 'http://127.0.0.1:9',
      https_proxy: 'http://127.0.0.1:9',
      no_proxy: '',
    };
    const child = spawn(command as string, args, { detached: true, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    child.stderr.resume();
    const lines = createInterface({ input: child.stdout });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => fail(new ConvertError('unavailable', 'LibreOffice did not start in time')),
        settings.startTimeoutMs + 2000,
      );
      const fail = (error: ConvertError) => {
        clearTimeout(timer);
        this.kill();
        reject(error);
      };
      child.once('error', (error) =>
        fail(new ConvertError('unavailable', `cannot start the converter: ${error.message}`)),
      );
      child.once('exit', (code) => this.onExit(child, code));
      this.exitHandlers.push((error) =>
        fail(new ConvertError('unavailable', `converter exited during start-up (${error.message})`)),
      );
      lines.once('line', (line) => {
        clearTimeout(timer);
        this.exitHandlers = [];
        if ((JSON.parse(line) as Reply).ready) resolve();
        else fail(new ConvertError('unavailable', 'converter answered before it was ready'));
      });
    });
    lines.on('line', (line) => this.onReply(JSON.parse(line) as Reply));
  }

  /** Converts one file; rejects with a ConvertError saying why and leaves the worker dead if it had to be killed. */
  run(job: WorkerJob, timeoutMs: number): Promise<void> {
    const child = this.child;
    if (!child) return Promise.reject(new ConvertError('unavailable', 'converter is not running'));
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: ConvertError) => {
        clearTimeout(timer);
        clearInterval(memoryTimer);
        this.pending = null;
        this.exitHandlers = [];
        if (error) reject(error);
        else resolve();
      };
      const killWith = (reason: ConvertFailure, message: string) => {
        this.kill();
        finish(new ConvertError(reason, message));
      };
      const timer = setTimeout(
        () => killWith('timeout', `conversion took longer than ${timeoutMs} ms`),
        timeoutMs,
      );
      const memoryTimer = setInterval(() => {
        void treeResidentBytes(child.pid as number).then((bytes) => {
          if (this.pending?.id === id && bytes > this.settings.memoryLimitBytes) {
            killWith('memory', `converter used ${Math.round(bytes / 1048576)} MB, over its limit`);
          }
        });
      }, memoryCheckMs);
      this.pending = {
        id,
        resolve: () => {
          this.jobsDone += 1;
          finish();
        },
        reject: finish,
      };
      this.exitHandlers.push(() =>
        finish(new ConvertError('crashed', 'LibreOffice exited while converting this file')),
      );
      child.stdin.write(`${JSON.stringify({ id, ...job })}\n`);
    });
  }

  /** Resident memory of the whole worker tree (python, soffice, soffice.bin). */
  async residentBytes(): Promise<number> {
    return this.child?.pid ? treeResidentBytes(this.child.pid) : 0;
  }

  /** Asks soffice to quit; kills the group if it has not within a second. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin.end();
    const timer = setTimeout(() => this.kill(), 1000);
    await exited;
    clearTimeout(timer);
  }

  /** SIGKILL to the whole process group: python, the soffice launcher and soffice.bin. */
  kill(): void {
    const pid = this.child?.pid;
    this.child = null;
    if (!pid) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  private onReply(reply: Reply): void {
    const pending = this.pending;
    if (!pending || reply.id !== pending.id) return;
    if (reply.ok) pending.resolve();
    else if (reply.crashed) {
      // the helper exits after a lost connection; mark the worker dead now, not at its exit
      this.kill();
      pending.reject(new ConvertError('crashed', conversionMessage(reply)));
    } else pending.reject(new ConvertError('unreadable', conversionMessage(reply)));
  }

  private onExit(child: ChildProcessWithoutNullStreams, code: number | null): void {
    // a killed worker's exit may arrive after its replacement started: it concerns only itself
    if (this.child !== child && this.child !== null) return;
    this.child = null;
    const handlers = this.exitHandlers;
    this.exitHandlers = [];
    for (const handler of handlers) handler(new ConvertError('crashed', `exit code ${code ?? 'signal'}`));
  }
}

function conversionMessage(reply: Reply): string {
  if (reply.crashed) return 'LibreOffice crashed while converting this file';
  // The helper's text names UNO exception types; keep it short and free of paths.
  const detail = (reply.error ?? '').replace(/\/[^\s'"]+/g, '<path>').slice(0, 200);
  return `LibreOffice could not convert the file (${detail})`;
}
