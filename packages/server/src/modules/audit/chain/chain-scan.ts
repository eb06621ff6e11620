import { eventLeafHash, GENESIS_HASH, type HashedEvent } from './leaf.js';

/** The first event where the chain stops being what was recorded. */
export interface ChainBreak {
  seq: number;
  id: string | null;
  problem: string;
}

export type ScannedEvent = HashedEvent & { leaf_hash: string };

/**
 * Walks a chain in sequence order and checks each event against the one before it:
 * the sequence continues without gap, `prev_hash` is the previous leaf hash, and the
 * leaf hash recomputed from the event's content is the stored one. Each verified leaf is
 * handed to `onLeaf` (the caller builds the Merkle tree from them).
 */
export class ChainScanner {
  count = 0;
  lastHash = GENESIS_HASH;
  broken: ChainBreak | null = null;

  constructor(private readonly onLeaf: (leafHash: Buffer) => void = () => {}) {}

  /** Checks one event; returns false (and remembers why) at the first break. */
  accept(event: ScannedEvent): boolean {
    if (this.broken) return false;
    const seq = Number(event.seq);
    const expected = this.count + 1;
    if (seq !== expected) {
      if (seq < expected) return this.fail(event, `sequence ${seq} is out of order or duplicated`);
      const missing = seq - 1 > expected ? `events ${expected}–${seq - 1} are` : `event ${expected} is`;
      return this.fail(
        { seq: expected, id: null },
        `${missing} missing (deleted): the next stored event is ${seq} (${event.id})`,
      );
    }
    if (event.prev_hash !== this.lastHash)
      return this.fail(event, 'does not link to the previous event (prev_hash)');
    const leaf = eventLeafHash(event);
    if (leaf !== event.leaf_hash) return this.fail(event, 'content was altered (leaf hash does not match)');
    this.count = seq;
    this.lastHash = leaf;
    this.onLeaf(Buffer.from(leaf, 'hex'));
    return true;
  }

  /** Takes a range verified elsewhere (a worker), after checking it continues this chain. */
  acceptSegment(segment: {
    fromSeq: number;
    count: number;
    firstPrevHash: string | null;
    lastHash: string | null;
    leaves: Uint8Array;
    broken: ChainBreak | null;
  }): boolean {
    if (this.broken) return false;
    if (segment.fromSeq !== this.count + 1)
      return this.fail({ seq: this.count + 1, id: null }, 'range out of order');
    if (segment.count > 0 && segment.firstPrevHash !== this.lastHash)
      return this.fail({ seq: segment.fromSeq, id: null }, 'does not link to the previous event (prev_hash)');
    const leaves = Buffer.from(segment.leaves.buffer, segment.leaves.byteOffset, segment.count * 32);
    for (let i = 0; i < segment.count; i += 1) this.onLeaf(leaves.subarray(i * 32, i * 32 + 32));
    this.count += segment.count;
    if (segment.lastHash) this.lastHash = segment.lastHash;
    if (segment.broken) return this.fail(segment.broken, segment.broken.problem);
    return true;
  }

  fail(event: { seq: number | string; id: string | null }, problem: string): false {
    this.broken = { seq: Number(event.seq), id: event.id, problem };
    return false;
  }
}
