import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ComplianceIo, runComplianceCommand } from './compliance.command.js';
import type { ComplianceReport } from './report.js';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

function io(dir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: ComplianceIo = {
    dataDir: join(dir, 'data'),
    publicUrl: 'http://localhost:3000',
    root,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
  };
  return { value, out, err };
}

// Each case runs the named tests for real in a child Vitest process.
describe('signx compliance report / verify', { timeout: 480_000 }, () => {
  it('reports two clauses: results per test, signed JSON and PDF verify; a changed byte fails verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-compliance-'));
    const out = join(dir, 'report');
    const run = io(dir);
    const args = ['report', '--out', out, '--clause', '§11.10(k)', '--clause', '§11.100(c)'];
    expect(await runComplianceCommand(args, run.value), run.err.join('\n')).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ComplianceReport;
    expect(report.summary).toEqual({ clauses: 2, tests: 4, passed: 4, failed: 0, missing: 0 });
    expect(report.node_version).toBe(process.version);
    expect(report.commit).toMatch(/^[0-9a-f]{40}(\+dirty)?$/);
    const [k, c] = report.clauses;
    expect(k?.customer_responsibility).toContain('Control the copies of SOPs');
    expect(k?.tests.map((t) => [t.file, t.status, t.cases])).toEqual([
      ['packages/server/src/modules/records/policies.routes.test.ts', 'passed', 1],
      ['packages/server/src/cli/config.command.test.ts', 'passed', 1],
      ['packages/server/src/cli/compliance/compliance-pack.test.ts', 'passed', 1],
      ['packages/server/src/cli/compliance/compliance-pack.test.ts', 'passed', 1],
    ]);
    expect(k?.tests[1]?.name).toBe('README carries exactly the table `signx config` prints');
    expect(k?.tests.every((t) => Number.isInteger(t.duration_ms) && t.duration_ms >= 0)).toBe(true);
    expect(c).toMatchObject({
      clause: expect.stringMatching(/^§11\.100\(c\)/),
      result: 'no automated test',
      tests: [],
    });

    const check = io(dir);
    expect(
      await runComplianceCommand(['verify', join(out, 'report.json')], check.value),
      check.err.join(),
    ).toBe(0);
    expect(check.out.join()).toContain('SignX Platform Seal');

    const json = readFileSync(join(out, 'report.json'), 'utf8');
    const forged = json.replace('"failed": 0', '"failed": 1');
    expect(forged).not.toBe(json);
    writeFileSync(join(out, 'report.json'), forged);
    const tampered = io(dir);
    expect(await runComplianceCommand(['verify', join(out, 'report.json')], tampered.value)).toBe(1);
    expect(tampered.err.join()).toMatch(/message-digest does not match[\s\S]*PDF: renders another report/);

    writeFileSync(join(out, 'report.json'), json);
    const pdf = readFileSync(join(out, 'report.pdf'));
    const at = pdf.indexOf('SignX validation report');
    pdf[at] = (pdf[at] as number) ^ 0x20;
    writeFileSync(join(out, 'report.pdf'), pdf);
    const pdfChanged = io(dir);
    expect(await runComplianceCommand(['verify', join(out, 'report.json')], pdfChanged.value)).toBe(1);
    expect(pdfChanged.err.join()).toContain('PDF signature');

    const stranger = io(mkdtempSync(join(tmpdir(), 'signx-other-pki-')));
    expect(
      await runComplianceCommand(
        ['verify', join(out, 'report.json'), '--pdf', '/dev/null/x'],
        stranger.value,
      ),
    ).toBe(1);
    expect(stranger.err.join()).toMatch(/JSON signer certificate/);
  });

  it('exits 1 when a named test does not exist (unknown title, or no such file), and the report says which', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-compliance-'));
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    const header =
      '| clause | what SignX does | what the customer must do | test that proves it |\n| --- | --- | --- | --- |\n';
    const cell =
      '`packages/server/src/cli/config.command.test.ts` — "README carries exactly the table `signx config` prints", "a title nobody wrote"; `packages/server/src/cli/gone.test.ts` — "vanished"';
    writeFileSync(join(docs, 'part11.md'), `${header}| §1 clause | does | must | ${cell} |\n`);
    writeFileSync(join(docs, 'annex11.md'), header);
    const run = io(dir);
    const out = join(dir, 'report');
    expect(await runComplianceCommand(['report', '--docs', docs, '--out', out], run.value)).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ComplianceReport;
    expect(report.clauses[0]?.result).toBe('failed');
    expect(report.clauses[0]?.tests.map((t) => t.status)).toEqual(['passed', 'missing', 'missing']);
    expect(run.err.join('\n')).toContain(
      'missing: §1 clause — packages/server/src/cli/gone.test.ts — "vanished"',
    );
  });
});
