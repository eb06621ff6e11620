import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { certificatesFromPem } from '@signx/pades';
import { createPlatformTrust } from '../../platform/trust/platform-trust.js';
import { parseOptions } from '../cli-io.js';
import { type ClauseRow, PACK_FILES, readPacks, shippedTable } from './clause-table.js';
import { buildReport, currentCommit } from './report.js';
import { reportPdf } from './report-pdf.js';
import { signJson, verifyJson, verifyPdf } from './report-signature.js';
import { runNamedTests } from './test-runner.js';

/** Where the command works: the platform PKI (DATA_DIR) and the repository whose tests it runs. */
export interface ComplianceIo {
  dataDir: string;
  publicUrl: string;
  /** The repository root (holds docs/compliance and the tests); default: found from the cwd. */
  root?: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const complianceUsage = `Usage:
  signx compliance report [--out DIR] [--clause C]... [--root DIR]
  signx compliance verify <report.json> [--pdf FILE] [--trust PEM]
  signx compliance table [--check]`;

/** `signx compliance report|verify|table`; resolves to the exit status. */
export async function runComplianceCommand(args: string[], io: ComplianceIo): Promise<number> {
  const [sub, ...rest] = args;
  const { options, positional } = parseOptions(rest, ['check']);
  const many = (name: string) => collect(rest, name);
  const root = resolve(str(options.root) ?? io.root ?? findRoot(process.cwd()));
  const docs = str(options.docs);
  if (sub === 'report') return report({ root, docs, out: str(options.out), clauses: many('clause') }, io);
  if (sub === 'verify' && positional[0]) return verify(positional[0], options, io);
  if (sub === 'table') return table(root, options.check === true, io);
  io.stderr(complianceUsage);
  return 2;
}

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);

function collect(args: string[], name: string): string[] {
  return args.flatMap((a, i) => (a === `--${name}` && args[i + 1] ? [args[i + 1] as string] : []));
}

/** The nearest directory upward that holds the compliance packs (a clone's root). */
export function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, PACK_FILES.part11))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/** The rows to report: the packs of the clone (a test keeps clauses.json equal to them), else the shipped table. */
function rowsOf(root: string, docs: string | undefined, clauses: string[]): ClauseRow[] {
  const all = docs || existsSync(join(root, PACK_FILES.part11)) ? readPacks(root, docs) : shippedTable();
  if (clauses.length === 0) return all;
  const unknown = clauses.filter((c) => !all.some((r) => r.clause.startsWith(c)));
  if (unknown.length > 0) throw new Error(`no clause starts with: ${unknown.join(', ')}`);
  return all.filter((r) => clauses.some((c) => r.clause.startsWith(c)));
}

interface ReportOptions {
  root: string;
  docs: string | undefined;
  out: string | undefined;
  clauses: string[];
}

async function report({ root, docs, out, clauses }: ReportOptions, io: ComplianceIo) {
  const rows = rowsOf(root, docs, clauses);
  const outcomes = await runNamedTests(
    root,
    rows.flatMap((r) => r.tests),
  );
  const result = buildReport(rows, outcomes, { commit: currentCommit(root), now: new Date() });
  const json = Buffer.from(`${JSON.stringify(result, null, 2)}\n`);
  const trust = createPlatformTrust({ dataDir: io.dataDir, publicUrl: io.publicUrl });
  const signing = { signer: await trust.sealSigner(), timestamper: await trust.timestamper() };
  const dir = resolve(out ?? `compliance-report-${result.generated_at.replace(/[:.]/g, '-')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.json'), json);
  writeFileSync(join(dir, 'report.json.p7s'), await signJson(json, signing.signer, signing.timestamper));
  writeFileSync(join(dir, 'report.pdf'), await reportPdf(result, json, signing));
  const s = result.summary;
  io.stdout(
    `${s.clauses} clauses, ${s.tests} tests: ${s.passed} passed, ${s.failed} failed, ${s.missing} missing`,
  );
  for (const c of result.clauses)
    for (const t of c.tests.filter((x) => x.status !== 'passed'))
      io.stderr(
        `${t.status}: ${c.clause.slice(0, 40)} — ${t.file} — "${t.name}"${t.failure ? `: ${t.failure}` : ''}`,
      );
  io.stdout(`report written to ${dir} (report.json, report.json.p7s, report.pdf)`);
  return s.failed + s.missing === 0 ? 0 : 1;
}

async function verify(file: string, options: Record<string, string | true>, io: ComplianceIo) {
  const trustFile = str(options.trust);
  const anchors = trustFile
    ? certificatesFromPem(readFileSync(trustFile, 'utf8'))
    : [await createPlatformTrust({ dataDir: io.dataDir, publicUrl: io.publicUrl }).rootCertificate()];
  const json = readFileSync(file);
  const p7s = `${file}.p7s`;
  if (!existsSync(p7s)) {
    io.stderr(`NOT VALID: no detached signature ${p7s}`);
    return 1;
  }
  const { problems, subject } = await verifyJson(json, readFileSync(p7s), anchors);
  const pdf = str(options.pdf) ?? join(dirname(file), 'report.pdf');
  if (existsSync(pdf)) problems.push(...(await verifyPdf(readFileSync(pdf), json, anchors)));
  if (problems.length > 0) {
    io.stderr(`NOT VALID: ${file}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  io.stdout(`VALID: ${file}${existsSync(pdf) ? ` and ${pdf}` : ''}, signed by ${subject ?? 'unknown'}`);
  return 0;
}

/** Writes the shipped clause table from the packs, or (--check) says whether it is current. */
function table(root: string, check: boolean, io: ComplianceIo) {
  const path = join(root, 'packages/server/src/cli/compliance/clauses.json');
  const text = `${JSON.stringify(readPacks(root), null, 2)}\n`;
  if (check) {
    const current = existsSync(path) && readFileSync(path, 'utf8') === text;
    (current ? io.stdout : io.stderr)(
      current ? 'clauses.json is current' : 'clauses.json differs from the packs',
    );
    return current ? 0 : 1;
  }
  writeFileSync(path, text);
  io.stdout(`wrote ${path}`);
  return 0;
}
