import { emptyRoot, hashChildren } from './merkle-verify.js';

/**
 * An append-only RFC 6962 Merkle tree that keeps every complete subtree hash, level by
 * level, in contiguous buffers (32 bytes per node). Roots, inclusion proofs and consistency
 * proofs for any tree size up to the current one then cost O(log² n) hashes at most, which
 * is what keeps a proof under a millisecond at a million events.
 */
export class MerkleTree {
  private levels: Uint8Array[] = [new Uint8Array(32 * 1024)];
  private counts: number[] = [0];

  get size(): number {
    return this.counts[0] as number;
  }

  /** Appends a leaf hash (already RFC 6962 leaf-hashed) and completes the subtrees it closes. */
  append(leafHash: Uint8Array): void {
    let level = 0;
    let node = leafHash;
    for (;;) {
      const index = this.push(level, node);
      if (index % 2 === 0) return;
      node = hashChildren(this.node(level, index - 1), node);
      level += 1;
    }
  }

  leaf(index: number): Buffer {
    return Buffer.from(this.node(0, index));
  }

  /** MTH(D[0:size]). */
  root(size = this.size): Buffer {
    this.assertSize(size);
    return size === 0 ? emptyRoot() : this.rangeHash(0, size);
  }

  /** RFC 6962 §2.1.1 PATH(index, D[0:size]). */
  inclusionProof(index: number, size = this.size): Buffer[] {
    this.assertSize(size);
    if (index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
    return this.path(index, 0, size);
  }

  /** RFC 6962 §2.1.2 PROOF(size1, D[0:size2]). */
  consistencyProof(size1: number, size2 = this.size): Buffer[] {
    this.assertSize(size2);
    if (size1 < 0 || size1 > size2) throw new RangeError(`no consistency from ${size1} to ${size2}`);
    if (size1 === 0 || size1 === size2) return [];
    return this.subproof(size1, 0, size2, true);
  }

  private path(m: number, lo: number, hi: number): Buffer[] {
    if (hi - lo === 1) return [];
    const k = largestPowerOfTwoBelow(hi - lo);
    if (m < k) return [...this.path(m, lo, lo + k), this.rangeHash(lo + k, hi)];
    return [...this.path(m - k, lo + k, hi), this.rangeHash(lo, lo + k)];
  }

  private subproof(m: number, lo: number, hi: number, isComplete: boolean): Buffer[] {
    const n = hi - lo;
    if (m === n) return isComplete ? [] : [this.rangeHash(lo, hi)];
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) return [...this.subproof(m, lo, lo + k, isComplete), this.rangeHash(lo + k, hi)];
    return [...this.subproof(m - k, lo + k, hi, false), this.rangeHash(lo, lo + k)];
  }

  /** MTH(D[lo:hi]); complete aligned subtrees come straight from the stored levels. */
  private rangeHash(lo: number, hi: number): Buffer {
    const n = hi - lo;
    const level = Math.log2(n);
    if (Number.isInteger(level) && lo % n === 0) return Buffer.from(this.node(level, lo / n));
    const k = largestPowerOfTwoBelow(n);
    return hashChildren(this.rangeHash(lo, lo + k), this.rangeHash(lo + k, hi));
  }

  private node(level: number, index: number): Uint8Array {
    return (this.levels[level] as Uint8Array).subarray(index * 32, index * 32 + 32);
  }

  private push(level: number, hash: Uint8Array): number {
    if (this.levels.length <= level) {
      this.levels.push(new Uint8Array(32 * 1024));
      this.counts.push(0);
    }
    const index = this.counts[level] as number;
    let buffer = this.levels[level] as Uint8Array;
    if ((index + 1) * 32 > buffer.length) {
      const grown = new Uint8Array(buffer.length * 2);
      grown.set(buffer);
      buffer = grown;
      this.levels[level] = grown;
    }
    buffer.set(hash, index * 32);
    this.counts[level] = index + 1;
    return index;
  }

  private assertSize(size: number): void {
    if (!Number.isInteger(size) || size < 0 || size > this.size)
      throw new RangeError(`tree has ${this.size} leaves, not ${size}`);
  }
}

/** The largest power of two strictly smaller than n (n ≥ 2), RFC 6962's split point k. */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
