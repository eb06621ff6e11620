import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, waitForOk } from '../../test/cli-process.js';

const freshEnv = () => ({
  DATA_DIR: mkdtempSync(join(tmpdir(), 'signx-cli-')),
  LOG_LEVEL: 'warn',
  SECRET_KEY: 'k'.repeat(40),
});
const randomPort = () => 20_000 + Math.floor(Math.random() * 20_000);

describe('signx CLI', () => {
  it('exits with status 2 and lists every configuration problem', async () => {
    const { code, output } = await runCli(['migrate'], {
      ...freshEnv(),
      PORT: 'x',
      STORAGE_BACKEND: 'ftp',
      QUEUE_URL: 'http://nope',
    });
    expect(code).toBe(2);
    expect(output).toContain('PORT: must be a whole number');
    expect(output).toContain('STORAGE_BACKEND: must be one of local, s3');
    expect(output).toContain('QUEUE_URL: has an invalid format');
  });

  it('migrates, then reports the database as current', async () => {
    const env = freshEnv();
    const first = await runCli(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.output).toContain('Applied: 2026_11_22_0001_platform');
    const second = await runCli(['migrate'], env);
    expect(second.output).toContain('Database is up to date.');
  });

  it('doctor checks database, storage and optional tools in plain words', async () => {
    const { code, output } = await runCli(['doctor'], {
      ...freshEnv(),
      LIBREOFFICE_PATH: '/nonexistent/soffice',
    });
    expect(code).toBe(0);
    expect(output).toMatch(/ok\s+database \(sqlite\)/);
    expect(output).toMatch(/ok\s+storage \(local\)/);
    expect(output).toContain('/nonexistent/soffice not found; needed for DOCX templates');
    const broken = await runCli(['doctor'], {
      ...freshEnv(),
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/MISSING database \(postgres\)\s+cannot connect/);
  });

  it('prints the configuration reference', async () => {
    const { code, output } = await runCli(['config'], {});
    expect(code).toBe(0);
    expect(output).toContain('| `DATABASE_URL` |  | sqlite:<file> or postgres:');
  });

  it('serves with several worker processes on one port and drains them on SIGTERM', async () => {
    const port = randomPort();
    const child = spawnCli(['serve', '--workers', '2', '--port', String(port)], freshEnv());
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Three processes compile the TypeScript sources on start: on a loaded 2-core machine that
    // took over 30 s, so readiness may take up to 100 s (the test's own limit is 120 s); a
    // cluster that never comes up is killed, not left running after the failure.
    const ready = await waitForOk(`http://127.0.0.1:${port}/ready`, 1_000).catch((error: unknown) => {
      child.kill('SIGTERM');
      throw error;
    });
    expect(await ready.json()).toMatchObject({ status: 'ready' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${port}/health`)),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    // Metrics are summed over the workers, whichever of them answers the scrape.
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const healthCount = metrics.match(
      /signx_http_request_duration_seconds_count\{[^}]*route="\/health"[^}]*\} (\d+)/,
    );
    expect(Number(healthCount?.[1])).toBe(20);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
