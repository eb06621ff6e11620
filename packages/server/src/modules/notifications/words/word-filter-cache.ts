import type { DbOrTrx } from '../../../platform/db/schema.js';
import { WordMatcher } from './aho-corasick.js';
import { allWords, wordsVersion } from './words.repository.js';

/** The content filter every rendered message passes through before it is queued. */
export interface ContentFilter {
  /** The first block word, or null. */
  blocked(text: string): string | null;
  /** The text with mask words (and block words) starred out. */
  mask(text: string): string;
}

const empty: ContentFilter = { blocked: () => null, mask: (text) => text };

/**
 * The compiled automaton of the current word list. Every use compares one version row with
 * the version it was built from, so a change made in any process applies to the next send
 * everywhere, and the automaton is rebuilt only when the list changed.
 */
export class WordFilterCache {
  private version = '';
  private filter: ContentFilter = empty;

  async current(db: DbOrTrx): Promise<ContentFilter> {
    const version = await wordsVersion(db);
    if (version === this.version) return this.filter;
    const words = await allWords(db);
    const matcher = new WordMatcher(words);
    this.filter =
      words.length === 0
        ? empty
        : { blocked: (t) => matcher.firstBlocked(t), mask: (t) => matcher.maskAll(t) };
    this.version = version;
    return this.filter;
  }
}
