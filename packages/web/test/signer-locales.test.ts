import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../src/signer/messages/en.json';
import he from '../src/signer/messages/he.json';
import zh from '../src/signer/messages/zh-CN.json';

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

/** The signer/verify entry's own messages (src/signer/messages), held to the admin set's rules. */
describe('signer page translations', () => {
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

  it('Hebrew is written in Hebrew, Chinese in Chinese', () => {
    const own = (tree: Tree) => [...flat(tree).entries()].filter(([k]) => k !== 'app.name');
    const hebrew = own(he).filter(([, t]) => /[\u0590-\u05ff]/.test(t)).length;
    const chinese = own(zh).filter(([, t]) => /[\u4e00-\u9fff]/.test(t)).length;
    expect(hebrew / (reference.size - 1)).toBeGreaterThan(0.95);
    expect(chinese / (reference.size - 1)).toBeGreaterThan(0.95);
  });

  it('every key the pages use exists in English', () => {
    const dir = new URL('../src/signer/', import.meta.url);
    const files = [
      'SignerApp.vue',
      'VerifyApp.vue',
      'signing-state.ts',
      'components/FieldBox.vue',
      'components/SignatureModal.vue',
      'components/DeclineDialog.vue',
      'components/PdfPage.vue',
      'components/LanguageSwitch.vue',
    ];
    const used = new Set<string>();
    for (const file of files)
      for (const match of readFileSync(new URL(file, dir), 'utf8').matchAll(
        /\bt\('([a-zA-Z]+\.[a-zA-Z.]+)'/g,
      ))
        used.add(match[1]!);
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => !reference.has(key))).toEqual([]);
  });
});
