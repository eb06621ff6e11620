/**
 * A multi-pattern matcher (Aho–Corasick) for the sensitive-word list: one pass over the
 * text whatever the number of words. Case and full-width forms are folded on the fly
 * (ＡＢＣ and abc match ABC). Transitions live in one open-addressing hash table of typed
 * arrays; in the root state a per-character table skips characters no word starts with,
 * which is most of ordinary text.
 */
export interface WordMatch {
  start: number;
  end: number;
  word: string;
  action: 'block' | 'mask';
}

const fold = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0; // full-width ASCII
  table[0x3000] = 0x20; // ideographic space
  for (let c = 65; c <= 90; c++) table[c] = c + 32;
  for (let c = 0xff21; c <= 0xff3a; c++) table[c] = c - 0xfee0 + 32;
  return table;
}

export class WordMatcher {
  private readonly keyNode: Int32Array;
  private readonly keyChar: Uint16Array;
  private readonly next: Int32Array;
  private readonly mask: number;
  private readonly startChar = new Uint8Array(65536);
  private readonly rootNext = new Int32Array(65536);
  private readonly fail: Int32Array;
  /** Longest word ending at a node (own or through failure links), 0 for none. */
  private readonly outLength: Int32Array;
  private readonly outWord: Int32Array;
  /** A block word ending at the node (through failure links too), -1 for none. */
  private readonly blockWord: Int32Array;
  readonly size: number;

  constructor(private readonly words: readonly { word: string; action: 'block' | 'mask' }[]) {
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    words.forEach((entry, index) => {
      let node = 0;
      for (let i = 0; i < entry.word.length; i++) {
        const c = fold[entry.word.charCodeAt(i)] as number;
        let child = children[node]?.get(c);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          ends.push([]);
          children[node]?.set(c, child);
        }
        node = child;
      }
      if (entry.word.length > 0) ends[node]?.push(index);
    });
    this.size = children.length;
    const edges = children.reduce((n, m) => n + m.size, 0);
    let capacity = 1;
    while (capacity < edges * 2 + 2) capacity <<= 1;
    this.mask = capacity - 1;
    this.keyNode = new Int32Array(capacity).fill(-1);
    this.keyChar = new Uint16Array(capacity);
    this.next = new Int32Array(capacity);
    this.fail = new Int32Array(this.size);
    this.outLength = new Int32Array(this.size);
    this.outWord = new Int32Array(this.size).fill(-1);
    this.blockWord = new Int32Array(this.size).fill(-1);
    children.forEach((map, node) => {
      for (const [c, child] of map) this.put(node, c, child);
    });
    this.rootNext.fill(0);
    for (const [c, child] of children[0] ?? []) {
      this.startChar[c] = 1;
      this.rootNext[c] = child;
    }
    this.link(children, ends);
  }

  private slot(node: number, c: number): number {
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & this.mask;
    while (this.keyNode[h] !== -1 && (this.keyNode[h] !== node || this.keyChar[h] !== c))
      h = (h + 1) & this.mask;
    return h;
  }

  private put(node: number, c: number, child: number): void {
    const h = this.slot(node, c);
    this.keyNode[h] = node;
    this.keyChar[h] = c;
    this.next[h] = child;
  }

  private step(node: number, c: number): number {
    const h = this.slot(node, c);
    return this.keyNode[h] === -1 ? -1 : (this.next[h] as number);
  }

  /** Breadth-first: failure links, then outputs inherited along them. */
  private link(children: Map<number, number>[], ends: number[][]): void {
    const queue: number[] = [];
    for (const child of children[0]?.values() ?? []) {
      this.fail[child] = 0;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as number;
      this.inherit(node, ends[node] ?? []);
      for (const [c, child] of children[node] ?? []) {
        let f = this.fail[node] as number;
        let target = this.step(f, c);
        while (target === -1 && f !== 0) {
          f = this.fail[f] as number;
          target = this.step(f, c);
        }
        this.fail[child] = target === -1 || target === child ? 0 : target;
        queue.push(child);
      }
    }
  }

  private inherit(node: number, own: number[]): void {
    const f = this.fail[node] as number;
    let length = this.outLength[f] as number;
    let word = this.outWord[f] as number;
    let block = this.blockWord[f] as number;
    for (const index of own) {
      const entry = this.words[index] as { word: string; action: string };
      if (entry.word.length > length) {
        length = entry.word.length;
        word = index;
      }
      if (entry.action === 'block') block = index;
    }
    this.outLength[node] = length;
    this.outWord[node] = word;
    this.blockWord[node] = block;
  }

  /** Calls `onMatch(endExclusive, node)` at every position where some word ends. */
  private scan(text: string, onMatch: (end: number, node: number) => boolean | undefined): void {
    let state = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const c = fold[text.charCodeAt(i)] as number;
      if (state === 0) {
        if (this.startChar[c] === 0) continue;
        state = this.rootNext[c] as number;
      } else {
        let target = this.step(state, c);
        while (target === -1 && state !== 0) {
          state = this.fail[state] as number;
          target = state === 0 ? (this.startChar[c] ? (this.rootNext[c] as number) : 0) : this.step(state, c);
        }
        state = target === -1 ? 0 : target;
      }
      if (this.outLength[state] !== 0 && onMatch(i + 1, state) === false) return;
    }
  }

  /** The first block word in `text`, or null. */
  firstBlocked(text: string): string | null {
    let found: string | null = null;
    this.scan(text, (_end, node) => {
      const index = this.blockWord[node] as number;
      if (index < 0) return true;
      found = (this.words[index] as { word: string }).word;
      return false;
    });
    return found;
  }

  /** Every match (the longest ending at each position). */
  matches(text: string): WordMatch[] {
    const out: WordMatch[] = [];
    this.scan(text, (end, node) => {
      const entry = this.words[this.outWord[node] as number] as { word: string; action: 'block' | 'mask' };
      out.push({
        start: end - (this.outLength[node] as number),
        end,
        word: entry.word,
        action: entry.action,
      });
      return true;
    });
    return out;
  }

  /** `text` with every matched character replaced by `*`. */
  maskAll(text: string): string {
    const spans = this.matches(text);
    if (spans.length === 0) return text;
    const chars = text.split('');
    for (const span of spans) for (let i = span.start; i < span.end; i++) chars[i] = '*';
    return chars.join('');
  }
}
