import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.js';

/** Overwrites the b-tree page of `table` with garbage, as a bad disk sector would. */
function corruptTablePage(file: string, table: string): void {
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const { rootpage } = db.prepare('select rootpage from sqlite_master where name = ?').get(table) as {
    rootpage: number;
  };
  db.close();
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('signx doctor on a damaged SQLite file', () => {
  it('finds page corruption that a plain query misses and says what to do', async () => {
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'signx-doctor-')),
      LOG_LEVEL: 'warn',
      SECRET_KEY: 'k'.repeat(40),
    };
    expect((await runCli(['migrate'], env)).code).toBe(0);
    const healthy = await runCli(['doctor'], env);
    expect(healthy.output).toMatch(/ok\s+integrity\s+every page reads back/);

    corruptTablePage(join(env.DATA_DIR, 'signx.db'), 'jobs');
    const { code, output } = await runCli(['doctor'], env);
    expect(code).toBe(1);
    // The database still "answers": only reading the damaged table fails.
    expect(output).toMatch(/ok\s+database \(sqlite\)/);
    expect(output).toMatch(/MISSING integrity\s+the database file is damaged/);
    expect(output).toContain('restore the latest backup');
    expect(output).toContain('.recover');
    expect(output).toContain('signx audit verify');
  }, 60_000);
});
