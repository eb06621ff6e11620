import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { namedTests, readPacks, shippedTable } from './clause-table.js';
import { testFilesFor } from './test-runner.js';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const rows = readPacks(root);

/** The guard that keeps the validation packs honest: what they name must exist. */
describe('validation packs (docs/compliance)', () => {
  it('every test named in part11.md and annex11.md exists: its file, and its title in that file', () => {
    const absent = rows.flatMap((row) =>
      row.tests
        .filter(
          (t) =>
            !existsSync(`${root}/${t.file}`) || !readFileSync(`${root}/${t.file}`, 'utf8').includes(t.name),
        )
        .map((t) => `${row.pack} ${row.clause.slice(0, 30)}: ${t.file} — "${t.name}"`),
    );
    expect(absent).toEqual([]);
    expect(rows.filter((r) => r.pack === 'part11').length).toBeGreaterThan(30);
    expect(rows.filter((r) => r.pack === 'annex11').length).toBeGreaterThan(30);
  });

  it('reads every test reference of a row (no path without a title), and each named file is run by a test file', () => {
    for (const row of rows) {
      const paths = new Set(row.evidence.match(/`packages\/[^`]+\.ts`/g) ?? []);
      expect(new Set(row.tests.map((t) => `\`${t.file}\``)), row.clause).toEqual(paths);
      for (const t of row.tests) expect(testFilesFor(root, t.file).length, t.file).toBeGreaterThan(0);
    }
  });

  it('the clause table shipped for the compiled CLI equals the packs (`signx compliance table` rewrites it)', () => {
    expect(shippedTable()).toEqual(rows);
  });

  it('parses several titles per file and parameterised titles; a path without a quoted title names nothing', () => {
    // A parameterised title is written as in its source, placeholder included.
    const placeholder = '$' + '{c.x}';
    const cell = `\`packages/a.test.ts\` — "one", "two ${placeholder}"; \`packages/b.test.ts\` (asserts \`x\`).`;
    expect(namedTests(cell)).toEqual([
      { file: 'packages/a.test.ts', name: 'one' },
      { file: 'packages/a.test.ts', name: `two ${placeholder}` },
    ]);
  });
});
