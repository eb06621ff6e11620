import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTestDeps, disableAuditGuards, recordSome, TEST_MASTER_SECRET } from '../../test/audit-kit.js';
import { FROM_SOURCE } from '../../test/source-node.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { loadConfig } from '../config.js';
import { eventsAfter } from '../modules/audit/chain/chain.repository.js';
import { eventMac, MAC_PURPOSE } from '../modules/audit/chain/recorder.settings.js';
import { createCheckpoint } from '../modules/audit/checkpoints/checkpoints.service.js';
import { audit, systemActor } from '../modules/audit/index.js';
import { buildBundle } from '../modules/audit/proofs/bundle.service.js';
import { createContext } from '../platform/app-context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { run } from './audit.command.js';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
let database: TestDatabase;
let deps: ReturnType<typeof auditTestDeps>;
let env: Record<string, string>;

beforeEach(async () => {
  database = await createTestDatabase();
  deps = auditTestDeps(database.db);
  const { file, url, searchPath } = database.location;
  env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: deps.dir,
    SECRET_KEY: TEST_MASTER_SECRET,
    DATABASE_URL: file ? `sqlite:${file}` : `${url}?options=-c%20search_path%3D${searchPath}`,
    KEYRING_DIR: join(deps.dir, 'keyring'),
    STORAGE_PATH: join(deps.dir, 'storage'),
    AUDIT_ANCHOR_DIR: deps.anchorDir,
  };
  await recordSome(database.db, 6);
  await createCheckpoint(deps, 'main');
});
afterEach(async () => {
  await database.destroy();
  deps.cleanup();
});

async function cli(args: string[]) {
  const out: string[] = [];
  const status = await run(args, {
    config: loadConfig(env),
    io: { stdout: (t) => out.push(t), stderr: (t) => out.push(t) },
  });
  return { status, output: out.join('\n') };
}

describe('signx audit', () => {
  it('verify: exit 0 with the count, exit 1 naming the first broken event', async () => {
    expect(await cli(['verify'])).toEqual({
      status: 0,
      output: expect.stringContaining('OK: 6 events verified.'),
    });
    await disableAuditGuards(database.db);
    await database.db.updateTable('audit_events').set({ reason: 'edited' }).where('seq', '=', 3).execute();
    const broken = await cli(['verify']);
    expect(broken.status).toBe(1);
    expect(broken.output).toMatch(/chain main: BROKEN at event 3 \(.+\): content was altered/);
  });

  it('verify runs as the real command line against the stopped server database', async () => {
    const result = await promisify(execFile)(process.execPath, [...FROM_SOURCE, main, 'audit', 'verify'], {
      env: { ...process.env, ...env },
    });
    expect(result.stdout).toContain('OK: 6 events verified.');
  });

  it('verify-bundle: accepts an exported bundle, rejects any altered byte or an untrusted key', async () => {
    const bundle = await buildBundle(deps, 'main', await eventsAfter(database.db, 'main', 0, 100));
    const file = join(deps.dir, 'bundle.json');
    writeFileSync(file, JSON.stringify(bundle));
    const good = await cli(['verify-bundle', file, '--key-id', bundle.public_key.key_id]);
    expect(good).toEqual({
      status: 0,
      output: expect.stringContaining('OK: 6 events verified against checkpoint of size 6'),
    });
    expect(good.output).toContain(`Signing key id: ${bundle.public_key.key_id} (matches the trusted key id)`);
    const wrongKey = await cli(['verify-bundle', file, '--key-id', '0123456789abcdef']);
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.output).not.toContain('matches the trusted key id');
    expect(wrongKey.output).toContain('does NOT match the trusted key id 0123456789abcdef');
    expect(wrongKey.output).toContain('FAILED: the bundle does not verify.');
    expect(good.output).toContain('Selection: all 6 events matching');
    const missing = structuredClone(bundle);
    missing.events.splice(3, 1);
    writeFileSync(file, JSON.stringify(missing));
    const incomplete = await cli(['verify-bundle', file]);
    expect(incomplete.status).toBe(1);
    expect(incomplete.output).toContain('event 4 is in the signed selection but missing from the bundle');
    const proof = bundle.events[2]?.inclusion_proof as string[];
    proof[0] = `${proof[0]?.slice(0, 10)}${proof[0]?.[10] === 'a' ? 'b' : 'a'}${proof[0]?.slice(11)}`;
    writeFileSync(file, JSON.stringify(bundle));
    const bad = await cli(['verify-bundle', file]);
    expect(bad.status).toBe(1);
    expect(bad.output).toMatch(/event 3 .*inclusion proof does not lead to the signed root/);
    expect((await cli(['verify-bundle', join(deps.dir, 'missing.json')])).status).toBe(2);
    expect((await cli(['frobnicate'])).status).toBe(2);
  });

  it('events recorded through any AppContext (CLI commands, first start) carry the installation MAC', async () => {
    const ctx = createContext(loadConfig(env));
    try {
      await inTransaction(ctx.db, (trx) =>
        audit.record(trx, { action: 'test.cli.ran', actor: systemActor('cli'), entityType: 'thing' }),
      );
      const [row] = await eventsAfter(ctx.db, 'main', 6, 1);
      expect(row?.mac).toBe(eventMac(row?.leaf_hash as string, ctx.keyring.secret(MAC_PURPOSE)));
    } finally {
      await ctx.jobs.stop().catch(() => undefined);
      await ctx.database.destroy();
    }
    expect(await cli(['checkpoint'])).toEqual({
      status: 0,
      output: expect.stringContaining('main: checkpoint of 7 events'),
    });
    expect(await cli(['verify'])).toEqual({
      status: 0,
      output: expect.stringContaining('OK: 7 events verified.'),
    });
  });
});
