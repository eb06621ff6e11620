import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ClauseRow } from './clause-table.js';
import type { TestOutcome } from './test-runner.js';

/** The signed validation report (§11.10(a), (k)): one entry per clause with its tests' results. */
export interface ComplianceReport {
  format: 'signx-compliance-report/1';
  generated_at: string;
  commit: string;
  node_version: string;
  signx_version: string;
  summary: { clauses: number; tests: number; passed: number; failed: number; missing: number };
  clauses: {
    pack: ClauseRow['pack'];
    clause: string;
    signx_responsibility: string;
    customer_responsibility: string;
    evidence: string;
    result: 'passed' | 'failed' | 'no automated test';
    tests: {
      file: string;
      name: string;
      status: TestOutcome['status'];
      duration_ms: number;
      cases: number;
      failure?: string;
    }[];
  }[];
}

/** The commit the tests ran on (with `+dirty` when the work tree differs), or `unknown` outside git. */
export function currentCommit(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

function serverVersion(): string {
  const pkg = new URL('../../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** Builds the report from the rows and the outcome of every test they name (same order). */
export function buildReport(
  rows: ClauseRow[],
  outcomes: TestOutcome[],
  meta: { commit: string; now: Date },
): ComplianceReport {
  let next = 0;
  const clauses = rows.map((row) => {
    const tests = row.tests.map(() => outcomes[next++] as TestOutcome);
    const result: ComplianceReport['clauses'][number]['result'] =
      tests.length === 0
        ? 'no automated test'
        : tests.every((t) => t.status === 'passed')
          ? 'passed'
          : 'failed';
    return {
      pack: row.pack,
      clause: row.clause,
      signx_responsibility: row.signx,
      customer_responsibility: row.customer,
      evidence: row.evidence,
      result,
      tests: tests.map((t) => ({
        file: t.file,
        name: t.name,
        status: t.status,
        duration_ms: t.durationMs,
        cases: t.cases,
        ...(t.failure ? { failure: t.failure } : {}),
      })),
    };
  });
  const count = (s: TestOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    format: 'signx-compliance-report/1',
    generated_at: meta.now.toISOString(),
    commit: meta.commit,
    node_version: process.version,
    signx_version: serverVersion(),
    summary: {
      clauses: rows.length,
      tests: outcomes.length,
      passed: count('passed'),
      failed: count('failed'),
      missing: count('missing'),
    },
    clauses,
  };
}
