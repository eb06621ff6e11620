import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { childEnvironment } from '../../config.js';
import type { NamedTest } from './clause-table.js';

/** The outcome of one named test: `missing` when no test of that title ran in that file. */
export interface TestOutcome extends NamedTest {
  status: 'passed' | 'failed' | 'missing';
  durationMs: number;
  /** How many test cases the title stands for (a parameterised title: one per case). */
  cases: number;
  failure?: string;
}

interface AssertionResult {
  title: string;
  status: string;
  duration?: number | null;
  failureMessages?: string[];
}
interface JsonReport {
  testResults: { name: string; assertionResults: AssertionResult[] }[];
}

/** A title as a pattern: literal text, each `${…}` of a parameterised title any text. */
function titlePattern(name: string): string {
  return name
    .split(/\$\{[^}]*\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
}

/**
 * The test files that run a named file: itself for a `*.test.ts`, and for a shared suite
 * (`*.contract.ts`) the test files beside it that import it.
 */
export function testFilesFor(root: string, file: string): string[] {
  if (/\.test\.ts$/.test(file)) return [file];
  const dir = dirname(file);
  const stem = basename(file, '.ts');
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.test.ts') && readFileSync(join(root, dir, f), 'utf8').includes(`${stem}.js`))
    .map((f) => `${dir}/${f}`);
}

/**
 * Runs only the named tests (their files, filtered by their titles) with Vitest's JSON
 * reporter in a child process at the repository root, and says for each whether it passed.
 */
export async function runNamedTests(root: string, tests: NamedTest[]): Promise<TestOutcome[]> {
  const present = tests.filter((t) => existsSync(join(root, t.file)));
  const files = [...new Set(present.flatMap((t) => testFilesFor(root, t.file)))];
  const results = files.length > 0 ? await vitestJson(root, files, present) : { testResults: [] };
  return tests.map((test) => outcome(root, test, results));
}

function outcome(root: string, test: NamedTest, report: JsonReport): TestOutcome {
  const files = existsSync(join(root, test.file)) ? testFilesFor(root, test.file) : [];
  const pattern = new RegExp(`^${titlePattern(test.name)}$`, 's');
  const matches = report.testResults
    .filter((r) => files.includes(relative(root, r.name).split(sep).join('/')))
    .flatMap((r) => r.assertionResults)
    .filter((a) => pattern.test(a.title));
  const durationMs = Math.round(matches.reduce((sum, a) => sum + (a.duration ?? 0), 0));
  if (matches.length === 0) return { ...test, status: 'missing', durationMs, cases: 0 };
  const failed = matches.find((a) => a.status !== 'passed');
  if (!failed) return { ...test, status: 'passed', durationMs, cases: matches.length };
  const failure = failed.failureMessages?.[0]?.split('\n')[0] ?? `status ${failed.status}`;
  return { ...test, status: 'failed', durationMs, cases: matches.length, failure };
}

async function vitestJson(root: string, files: string[], tests: NamedTest[]): Promise<JsonReport> {
  const dir = mkdtempSync(join(tmpdir(), 'signx-compliance-'));
  const output = join(dir, 'results.json');
  const filter = [...new Set(tests.map((t) => titlePattern(t.name)))].join('|');
  const args = [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json'];
  args.push(`--outputFile=${output}`, '-t', filter, ...files);
  // A report run from inside a test run must not look like one of its workers.
  const env = childEnvironment((name) => name.startsWith('VITEST'));
  try {
    const stderr: Buffer[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (!existsSync(output))
      throw new Error(
        `vitest wrote no results (exit ${code}): ${Buffer.concat(stderr).toString().slice(-2000)}`,
      );
    return JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
