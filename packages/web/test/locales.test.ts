import { baseCompile } from '@intlify/message-compiler';
import { describe, expect, it } from 'vitest';
import en from '../src/platform/i18n/locales/en.json';
import he from '../src/platform/i18n/locales/he.json';
import zh from '../src/platform/i18n/locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flat(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flat(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const reference = flat(en);
  for (const [name, messages] of [
    ['zh-CN', zh],
    ['he', he],
  ] as const) {
    it(`${name} has exactly the English keys, each translated, with the same placeholders`, () => {
      const other = flat(messages);
      expect([...other.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of reference) {
        const translated = other.get(key) ?? '';
        expect(translated.trim(), key).not.toBe('');
        expect(placeholders(translated), key).toEqual(placeholders(text));
      }
    });
  }

  it('every message compiles (the build precompiles them; a broken one must fail here first)', () => {
    const problems: string[] = [];
    for (const messages of [en, zh, he])
      for (const [key, text] of flat(messages))
        baseCompile(text, { jit: true, onError: (error) => problems.push(`${key}: ${error.message}`) });
    expect(problems).toEqual([]);
    baseCompile('{unclosed', { jit: true, onError: (error) => problems.push(error.message) });
    expect(problems.length).toBeGreaterThan(0);
  });

  it('Hebrew is written in Hebrew, Chinese in Chinese (not left in English)', () => {
    const hebrew = [...flat(he).values()].filter((t) => /[\u0590-\u05ff]/.test(t)).length;
    const chinese = [...flat(zh).values()].filter((t) => /[\u4e00-\u9fff]/.test(t)).length;
    expect(hebrew / reference.size).toBeGreaterThan(0.9);
    expect(chinese / reference.size).toBeGreaterThan(0.9);
  });
});
