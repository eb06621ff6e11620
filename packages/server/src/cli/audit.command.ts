import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { auditDeps } from '../modules/audit/audit.deps.js';
import { checkpointAll } from '../modules/audit/checkpoints/checkpoints.service.js';
import { type AuditBundle, verifyBundle } from '../modules/audit/proofs/bundle.js';
// Registers the audit module's context initializer (event MAC secret, clock, version).
import '../modules/audit/index.js';
import { AUDIT_CHAINS } from '../modules/audit/chain/chain.types.js';
import { archiveExpired } from '../modules/audit/retention/retention.service.js';
import { type VerifyReport, verifyAuditLog } from '../modules/audit/verify/verify.service.js';
import { createContext } from '../platform/app-context.js';
import type { CliIo } from './cli-io.js';
import { parseOptions } from './cli-io.js';
import type { CommandContext } from './commands.js';

const usage = `Usage:
  signx audit verify [--json]                  recompute chains and checkpoints (exit 1 names the first broken event)
  signx audit verify-bundle <file> [--key-id ID] [--json]
                                               verify an exported evidence bundle offline (no database)
  signx audit checkpoint                       sign and anchor a checkpoint of every chain now
  signx audit archive                          archive events older than AUDIT_RETENTION_DAYS to storage`;

/** `signx audit ...`: verification (also with the server stopped), checkpoints, retention. */
export async function run(args: string[], { config, io }: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  const { options, positional } = parseOptions(rest, ['json']);
  if (sub === 'verify-bundle') return verifyBundleFile(positional[0], options, io);
  if (sub !== 'verify' && sub !== 'checkpoint' && sub !== 'archive') {
    io.stderr(usage);
    return 2;
  }
  const ctx = createContext(config ?? loadConfig());
  try {
    const deps = auditDeps(ctx);
    if (sub === 'checkpoint') {
      const made = await checkpointAll(deps, AUDIT_CHAINS);
      io.stdout(
        made.length === 0
          ? 'No new events since the last checkpoint.'
          : made
              .map((c) => `${c.chain}: checkpoint of ${c.tree_size} events, root ${c.root_hash}`)
              .join('\n'),
      );
      return 0;
    }
    if (sub === 'archive') {
      const archived = await archiveExpired(deps);
      io.stdout(
        archived.length === 0
          ? 'Nothing to archive.'
          : archived
              .map((a) => `${a.chain}: events ${a.fromSeq}–${a.toSeq} archived as ${a.storageKey}`)
              .join('\n'),
      );
      return 0;
    }
    const report = await verifyAuditLog(deps, AUDIT_CHAINS);
    io.stdout(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return report.isValid ? 0 : 1;
  } finally {
    await ctx.jobs.stop().catch(() => undefined);
    await ctx.database.destroy();
  }
}

function formatReport(report: VerifyReport): string {
  const lines = report.chains.map((c) =>
    c.broken
      ? `chain ${c.chain}: BROKEN at event ${c.broken.seq}${c.broken.id ? ` (${c.broken.id})` : ''}: ${c.broken.problem}`
      : `chain ${c.chain}: ${c.events} events verified, ${c.checkpoints} signed checkpoints (${c.anchoredCheckpoints} anchored)`,
  );
  lines.push(
    report.isValid ? `OK: ${report.events} events verified.` : 'FAILED: the audit log does not verify.',
  );
  return lines.join('\n');
}

function verifyBundleFile(
  file: string | undefined,
  options: Record<string, string | true>,
  io: CliIo,
): number {
  if (!file) {
    io.stderr(usage);
    return 2;
  }
  let bundle: AuditBundle;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8')) as AuditBundle;
  } catch (error) {
    io.stderr(`Cannot read bundle ${file}: ${(error as Error).message}`);
    return 2;
  }
  const trusted = typeof options['key-id'] === 'string' ? options['key-id'] : undefined;
  let report: ReturnType<typeof verifyBundle>;
  try {
    report = verifyBundle(bundle, trusted);
  } catch (error) {
    io.stderr(`Bundle is malformed: ${(error as Error).message}`);
    return 1;
  }
  if (options.json) io.stdout(JSON.stringify(report, null, 2));
  else {
    io.stdout(`Signing key id: ${report.keyId}${keyIdVerdict(report.keyId, trusted)}`);
    if (report.selection) io.stdout(selectionLine(report.selection));
    for (const problem of report.problems) io.stdout(`  - ${problem}`);
    io.stdout(
      report.isValid
        ? `OK: ${report.eventsVerified} events verified against checkpoint of size ${bundle.checkpoint.tree_size}.`
        : 'FAILED: the bundle does not verify.',
    );
  }
  return report.isValid ? 0 : 1;
}

/** What the printed key id means: a match is claimed only when the ids are really equal. */
function keyIdVerdict(keyId: string, trusted: string | undefined): string {
  if (!trusted) return ' - compare it with the key id your organisation published';
  return keyId === trusted
    ? ' (matches the trusted key id)'
    : ` (does NOT match the trusted key id ${trusted})`;
}

/** What the bundle claims to hold, so a partial export (limit) is never mistaken for all. */
function selectionLine(selection: NonNullable<ReturnType<typeof verifyBundle>['selection']>): string {
  const filter = JSON.stringify(selection.filter);
  return selection.included === selection.total
    ? `Selection: all ${selection.total} events matching ${filter}`
    : `Selection: the first ${selection.included} of ${selection.total} events matching ${filter} (export limit)`;
}
