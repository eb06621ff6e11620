#!/usr/bin/env node
// Keeps each module's strings in the module (src/modules/<m>/locales/<locale>.json) and only
// the shell's in the entry (src/platform/i18n/locales). A module owns the top-level sections
// its locales/en.json names; any key of those sections still in the global files moves to
// the module's files, except keys used outside the module (menu titles in routes.ts, a
// component of another module, the platform): those stay global, because that code may run
// before the module's strings are loaded.
//
// Each component of the module that shows strings must import the module's messages.ts.
//
//   node packages/web/scripts/module-locales.js          moves what is misplaced, adds imports
//   node packages/web/scripts/module-locales.js --check  lists it and exits 1 if anything is
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const localeCodes = ['en', 'zh-CN', 'he'];
const webRoot = fileURLToPath(new URL('..', import.meta.url));

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The modules that hold their own strings, with the sections each owns. */
export function moduleLocales(root = webRoot) {
  const modulesDir = join(root, 'src', 'modules');
  return readdirSync(modulesDir)
    .filter((name) => existsSync(join(modulesDir, name, 'locales', 'en.json')))
    .map((name) => {
      const dir = join(modulesDir, name, 'locales');
      return { name, dir, sections: Object.keys(readJson(join(dir, 'en.json'))) };
    });
}

/**
 * Keys of `sections` that code outside `moduleDir` names: whole literals ('signing.title')
 * and the fixed prefix of built ones (`signing.status.${s}` keeps signing.status.*).
 */
function keysUsedOutside(root, moduleDir, sections) {
  const exact = new Set();
  const prefixes = new Set();
  const pattern = new RegExp(`['"\`]((?:${sections.join('|')})\\.[A-Za-z0-9_.]*)(\\$\\{|['"\`])`, 'g');
  // A module's routes.ts counts as outside: the shell shows its titles in the menu.
  const files = sourceFiles(join(root, 'src')).filter(
    (f) => !f.startsWith(moduleDir + sep) || f === join(moduleDir, 'routes.ts'),
  );
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      if (match[2] === '${') prefixes.add(match[1]);
      else exact.add(match[1]);
    }
  }
  return (key) => exact.has(key) || [...prefixes].some((prefix) => key.startsWith(prefix));
}

function leaves(tree, path = '') {
  return Object.entries(tree).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    return typeof value === 'string' ? [[at, value]] : leaves(value, at);
  });
}

function setAt(tree, path, value) {
  const parts = path.split('.');
  let node = tree;
  for (const part of parts.slice(0, -1)) node = node[part] ??= {};
  node[parts.at(-1)] = value;
}

function deleteAt(tree, path) {
  const parts = path.split('.');
  const trail = [tree];
  for (const part of parts.slice(0, -1)) trail.push(trail.at(-1)[part]);
  delete trail.at(-1)[parts.at(-1)];
  // Drop the objects the deletion emptied, deepest first.
  for (let i = parts.length - 2; i >= 0; i -= 1) {
    if (Object.keys(trail[i + 1]).length > 0) break;
    delete trail[i][parts[i]];
  }
}

/** The keys to move, per module and locale; `apply` writes the files. */
export function planModuleLocales(root = webRoot, { apply = false } = {}) {
  const globalDir = join(root, 'src', 'platform', 'i18n', 'locales');
  const moves = [];
  for (const module of moduleLocales(root)) {
    const usedOutside = keysUsedOutside(root, join(root, 'src', 'modules', module.name), module.sections);
    for (const locale of localeCodes) {
      const globalFile = join(globalDir, `${locale}.json`);
      const moduleFile = join(module.dir, `${locale}.json`);
      const global = readJson(globalFile);
      const own = existsSync(moduleFile) ? readJson(moduleFile) : {};
      const inGlobal = module.sections.flatMap((section) =>
        global[section] ? leaves(global[section], section) : [],
      );
      const keys = inGlobal.filter(([key]) => !usedOutside(key));
      // A key now used outside the module lives in the shell only; a copy left in the
      // module would be merged over it once the module loads.
      const shellKeys = new Set(inGlobal.map(([key]) => key));
      const stale = leaves(own).filter(([key]) => shellKeys.has(key) && usedOutside(key));
      // A key used outside the module but kept only in the module shows as its raw name
      // there (the menu title on every other module's page): it moves to the shell.
      const toShell = leaves(own).filter(([key]) => !shellKeys.has(key) && usedOutside(key));
      if (keys.length === 0 && stale.length === 0 && toShell.length === 0) continue;
      moves.push({
        module: module.name,
        locale,
        keys: [...keys, ...stale, ...toShell].map(([key]) => key),
      });
      if (!apply) continue;
      for (const [key, text] of toShell) {
        setAt(global, key, text);
        deleteAt(own, key);
      }
      for (const [key, text] of keys) {
        setAt(own, key, text);
        deleteAt(global, key);
      }
      for (const [key] of stale) deleteAt(own, key);
      writeJson(moduleFile, own);
      writeJson(globalFile, global);
    }
  }
  return moves;
}

/**
 * Components of a module with strings that do not import its messages.ts (their strings
 * would be missing when one of them is the first of its module to load); `apply` adds it.
 */
export function componentsWithoutMessages(root = webRoot, { apply = false } = {}) {
  const missing = [];
  for (const module of moduleLocales(root)) {
    const moduleDir = join(root, 'src', 'modules', module.name);
    for (const file of sourceFiles(moduleDir).filter((f) => f.endsWith('.vue'))) {
      const source = readFileSync(file, 'utf8');
      const shows = /(\$t|\bt|\btc|\bte)\(/.test(source);
      if (!shows || /^import '(\.\.\/)*\.?\/?messages';$/m.test(source)) continue;
      missing.push(relative(root, file));
      const script = /<script setup[^>]*>\n/.exec(source);
      if (!apply || !script) continue;
      const depth = relative(moduleDir, file).split(sep).length - 1;
      const path = depth === 0 ? './messages' : `${'../'.repeat(depth)}messages`;
      const at = script.index + script[0].length;
      writeFileSync(file, `${source.slice(0, at)}import '${path}';\n${source.slice(at)}`);
    }
  }
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const moves = planModuleLocales(webRoot, { apply: !check });
  for (const move of moves) {
    const where = relative(process.cwd(), join(webRoot, 'src', 'modules', move.module, 'locales'));
    const verb = check ? 'belong in' : 'moved to';
    console.log(`${move.locale}: ${move.keys.length} key(s) of ${move.module} ${verb} ${where}`);
  }
  const missing = componentsWithoutMessages(webRoot, { apply: !check });
  for (const file of missing)
    console.log(`${file}: ${check ? 'does not import' : 'now imports'} its module's messages`);
  if (check && (moves.length > 0 || missing.length > 0)) process.exit(1);
}
