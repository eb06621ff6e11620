import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../src/signer/messages/en.json';
import he from '../src/signer/messages/he.json';
import zh from '../src/signer/messages/zh-CN.json';
import { flatMessages, itTranslatesEveryKey, type MessageTree } from './translation-checks';

/** The signer/verify entry's own messages (src/signer/messages), held to the admin set's rules. */
describe('signer page translations', () => {
  const reference = flatMessages(en);
  itTranslatesEveryKey(en, { 'zh-CN': zh, he });

  it('Hebrew is written in Hebrew, Chinese in Chinese', () => {
    const own = (tree: MessageTree) => [...flatMessages(tree).entries()].filter(([k]) => k !== 'app.name');
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
