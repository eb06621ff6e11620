import { expect, it } from 'vitest';

export type MessageTree = { [key: string]: string | MessageTree };

/** A message tree as dotted keys → text. */
export function flatMessages(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatMessages(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** One test per translation: exactly the English keys, each translated, same placeholders. */
export function itTranslatesEveryKey(en: MessageTree, translations: Record<string, MessageTree>): void {
  const reference = flatMessages(en);
  for (const [name, messages] of Object.entries(translations)) {
    it(`${name} has exactly the English keys, each translated, with the same placeholders`, () => {
      const other = flatMessages(messages);
      expect([...other.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of reference) {
        const translated = other.get(key) ?? '';
        expect(translated.trim(), key).not.toBe('');
        expect(placeholders(translated), key).toEqual(placeholders(text));
      }
    });
  }
}
