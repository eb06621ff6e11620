import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * bench/ is plain JavaScript run against the build (`packages/<name>/dist`), so neither the
 * type check nor the tests compile it, and a renamed file or export broke a bench unnoticed.
 * This test needs no build: it maps every `packages/<name>/dist/….js` a bench file imports
 * (or spawns) to its TypeScript source and checks that the source exists and exports every
 * name the bench imports from it.
 */
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const benchDir = join(root, 'bench');

type Problem = string;

function benchFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'results' ? [] : benchFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** The TypeScript source of a built file, e.g. packages/server/dist/app.js → packages/server/src/app.ts. */
function sourceOf(distFile: string): string | null {
  const match = /^(.*\/packages\/(?:server|pades))\/dist\/(.+)\.js$/.exec(distFile);
  return match ? `${match[1]}/src/${match[2]}.ts` : null;
}

/** Every name a source file exports, following `export * from` and `export { … } from`. */
function exportsOf(file: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(file) || !existsSync(file)) return names;
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const node of source.statements) {
    if (ts.isExportDeclaration(node)) {
      const from =
        node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
      const target = from ? resolve(dirname(file), from.replace(/\.js$/, '.ts')) : null;
      if (!node.exportClause && target) for (const name of exportsOf(target, seen)) names.add(name);
      else if (node.exportClause && ts.isNamedExports(node.exportClause))
        for (const element of node.exportClause.elements) names.add(element.name.text);
      else if (node.exportClause && ts.isNamespaceExport(node.exportClause))
        names.add(node.exportClause.name.text);
    } else if (ts.isExportAssignment(node)) {
      names.add('default');
    } else if (exported(node)) {
      if (ts.isVariableStatement(node))
        for (const d of node.declarationList.declarations)
          if (ts.isIdentifier(d.name)) names.add(d.name.text);
      const isDefault = ts
        .getModifiers(node as ts.HasModifiers)
        ?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      const named = (node as { name?: ts.Node }).name;
      if (isDefault) names.add('default');
      else if (named && ts.isIdentifier(named)) names.add(named.text);
    }
  }
  return names;
}

/** What `file` (a bench script) takes from the build that the sources no longer provide. */
function brokenBuildImports(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  const where = relative(root, file);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const check = (specifier: string, names: string[]) => {
    const built = specifier.startsWith('.') ? resolve(dirname(file), specifier) : join(root, specifier);
    const src = sourceOf(built);
    if (!src) return;
    if (!existsSync(src)) {
      problems.push(`${where}: ${specifier} has no source ${relative(root, src)}`);
      return;
    }
    const available = exportsOf(src);
    for (const name of names)
      if (!available.has(name)) problems.push(`${where}: ${relative(root, src)} does not export ${name}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const names: string[] = [];
      if (clause?.name) names.push('default');
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings))
        for (const element of clause.namedBindings.elements)
          names.push((element.propertyName ?? element.name).text);
      check(node.moduleSpecifier.text, names);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const names =
        node.exportClause && ts.isNamedExports(node.exportClause)
          ? node.exportClause.elements.map((e) => (e.propertyName ?? e.name).text)
          : [];
      check(node.moduleSpecifier.text, names);
    } else if (ts.isStringLiteralLike(node) && /packages\/(server|pades)\/dist\/.+\.js$/.test(node.text)) {
      // Dynamic imports, `new URL('../packages/server/dist/main.js', …)`, spawned scripts.
      const parent = node.parent;
      if (!(ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent))) check(node.text, []);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

describe('bench scripts import what the sources export', () => {
  it('every build import of bench/ maps to an existing source that exports the imported names', () => {
    const files = benchFiles(benchDir);
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((file) => brokenBuildImports(file, readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('reports a removed file, a missing export and a spawned script that is gone', () => {
    const file = join(benchDir, 'probe.bench.js');
    const broken = [
      "import { buildApp, noSuchExport } from '../packages/server/dist/app.js';",
      "import { createIdentityRuntime } from '../packages/server/dist/modules/identity/identity-runtime.js';",
      "import * as pades from '../packages/pades/dist/index.js';",
      "const child = spawn(process.execPath, ['packages/server/dist/gone.js']);",
      "const { hashPassword } = await import('../packages/server/dist/modules/identity/passwords/password.service.js');",
    ].join('\n');
    expect(brokenBuildImports(file, broken)).toEqual([
      'bench/probe.bench.js: packages/server/src/app.ts does not export noSuchExport',
      'bench/probe.bench.js: ../packages/server/dist/modules/identity/identity-runtime.js has no source packages/server/src/modules/identity/identity-runtime.ts',
      'bench/probe.bench.js: packages/server/dist/gone.js has no source packages/server/src/gone.ts',
    ]);
  });
});
