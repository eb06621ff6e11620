// Creates a module from the template (packages/server/src/modules/_example):
//   npm run new-module -- contracts --entity contract [--plural contracts]
// Copies the example with its names replaced (example → the module, widget → the entity),
// moves its migration into src/migrations/ (listed in migrations/index.ts), adds the module
// to modules/index.ts, and gives its domain errors free codes. Then: rename the states,
// permissions, events and fields to the real ones; the architecture test and the tests
// that came with the copy tell you what still fits.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const word = /^[a-z][a-z0-9]*$/;

/** Replaces the example's names, longest first so `example_widgets` is not cut in two. */
export interface ModuleNames {
  name: string;
  entity: string;
  plural: string;
}

export function renamer({ name, entity, plural }: ModuleNames): (text: string) => string {
  const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  // A module named after its entity (contracts/contract) gets `contracts`, not `contracts_contracts`.
  const table = name === plural ? plural : `${name}_${plural}`;
  const path = name === plural ? `/${plural}` : `/${name}/${plural}`;
  const pairs = [
    ['modules/_example', `modules/${name}`],
    ['ExampleWidgetsTable', `${table.split('_').map(pascal).join('')}Table`],
    ['example_widgets', table],
    ['/example/widgets', path],
    ['WIDGET', entity.toUpperCase()],
    ['Widgets', pascal(plural)],
    ['widgets', plural],
    ['Widget', pascal(entity)],
    ['widget', entity],
    ['Example', pascal(name)],
    ['example', name],
  ];
  return (text) => pairs.reduce((out, [from, to]) => out.split(from as string).join(to as string), text);
}

/** Drops what only the template says about itself: `@templateNote` to the end of its comment. */
export function stripTemplateNotes(text: string): string {
  return text
    .replace(/^\s*\* @templateNote[\s\S]*?(?=^\s*\*\/)/gm, '')
    .replace(/\s*\+?\s*' \(the template module, mounted only in tests\)'/g, '');
}

/** Domain error codes already taken anywhere in the server's source. */
export function takenErrorCodes(src: string): Set<number> {
  const taken = new Set<number>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(/\bapi:\s*(\d{5})\b/g)) taken.add(Number(m[1]));
    }
  };
  walk(src);
  return taken;
}

/**
 * Gives each `api: NNNNN` in an errors file the lowest free code of its family from xx10 on
 * (xx02–xx09 stay for the platform and the first modules, e.g. 40302 step-up required).
 */
export function renumberErrors(text: string, taken: Set<number>): string {
  return text.replace(/\bapi:\s*(\d{5})\b/g, (_match, code: string) => {
    const family = Math.floor(Number(code) / 100) * 100;
    for (let next = family + 10; next < family + 90; next += 1) {
      if (!taken.has(next)) {
        taken.add(next);
        return `api: ${next}`;
      }
    }
    throw new Error(`no free error code left in ${family + 1}..`);
  });
}

/** The copied tests no longer need the example's private migration, nor to mount the module by hand. */
export function adaptTests(text: string, moduleConst: string): string {
  return text
    .replace(/^import \{ up \} from '\.\/[a-z0-9]+\.migration\.js';\n/m, '')
    .replace(/, \{ migrate: up \}/g, '')
    .replace(/, \{\n\s*migrate: up,\n\s*\}/g, '')
    .replace(/^\s*await up\(t\.database\.db\);\n/m, '')
    .replace(`[...modules, ${moduleConst}, headerAuthModule]`, '[...modules, headerAuthModule]')
    .replace(
      new RegExp(`^import \\{ ${moduleConst} \\} from './index.js';\\n`, 'm'),
      text.includes(`[...modules, ${moduleConst}, headerAuthModule]`) ? '' : '$&',
    );
}

export function migrationName(name: string, now = new Date()): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, '_');
  const time = now.toISOString().slice(11, 16).replace(':', '');
  return `${date}_${time}_${name}`;
}

/** Writes the new module into `src`; returns the files it wrote or changed. */
export function createModule(src: string, options: ModuleNames): string[] {
  const { name } = options;
  const rename = renamer(options);
  const from = join(src, 'modules', '_example');
  const to = join(src, 'modules', name);
  if (existsSync(to)) throw new Error(`modules/${name} exists already`);
  mkdirSync(to);
  const taken = takenErrorCodes(src);
  const moduleConst = `${name}Module`;
  const written: string[] = [];
  for (const file of readdirSync(from).sort()) {
    let text = rename(stripTemplateNotes(readFileSync(join(from, file), 'utf8')));
    const target = rename(file);
    if (target.endsWith('.errors.ts')) text = renumberErrors(text, taken);
    if (target.endsWith('.test.ts')) text = adaptTests(text, moduleConst);
    if (target.endsWith('.migration.ts')) {
      written.push(addMigration(src, name, text));
      continue;
    }
    writeFileSync(join(to, target), text);
    written.push(`modules/${name}/${target}`);
  }
  written.push(addToModuleList(src, name, moduleConst));
  return written;
}

function addMigration(src: string, name: string, text: string): string {
  const migration = migrationName(name);
  const body = text.replace("'../../migrations/migration-kit.js'", "'./migration-kit.js'");
  writeFileSync(join(src, 'migrations', `${migration}.ts`), body);
  const indexPath = join(src, 'migrations', 'index.ts');
  const [year, month, day, time] = migration.split('_');
  const alias = `m${year}${month}${day}_${time}`;
  const index = readFileSync(indexPath, 'utf8')
    .replace(
      /(import \* as m[\d_]+ from '[^']+';\n)(?!import)/,
      `$1import * as ${alias} from './${migration}.js';\n`,
    )
    .replace(/\n};\n$/, `\n  '${migration}': ${alias},\n};\n`);
  writeFileSync(indexPath, index);
  return `migrations/${migration}.ts`;
}

function addToModuleList(src: string, name: string, moduleConst: string): string {
  const path = join(src, 'modules', 'index.ts');
  const text = readFileSync(path, 'utf8')
    .replace(
      /(import \{ \w+ \} from '\.\/[\w-]+\/index\.js';\n)(?!import)/,
      `$1import { ${moduleConst} } from './${name}/index.js';\n`,
    )
    .replace(/\];\n$/, `, ${moduleConst}];\n`);
  writeFileSync(path, text);
  return 'modules/index.ts';
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { entity: { type: 'string' }, plural: { type: 'string' }, root: { type: 'string' } },
  });
  const [name] = positionals;
  const entity = values.entity ?? name?.replace(/s$/, '');
  const plural = values.plural ?? `${entity}s`;
  if (!name || !entity || ![name, entity, plural].every((w) => word.test(w)) || name === 'example') {
    console.error('usage: npm run new-module -- <name> [--entity <entity>] [--plural <entities>]');
    console.error('names are one lower-case word each, e.g. contracts --entity contract');
    process.exit(2);
  }
  const src = values.root ?? fileURLToPath(new URL('../packages/server/src', import.meta.url));
  for (const file of createModule(src, { name, entity, plural })) console.log(`wrote ${file}`);
  console.log('next: npm run format, then make the states, permissions, events and fields your own;');
  console.log('the architecture test and the copied tests show what still fits (docs/architecture.md).');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
