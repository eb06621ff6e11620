import { describe, expect, it } from 'vitest';
import { WordMatcher } from './aho-corasick.js';

/** A plain scan every position × every word: the reference the automaton must agree with. */
function naive(words: { word: string; action: 'block' | 'mask' }[], text: string) {
  const lower = text.toLowerCase();
  const ends = new Map<number, number>();
  for (const { word } of words) {
    const w = word.toLowerCase();
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
      ends.set(i + w.length, Math.max(ends.get(i + w.length) ?? 0, w.length));
    }
  }
  return [...ends].sort((a, b) => a[0] - b[0]).map(([end, length]) => ({ start: end - length, end }));
}

describe('sensitive-word matcher (Aho–Corasick)', () => {
  it('finds overlapping words, the longest at each end, as the naive scan does', () => {
    const words = ['he', 'she', 'his', 'hers', 'ushe'].map((word) => ({ word, action: 'mask' as const }));
    const matcher = new WordMatcher(words);
    for (const text of ['ushers', 'this is hershey', 'shehishers', '']) {
      expect(matcher.matches(text).map(({ start, end }) => ({ start, end }))).toEqual(naive(words, text));
    }
  });

  it('agrees with the naive scan on random text over a small alphabet', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = (n: number) => Array.from({ length: n }, () => 'abc'[Math.floor(random() * 3)]).join('');
    const words = Array.from({ length: 40 }, () => ({
      word: pick(1 + Math.floor(random() * 4)),
      action: 'mask' as const,
    }));
    const matcher = new WordMatcher(words);
    for (let i = 0; i < 50; i++) {
      const text = pick(200);
      expect(matcher.matches(text).map(({ start, end }) => ({ start, end }))).toEqual(naive(words, text));
    }
  });

  it('folds case and full-width forms, blocks only block words, and masks character by character', () => {
    const matcher = new WordMatcher([
      { word: '赌博', action: 'block' },
      { word: 'Spam', action: 'mask' },
    ]);
    expect(matcher.firstBlocked('线上赌博平台')).toBe('赌博');
    expect(matcher.firstBlocked('SPAM and ｓｐａｍ')).toBeNull();
    expect(matcher.maskAll('SPAM and ｓｐａｍ, 合同')).toBe('**** and ****, 合同');
  });

  it('handles an empty list and words longer than the text', () => {
    expect(new WordMatcher([]).maskAll('anything')).toBe('anything');
    expect(
      new WordMatcher([{ word: 'longer than text', action: 'block' }]).firstBlocked('longer'),
    ).toBeNull();
  });
});
