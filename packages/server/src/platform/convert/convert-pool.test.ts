import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx, longDocx, paragraph, remoteImageDocx } from '../../../test/office-files.js';
import { ConvertError } from './convert-errors.js';
import { ConvertPool } from './convert-pool.js';
import { treeResidentBytes } from './process-memory.js';

// Real LibreOffice, one worker per pool: the machine the tests share has two cores.
const slow = { timeout: 120_000 };

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
}

function rejectionOf(promise: Promise<unknown>): Promise<ConvertError> {
  return promise.then(
    () => {
      throw new Error('expected the conversion to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ConvertError);
      return error as ConvertError;
    },
  );
}

function sofficePidsOf(pool: { baseDir: string }): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('soffice.bin') && line.includes(pool.baseDir))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

describe('LibreOffice conversion pool', () => {
  const baseDir = join(tmpdir(), `signx-convert-test-${process.pid}`);
  let pool: ConvertPool;
  let requests: string[];
  let server: Server;

  beforeAll(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // isolation off: the profile's own hardening must stop the fetch on its own
    pool = await ConvertPool.start({ baseDir, workers: 1, maxJobsPerWorker: 4, networkIsolation: 'off' });
  }, 120_000);

  afterAll(async () => {
    await pool?.close();
    server?.close();
  });

  it('converts a DOCX with Chinese and Hebrew text to a PDF that keeps both', slow, async () => {
    const pdf = await pool.convert(
      docx(paragraph('甲方：上海示例有限公司') + paragraph('הסכם שירות', { rtl: true })),
      { extension: 'docx' },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('上海示例有限公司');
    expect(text).toContain('הסכם');
  });

  it('never fetches an image a DOCX links from a server (no SSRF), and still converts it', slow, async () => {
    const { port } = server.address() as AddressInfo;
    const pdf = await pool.convert(remoteImageDocx(`http://127.0.0.1:${port}/tracker.png`), {
      extension: 'docx',
    });
    expect(pdfText(pdf)).toContain('Linked image below.');
    expect(requests).toEqual([]);
  });

  it(
    'control: LibreOffice with a default profile does fetch that image (the attack the pool blocks)',
    slow,
    async () => {
      const { port } = server.address() as AddressInfo;
      const dir = join(baseDir, 'control');
      const file = join(dir, 'remote.docx');
      execFileSync('mkdir', ['-p', dir]);
      writeFileSync(file, remoteImageDocx(`http://127.0.0.1:${port}/control.png`));
      await new Promise((resolve) =>
        spawn(
          'soffice',
          [
            '--headless',
            `-env:UserInstallation=file://${dir}/profile`,
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            file,
          ],
          {
            stdio: 'ignore',
          },
        ).on('exit', resolve),
      );
      expect(requests.filter((line) => line.includes('/control.png')).length).toBeGreaterThan(0);
      requests.length = 0;
    },
  );

  it('refuses macro-enabled formats without starting a conversion', async () => {
    const before = pool.stats().converted;
    const error = await rejectionOf(pool.convert(docx(paragraph('x')), { extension: 'docm' as never }));
    expect(error.reason).toBe('unsupported_type');
    expect(pool.stats().converted).toBe(before);
  });

  it('fails a damaged file with a clear error and keeps converting the next one', slow, async () => {
    const error = await rejectionOf(
      pool.convert(Buffer.from('PK\u0003\u0004 not really a zip'), { extension: 'docx' }),
    );
    expect(['unreadable', 'crashed']).toContain(error.reason);
    const pdf = await pool.convert(docx(paragraph('after the damaged file')), { extension: 'docx' });
    expect(pdfText(pdf)).toContain('after the damaged file');
  });

  it('fails the file whose LibreOffice dies mid-conversion, then recovers', slow, async () => {
    const running = pool.convert(longDocx(150), { extension: 'docx' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const pids = sofficePidsOf({ baseDir });
    expect(pids.length).toBe(1);
    process.kill(pids[0] as number, 'SIGKILL');
    const error = await rejectionOf(running);
    expect(error.reason).toBe('crashed');
    expect(error.message).toMatch(/LibreOffice (exited|crashed)/);
    const pdf = await pool.convert(docx(paragraph('after the crash')), { extension: 'docx' });
    expect(pdfText(pdf)).toContain('after the crash');
    expect(pool.stats().restarts).toBeGreaterThanOrEqual(1);
  });

  it('kills a file that passes the per-file timeout and serves the next file', slow, async () => {
    const error = await rejectionOf(pool.convert(longDocx(150), { extension: 'docx', timeoutMs: 150 }));
    expect(error.reason).toBe('timeout');
    const pdf = await pool.convert(docx(paragraph('after the timeout')), { extension: 'docx' });
    expect(pdfText(pdf)).toContain('after the timeout');
  });

  it('restarts a worker after its quota of files, with a fresh profile', slow, async () => {
    const before = pool.stats().restarts;
    for (let index = 0; index < 5; index += 1) {
      await pool.convert(docx(paragraph(`file ${index}`)), { extension: 'docx' });
    }
    expect(pool.stats().restarts).toBeGreaterThan(before);
    expect(pool.stats().alive).toBe(1);
  });

  it('maps SimSun, Microsoft YaHei and DengXian to Noto CJK SC in the workers fontconfig only', () => {
    const env = { ...process.env, FONTCONFIG_FILE: join(baseDir, 'fonts.conf') };
    const match = (family: string) => execFileSync('fc-match', [family], { env, encoding: 'utf8' });
    expect(match('SimSun')).toMatch(/Noto Serif CJK/);
    expect(match('Microsoft YaHei')).toMatch(/Noto Sans CJK/);
    expect(match('DengXian')).toMatch(/Noto Sans CJK/);
    // system-wide configuration untouched
    const systemMatch = execFileSync('fc-match', ['SimSun'], { encoding: 'utf8' });
    expect(systemMatch).not.toMatch(/Noto Serif CJK/);
  });
});

describe('LibreOffice conversion pool limits', () => {
  it('kills a worker that passes its memory limit and fails only that file', slow, async () => {
    const baseDir = join(tmpdir(), `signx-convert-memory-${process.pid}`);
    const pool = await ConvertPool.start({ baseDir, workers: 1, memoryLimitBytes: 160 * 1048576 });
    try {
      const resident = await treeResidentBytes(process.pid);
      expect(resident).toBeGreaterThan(0);
      const error = await rejectionOf(pool.convert(longDocx(300), { extension: 'docx' }));
      expect(error.reason).toBe('memory');
    } finally {
      await pool.close();
    }
  });

  it('cuts workers off the network when the kernel allows it', slow, async () => {
    const baseDir = join(tmpdir(), `signx-convert-isolated-${process.pid}`);
    const pool = await ConvertPool.start({ baseDir, workers: 1, networkIsolation: 'required' });
    try {
      expect(pool.stats().networkIsolated).toBe(true);
      const pdf = await pool.convert(docx(paragraph('isolated worker')), { extension: 'docx' });
      expect(pdfText(pdf)).toContain('isolated worker');
    } finally {
      await pool.close();
    }
  });
});
