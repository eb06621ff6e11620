import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One automated test a clause names: its file (from the repository root) and exact title. */
export interface NamedTest {
  file: string;
  name: string;
}

/** One row of a validation pack: a clause, who does what, and the tests that prove SignX's part. */
export interface ClauseRow {
  pack: 'part11' | 'annex11';
  clause: string;
  signx: string;
  customer: string;
  /** The evidence cell as written (tests, and what is not yet built or procedural). */
  evidence: string;
  tests: NamedTest[];
}

/** The two packs, in report order, with their markdown path from the repository root. */
export const PACK_FILES = {
  part11: 'docs/compliance/part11.md',
  annex11: 'docs/compliance/annex11.md',
} as const;

const TEST_REFERENCE = /`(packages\/[^`]+\.ts)` — ((?:"[^"]*"(?:, )?)+)/g;

/** The tests named in one evidence cell: `path` — "title", "title"; … */
export function namedTests(evidence: string): NamedTest[] {
  const tests: NamedTest[] = [];
  for (const match of evidence.matchAll(TEST_REFERENCE)) {
    const [, file, titles] = match as unknown as [string, string, string];
    for (const title of titles.matchAll(/"([^"]*)"/g)) tests.push({ file, name: title[1] as string });
  }
  return tests;
}

/** The clause rows of a pack's markdown: every 4-column table row below a header row. */
export function parsePack(pack: ClauseRow['pack'], markdown: string): ClauseRow[] {
  const rows: ClauseRow[] = [];
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| clause ') || line.startsWith('| ---')) continue;
    const cells = line.slice(2, line.endsWith(' |') ? -2 : undefined).split(' | ');
    if (cells.length !== 4)
      throw new Error(`${PACK_FILES[pack]}: a row without 4 cells: ${line.slice(0, 80)}`);
    const [clause, signx, customer, evidence] = cells as [string, string, string, string];
    rows.push({ pack, clause, signx, customer, evidence, tests: namedTests(evidence) });
  }
  return rows;
}

/** Both packs parsed from a repository checkout (`root` holds docs/compliance), or from `docsDir`. */
export function readPacks(root: string, docsDir?: string): ClauseRow[] {
  return (Object.keys(PACK_FILES) as ClauseRow['pack'][]).flatMap((pack) => {
    const file = docsDir ? `${docsDir}/${basename(PACK_FILES[pack])}` : `${root}/${PACK_FILES[pack]}`;
    return parsePack(pack, readFileSync(file, 'utf8'));
  });
}

/**
 * The clause table shipped with the server (clauses.json beside this file in the sources;
 * the compiled CLI reads the same file from src/, as tsc copies no JSON). A unit test keeps
 * it equal to the markdown, so a built package reports the same rows as a clone.
 */
export function shippedTable(): ClauseRow[] {
  const beside = fileURLToPath(new URL('./clauses.json', import.meta.url));
  const path = existsSync(beside)
    ? beside
    : fileURLToPath(new URL('../../../src/cli/compliance/clauses.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as ClauseRow[];
}
