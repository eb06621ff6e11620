import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConvertError } from './convert-errors.js';
import { prepareTemplateProfile } from './convert-profile.js';
import { ConvertWorker } from './convert-worker.js';
import { networkIsolationPrefix } from './sandboxed-command.js';

export interface ConvertPoolOptions {
  /** Root for profiles, fonts.conf and per-job temp dirs (wiped at start). */
  baseDir: string;
  /** Workers (default: one per core). */
  workers?: number;
  /** Restart a worker after this many files (default 200): keeps leaks and state bounded. */
  maxJobsPerWorker?: number;
  /** Per-file limit (default 60 s); past it the worker is killed and the file fails. */
  jobTimeoutMs?: number;
  /** Resident memory per worker tree (default 1 GiB); past it the worker is killed. */
  memoryLimitBytes?: number;
  startTimeoutMs?: number;
  /** 'auto': cut workers off the network with `unshare -n` when the kernel allows it. */
  networkIsolation?: 'auto' | 'required' | 'off';
  python?: string;
  /** The LibreOffice installation (program/soffice, share/registry). */
  installDir?: string;
}

/** Types the pool converts. Macro-enabled formats (docm, xlsm, pptm) are never converted. */
export const convertibleExtensions = [
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'doc',
  'xls',
  'ppt',
  'rtf',
] as const;
export type ConvertibleExtension = (typeof convertibleExtensions)[number];

export interface ConvertRequest {
  extension: ConvertibleExtension;
  /** PDF page range ("1-3"): caps spreadsheets, whose page count follows their rows. */
  pageRange?: string;
  timeoutMs?: number;
}

export interface ConvertPoolStats {
  workers: number;
  alive: number;
  busy: number;
  queued: number;
  converted: number;
  failed: number;
  restarts: number;
  networkIsolated: boolean;
}

interface Waiter {
  resolve: (worker: ConvertWorker) => void;
  reject: (error: ConvertError) => void;
}

/**
 * Long-lived LibreOffice workers, each on its own hardened profile, one file at a time each.
 * A failed file (timeout, crash, memory) kills and restarts only its worker; every other file
 * in flight or queued is unaffected.
 */
export class ConvertPool {
  readonly networkIsolated: boolean;
  private readonly idle: ConvertWorker[] = [];
  private readonly all: ConvertWorker[] = [];
  private readonly waiters: Waiter[] = [];
  private closed = false;
  private counts = { converted: 0, failed: 0, restarts: 0 };

  private constructor(
    private readonly options: Required<ConvertPoolOptions>,
    isolation: readonly string[],
  ) {
    this.networkIsolated = isolation.length > 0;
  }

  /** Builds the template profile and starts every worker; resolves when all are warm. */
  static async start(options: ConvertPoolOptions): Promise<ConvertPool> {
    const full: Required<ConvertPoolOptions> = {
      workers: availableParallelism(),
      maxJobsPerWorker: 200,
      jobTimeoutMs: 60_000,
      memoryLimitBytes: 1024 * 1048576,
      startTimeoutMs: 30_000,
      networkIsolation: 'auto',
      python: '/usr/bin/python3',
      installDir: '/usr/lib/libreoffice',
      ...options,
    };
    const isolation = networkIsolationPrefix(full.networkIsolation);
    await rm(full.baseDir, { recursive: true, force: true });
    await mkdir(join(full.baseDir, 'jobs'), { recursive: true });
    const { templateDir, fontconfig } = await prepareTemplateProfile(full.baseDir, full.installDir);
    const pool = new ConvertPool(full, isolation);
    const workers = Array.from(
      { length: full.workers > 0 ? full.workers : availableParallelism() },
      (_, index) =>
        new ConvertWorker({
          python: full.python,
          soffice: join(full.installDir, 'program/soffice'),
          script: workerScriptPath(),
          templateDir,
          fontconfig,
          dir: join(full.baseDir, `worker-${index}`),
          startTimeoutMs: full.startTimeoutMs,
          memoryLimitBytes: full.memoryLimitBytes,
          isolation,
        }),
    );
    pool.all.push(...workers);
    try {
      await Promise.all(workers.map((worker) => worker.start()));
    } catch (error) {
      await pool.close();
      throw error;
    }
    pool.idle.push(...workers);
    return pool;
  }

  /** Converts one office file to PDF in a temp dir of its own, removed afterwards. */
  async convert(input: Uint8Array, request: ConvertRequest): Promise<Buffer> {
    if (!(convertibleExtensions as readonly string[]).includes(request.extension)) {
      throw new ConvertError('unsupported_type', `files of type .${request.extension} are not converted`);
    }
    const jobDir = join(this.options.baseDir, 'jobs', randomUUID());
    await mkdir(jobDir, { recursive: true });
    try {
      const inputPath = join(jobDir, `input.${request.extension}`);
      const outputPath = join(jobDir, 'output.pdf');
      await writeFile(inputPath, input);
      await this.convertFile(inputPath, outputPath, request);
      return await readFile(outputPath);
    } finally {
      await rm(jobDir, { recursive: true, force: true });
    }
  }

  /** Converts a file already on disk (the caller owns both paths). */
  async convertFile(
    inputPath: string,
    outputPath: string,
    request: Omit<ConvertRequest, 'extension'> = {},
  ): Promise<void> {
    const worker = await this.acquire();
    try {
      const job = {
        input: inputPath,
        output: outputPath,
        ...(request.pageRange ? { pageRange: request.pageRange } : {}),
      };
      await worker.run(job, request.timeoutMs ?? this.options.jobTimeoutMs);
      if (!existsSync(outputPath))
        throw new ConvertError('unreadable', 'LibreOffice produced no PDF for this file');
      this.counts.converted += 1;
    } catch (error) {
      this.counts.failed += 1;
      throw error;
    } finally {
      void this.release(worker);
    }
  }

  stats(): ConvertPoolStats {
    return {
      workers: this.all.length,
      alive: this.all.filter((worker) => worker.isAlive).length,
      busy: this.all.length - this.idle.length,
      queued: this.waiters.length,
      ...this.counts,
      networkIsolated: this.networkIsolated,
    };
  }

  /** Stops every worker; queued files fail with 'unavailable'. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0))
      waiter.reject(new ConvertError('unavailable', 'the converter is shutting down'));
    await Promise.all(this.all.map((worker) => worker.stop()));
  }

  private async acquire(): Promise<ConvertWorker> {
    if (this.closed) throw new ConvertError('unavailable', 'the converter is shut down');
    const worker =
      this.idle.pop() ??
      (await new Promise<ConvertWorker>((resolve, reject) => this.waiters.push({ resolve, reject })));
    // a worker that died while idle (killed from outside) is replaced before it gets a file
    if (!worker.isAlive) {
      this.counts.restarts += 1;
      await worker.start().catch((error: unknown) => {
        void this.release(worker);
        throw error;
      });
    }
    return worker;
  }

  /** Back to work, after a restart when it died, ran its quota of files or grew past its memory limit. */
  private async release(worker: ConvertWorker): Promise<void> {
    const tooBig = worker.isAlive && (await worker.residentBytes()) > this.options.memoryLimitBytes;
    if (!worker.isAlive || tooBig || worker.jobsDone >= this.options.maxJobsPerWorker) {
      if (this.closed) return;
      await worker.stop();
      worker.jobsDone = 0;
      this.counts.restarts += 1;
      const started = await worker.start().then(
        () => true,
        () => false,
      );
      if (!started) return this.retryStart(worker);
    }
    if (this.closed) return worker.stop();
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(worker);
    else this.idle.push(worker);
  }

  private async retryStart(worker: ConvertWorker): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return this.release(worker);
  }
}

/** The Python helper sits beside this file in src/; a compiled build still reads it from src/. */
function workerScriptPath(): string {
  const beside = fileURLToPath(new URL('./uno-worker.py', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../../../src/platform/convert/uno-worker.py', import.meta.url));
}
