import { baseCompile } from '@intlify/message-compiler';
import { describe, expect, it } from 'vitest';
import en from '../src/platform/i18n/locales/en.json';
import he from '../src/platform/i18n/locales/he.json';
import zh from '../src/platform/i18n/locales/zh-CN.json';
import { flatMessages, itTranslatesEveryKey } from './translation-checks';

describe('translations', () => {
  const reference = flatMessages(en);
  itTranslatesEveryKey(en, { 'zh-CN': zh, he });

  it('every message compiles (the build precompiles them; a broken one must fail here first)', () => {
    const problems: string[] = [];
    for (const messages of [en, zh, he])
      for (const [key, text] of flatMessages(messages))
        baseCompile(text, { jit: true, onError: (error) => problems.push(`${key}: ${error.message}`) });
    expect(problems).toEqual([]);
    baseCompile('{unclosed', { jit: true, onError: (error) => problems.push(error.message) });
    expect(problems.length).toBeGreaterThan(0);
  });

  it('Hebrew is written in Hebrew, Chinese in Chinese (not left in English)', () => {
    const hebrew = [...flatMessages(he).values()].filter((t) => /[\u0590-\u05ff]/.test(t)).length;
    const chinese = [...flatMessages(zh).values()].filter((t) => /[\u4e00-\u9fff]/.test(t)).length;
    expect(hebrew / reference.size).toBeGreaterThan(0.9);
    expect(chinese / reference.size).toBeGreaterThan(0.9);
  });
});
