import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.js';

/** `serve` refuses to start before it writes anything: no migration, no password, no keyring. */
describe('serve pre-flight checks', () => {
  let blocker: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
    blocker = undefined;
  });

  it('refuses a taken port before migrating or printing the one-time admin password', async () => {
    blocker = createServer();
    const server = blocker;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const dataDir = mkdtempSync(join(tmpdir(), 'signx-port-'));
    const { code, output } = await runCli(['serve', '--port', String(port)], {
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SECRET_KEY: 'k'.repeat(40),
    });
    expect(code).toBe(1);
    expect(output).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(output).not.toMatch(/password/i);
    expect(existsSync(join(dataDir, 'signx.db'))).toBe(false);
  }, 60_000);

  it('refuses a data directory whose database file is garbage, writing no keyring and keeping the file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'signx-garbage-'));
    mkdirSync(dataDir, { recursive: true });
    const garbage = randomBytes(8192);
    writeFileSync(join(dataDir, 'signx.db'), garbage);
    // No SECRET_KEY: a start would generate the master key into DATA_DIR/keyring.
    const { code, output } = await runCli(['serve', '--port', '0'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(code).toBe(1);
    expect(output).toContain('signx.db is not a usable SQLite database');
    expect(output).toContain('restore it from a backup');
    expect(output).not.toMatch(/password/i);
    expect(existsSync(join(dataDir, 'keyring'))).toBe(false);
    expect(readFileSync(join(dataDir, 'signx.db')).equals(garbage)).toBe(true);
  }, 60_000);
});
