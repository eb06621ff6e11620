import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createModule, renamer, renumberErrors, stripTemplateNotes } from '../../../scripts/new-module.js';

const serverSource = fileURLToPath(new URL('../src', import.meta.url));
let copy: string | undefined;
afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = undefined;
});

describe('npm run new-module', () => {
  it('renames the example’s names, longest first', () => {
    const rename = renamer({ name: 'projects', entity: 'task', plural: 'tasks' });
    expect(rename("selectFrom('example_widgets') ExampleWidgetsTable exampleDeps Widget widgets")).toBe(
      "selectFrom('projects_tasks') ProjectsTasksTable projectsDeps Task tasks",
    );
    expect(rename("url: '/example/widgets/:id'")).toBe("url: '/projects/tasks/:id'");
    expect(renamer({ name: 'contracts', entity: 'contract', plural: 'contracts' })('example_widgets')).toBe(
      'contracts',
    );
  });

  it('gives domain errors free codes of their family and drops the template’s notes about itself', () => {
    const taken = new Set([40910, 40911]);
    expect(renumberErrors('api: 40991, api: 40391', taken)).toBe('api: 40912, api: 40310');
    const comment =
      '/**\n * Kept.\n * @templateNote Only about the template,\n * two lines.\n */\nexport {};';
    expect(stripTemplateNotes(comment)).toBe('/**\n * Kept.\n */\nexport {};');
  });

  it('copies the example into a module with its migration and its place in the module list', () => {
    copy = mkdtempSync(join(tmpdir(), 'signx-new-module-'));
    cpSync(serverSource, copy, { recursive: true });
    const written = createModule(copy, { name: 'contracts', entity: 'contract', plural: 'contracts' });
    const moduleDir = join(copy, 'modules', 'contracts');
    expect(readdirSync(moduleDir).sort()).toEqual(
      readdirSync(join(serverSource, 'modules', '_example'))
        .filter((f) => !f.endsWith('.migration.ts'))
        .map((f) => f.replace('example.', 'contracts.').replace('widgets.', 'contracts.'))
        .sort(),
    );
    for (const file of readdirSync(moduleDir)) {
      expect(readFileSync(join(moduleDir, file), 'utf8')).not.toMatch(/example|widget|@templateNote/i);
    }
    const migration = written.find((f) => f.startsWith('migrations/')) ?? '';
    const migrationText = readFileSync(join(copy, migration), 'utf8');
    expect(migrationText).toContain("from './migration-kit.js'");
    expect(migrationText).toContain(".createTable('contracts')");
    const migrationIndex = readFileSync(join(copy, 'migrations', 'index.ts'), 'utf8');
    const name = migration.replace('migrations/', '').replace('.ts', '');
    expect(migrationIndex).toContain(`from './${name}.js';`);
    expect(migrationIndex).toMatch(new RegExp(`'${name}': m\\d{8}_\\d{4},\\n};`));
    expect(readFileSync(join(copy, 'modules', 'index.ts'), 'utf8')).toContain(
      "import { contractsModule } from './contracts/index.js';",
    );
    const errors = readFileSync(join(moduleDir, 'contracts.errors.ts'), 'utf8');
    expect(errors).not.toMatch(/api: 40991|api: 40391/);
    const routesTest = readFileSync(join(moduleDir, 'contracts.routes.test.ts'), 'utf8');
    expect(routesTest).toContain('[...modules, headerAuthModule]');
    expect(routesTest).not.toMatch(/migration|contractsModule/);
    expect(() =>
      createModule(copy as string, { name: 'contracts', entity: 'contract', plural: 'contracts' }),
    ).toThrow(/exists already/);
  });
});
