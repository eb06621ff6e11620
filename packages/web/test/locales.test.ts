import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseCompile } from '@intlify/message-compiler';
import { describe, expect, it } from 'vitest';
import { componentsWithoutMessages, moduleLocales, planModuleLocales } from '../scripts/module-locales.js';
import { flatMessages, itTranslatesEveryKey, type MessageTree } from './translation-checks';

const globalDir = fileURLToPath(new URL('../src/platform/i18n/locales/', import.meta.url));
// The shell's strings, then each module's own (src/modules/<m>/locales).
const sets = [{ name: 'shell', dir: globalDir }, ...moduleLocales()];
const read = (dir: string, locale: string) =>
  JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as MessageTree;

for (const set of sets) {
  describe(`translations: ${set.name}`, () => {
    const [en, zh, he] = ['en', 'zh-CN', 'he'].map((locale) => read(set.dir, locale)) as MessageTree[];
    itTranslatesEveryKey(en as MessageTree, { 'zh-CN': zh as MessageTree, he: he as MessageTree });

    it('every message compiles (the build precompiles them; a broken one must fail here first)', () => {
      const problems: string[] = [];
      for (const messages of [en, zh, he] as MessageTree[])
        for (const [key, text] of flatMessages(messages))
          baseCompile(text, { jit: true, onError: (error) => problems.push(`${key}: ${error.message}`) });
      expect(problems).toEqual([]);
    });
  });
}

describe('where strings live', () => {
  it('Hebrew is written in Hebrew, Chinese in Chinese (not left in English), over all strings', () => {
    // Over all sets together: a small module can fairly keep a few Latin names (CPU, Redis).
    const all = (locale: string) => sets.flatMap((set) => [...flatMessages(read(set.dir, locale)).values()]);
    const total = all('en').length;
    expect(all('he').filter((t) => /[\u0590-\u05ff]/.test(t)).length / total).toBeGreaterThan(0.9);
    expect(all('zh-CN').filter((t) => /[\u4e00-\u9fff]/.test(t)).length / total).toBeGreaterThan(0.9);
  });

  it('a broken message is caught by the compile check', () => {
    const problems: string[] = [];
    baseCompile('{unclosed', { jit: true, onError: (error) => problems.push(error.message) });
    expect(problems.length).toBeGreaterThan(0);
  });

  it("a module's strings are in the module, not in the entry (node packages/web/scripts/module-locales.js)", () => {
    // Only keys used outside their module (menu titles, other modules' components) stay global.
    expect(planModuleLocales()).toEqual([]);
    expect(sets.length).toBeGreaterThan(5);
  });

  it("every component of a module that shows strings imports the module's messages.ts", () => {
    expect(componentsWithoutMessages()).toEqual([]);
  });

  it('no key is defined both in the shell and in a module (the later merge would hide one)', () => {
    const shell = flatMessages(read(globalDir, 'en'));
    const twice = moduleLocales().flatMap((m) =>
      [...flatMessages(read(m.dir, 'en')).keys()].filter((k) => shell.has(k)),
    );
    expect(twice).toEqual([]);
  });
});
