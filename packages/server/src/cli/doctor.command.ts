import { spawnSync } from 'node:child_process';
import { createContext } from '../platform/app-context.js';
import { integrityProblems } from '../platform/db/database-check.js';
import { pendingMigrations } from '../platform/db/migrator.js';
import type { CommandContext } from './commands.js';

interface Finding {
  name: string;
  ok: boolean;
  required: boolean;
  detail: string;
}

/**
 * Checks what SignX needs and reports in plain words: configuration (already valid when we
 * get here), database reachable and migrated, storage writable, and the optional tools
 * some features use. Exit 1 when something required is missing.
 */
export async function run(_args: string[], { config, io }: CommandContext): Promise<number> {
  if (!config) return 2;
  const ctx = createContext(config);
  const findings: Finding[] = [{ name: 'configuration', ok: true, required: true, detail: 'valid' }];
  try {
    const database = await databaseFinding(ctx);
    findings.push(database);
    if (database.ok) findings.push(await integrityFinding(ctx));
    findings.push(await storageFinding(ctx));
  } finally {
    await ctx.database.destroy();
  }
  findings.push(...toolFindings(config.tools.libreOffice));
  for (const f of findings) {
    const mark = f.ok ? 'ok     ' : f.required ? 'MISSING' : 'absent ';
    io.stdout(`${mark} ${f.name.padEnd(14)} ${f.detail}`);
  }
  const failed = findings.filter((f) => f.required && !f.ok);
  io.stdout(failed.length === 0 ? '\nSignX can run.' : `\n${failed.length} required check(s) failed.`);
  return failed.length === 0 ? 0 : 1;
}

async function databaseFinding(ctx: ReturnType<typeof createContext>): Promise<Finding> {
  const name = `database (${ctx.config.database.dialect})`;
  try {
    const pending = await pendingMigrations(ctx.db);
    return pending.length === 0
      ? { name, ok: true, required: true, detail: 'reachable, migrations current' }
      : {
          name,
          ok: true,
          required: true,
          detail: `reachable; ${pending.length} migration(s) will be applied at start (or run "signx migrate")`,
        };
  } catch (error) {
    return { name, ok: false, required: true, detail: `cannot connect: ${(error as Error).message}` };
  }
}

/**
 * A page-corrupted SQLite file opens, migrates and answers simple queries; only reads that
 * touch the damage fail. quick_check reads every page, so doctor finds it before users do.
 */
async function integrityFinding(ctx: ReturnType<typeof createContext>): Promise<Finding> {
  const name = 'integrity';
  if (ctx.config.database.dialect !== 'sqlite') {
    return {
      name,
      ok: true,
      required: true,
      detail: 'checked by PostgreSQL itself (page checksums, if enabled)',
    };
  }
  try {
    const problems = await integrityProblems(ctx.database);
    if (problems.length === 0)
      return { name, ok: true, required: true, detail: 'every page reads back (quick_check)' };
    return {
      name,
      ok: false,
      required: true,
      detail: damagedAdvice(ctx.config.database.file ?? '', problems),
    };
  } catch (error) {
    return {
      name,
      ok: false,
      required: true,
      detail: damagedAdvice(ctx.config.database.file ?? '', [(error as Error).message]),
    };
  }
}

function damagedAdvice(file: string, problems: string[]): string {
  return [
    `the database file is damaged: ${problems.slice(0, 3).join('; ')}`,
    `  What to do: stop SignX; keep a copy of ${file} (and its -wal file) as it is;`,
    '  restore the latest backup into its place, or, without a backup, salvage what is readable:',
    `  sqlite3 ${file} ".recover" | sqlite3 recovered.db, then move recovered.db into place;`,
    '  start SignX and run "signx audit verify" to see whether any audit event was lost.',
  ].join('\n');
}

async function storageFinding(ctx: ReturnType<typeof createContext>): Promise<Finding> {
  const name = `storage (${ctx.config.storage.backend})`;
  try {
    await ctx.storage.check();
    return { name, ok: true, required: true, detail: 'writable and readable' };
  } catch (error) {
    return { name, ok: false, required: true, detail: `not usable: ${(error as Error).message}` };
  }
}

const tools: { name: string; command: string; args: string[]; use: string }[] = [
  { name: 'LibreOffice', command: '', args: ['--version'], use: 'DOCX templates to PDF and previews' },
  { name: 'qpdf', command: 'qpdf', args: ['--version'], use: 'PDF structure checks in tests' },
  { name: 'pdfsig', command: 'pdfsig', args: ['-v'], use: 'independent signature validation in tests' },
  { name: 'mutool', command: 'mutool', args: ['-v'], use: 'independent signature checks in tests' },
  { name: 'chromium', command: 'chromium', args: ['--version'], use: 'end-to-end browser tests' },
];

function toolFindings(libreOffice: string): Finding[] {
  return tools.map((tool) => {
    const command = tool.command || libreOffice;
    const result = spawnSync(command, tool.args, { encoding: 'utf8', timeout: 20_000 });
    const ok = result.error === undefined && result.status !== null;
    const detail = ok
      ? `${command} found`
      : `${command} not found; needed for ${tool.use} (install: scripts/system-deps.sh)`;
    return { name: tool.name, ok, required: false, detail };
  });
}
