import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The module template's rules (docs/architecture.md), checked on source text:
 * - `module-internals`: a module imports only another module's index.ts;
 * - `sql-outside-repository`: only `*.repository.ts` (and migrations) under modules/ build SQL;
 * - `routes-import-repository`: routes call services, never repositories;
 * - `platform-imports-module`: platform/ never imports modules/ (it is handed the module list);
 * - `file-too-long`: no file passes 300 lines.
 * Test files may reach anything (they assert stored state), but are held to the length rule.
 */
export type RuleName =
  | 'module-internals'
  | 'sql-outside-repository'
  | 'routes-import-repository'
  | 'platform-imports-module'
  | 'file-too-long';

export interface Violation {
  rule: RuleName;
  /** Path relative to the checked root, with '/'. */
  file: string;
  /** The imported file (import rules), the SQL calls found, or the line count. */
  detail: string;
}

export const maxLines = 300;

/** Kysely entry points and schema builders: a call to any of them is SQL being built. */
const sqlCalls = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'executeQuery',
  'createTable',
  'alterTable',
  'dropTable',
  'createIndex',
]);

export function checkArchitecture(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const path of sourceFiles(root)) {
    const file = relative(root, path).split(sep).join('/');
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > maxLines) violations.push({ rule: 'file-too-long', file, detail: `${lines} lines` });
    if (file.endsWith('.test.ts')) continue;
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    for (const target of importedFiles(source, root)) violations.push(...importViolations(file, target));
    if (needsRepository(file)) {
      const calls = sqlIn(source);
      if (calls.length > 0)
        violations.push({ rule: 'sql-outside-repository', file, detail: calls.join(', ') });
    }
  }
  return violations.sort((a, b) => key(a).localeCompare(key(b)));
}

/** One line per violation, as the allow-list spells it. */
export function key(v: Violation): string {
  const withTarget =
    v.rule === 'sql-outside-repository' || v.rule === 'file-too-long' ? '' : ` -> ${v.detail}`;
  return `${v.rule} ${v.file}${withTarget}`;
}

function importViolations(file: string, target: string): Violation[] {
  const out: Violation[] = [];
  const [top, owner, ...rest] = file.split('/');
  const [targetTop, targetModule, ...targetRest] = target.split('/');
  const isModuleFile = top === 'modules' && rest.length > 0;
  if (isModuleFile && targetTop === 'modules' && targetRest.length > 0 && targetModule !== owner) {
    if (targetRest.join('/') !== 'index.ts') out.push({ rule: 'module-internals', file, detail: target });
  }
  if (file.endsWith('.routes.ts') && target.endsWith('.repository.ts')) {
    out.push({ rule: 'routes-import-repository', file, detail: target });
  }
  if (top === 'platform' && targetTop === 'modules') {
    out.push({ rule: 'platform-imports-module', file, detail: target });
  }
  return out;
}

function needsRepository(file: string): boolean {
  if (!file.startsWith('modules/')) return false;
  return !/\.(repository|migration)\.ts$/.test(file);
}

/** Relative imports, re-exports and dynamic imports, resolved to root-relative .ts paths. */
function importedFiles(source: ts.SourceFile, root: string): string[] {
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) =>
      relative(root, resolve(dirname(source.fileName), s.replace(/\.js$/, '.ts')))
        .split(sep)
        .join('/'),
    );
}

/** The SQL-building calls in a file: Kysely entry points, `sql` templates and `sql.*` helpers. */
function sqlIn(source: ts.SourceFile): string[] {
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (sqlCalls.has(name)) found.add(name);
      if (ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'sql') {
        found.add(`sql.${name}`);
      }
    }
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql') {
      found.add('sql`…`');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
