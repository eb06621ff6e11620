import { describe, expect, it } from 'vitest';
import { MerkleTree } from './merkle-tree.js';
import { hashLeaf, verifyConsistency, verifyInclusion } from './merkle-verify.js';

// Known-answer vectors of the RFC 6962 reference implementation (certificate-transparency).
const inputs = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const roots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const h = {
  a: '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  b: '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
  c: '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  d: 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  e: 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  f: '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
};
const inclusion: [number, number, string[]][] = [
  [0, 1, []],
  [0, 8, [h.a, h.b, h.c]],
  [5, 8, [h.d, h.e, roots[3] as string]],
  [2, 3, [roots[1] as string]],
  [1, 5, [roots[0] as string, h.b, h.d]],
];
const consistency: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, [h.a, h.b, h.c]],
  [6, 8, [h.f, h.e, roots[3] as string]],
  [2, 5, [h.b, h.d]],
];

function referenceTree(): MerkleTree {
  const tree = new MerkleTree();
  for (const input of inputs) tree.append(hashLeaf(Buffer.from(input, 'hex')));
  return tree;
}
const hex = (list: Buffer[]) => list.map((b) => b.toString('hex'));
const bytes = (list: string[]) => list.map((s) => Buffer.from(s, 'hex'));
const root = (size: number) => Buffer.from(roots[size - 1] as string, 'hex');

describe('RFC 6962 / 9162 Merkle tree', () => {
  it('computes the reference roots for every size, and the empty root', () => {
    const tree = referenceTree();
    for (const [i, expected] of roots.entries()) expect(tree.root(i + 1).toString('hex')).toBe(expected);
    expect(new MerkleTree().root().toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('produces and verifies the reference inclusion proofs', () => {
    const tree = referenceTree();
    for (const [index, size, proof] of inclusion) {
      expect(hex(tree.inclusionProof(index, size))).toEqual(proof);
      const leaf = hashLeaf(Buffer.from(inputs[index] as string, 'hex'));
      expect(verifyInclusion(index, size, leaf, bytes(proof), root(size))).toBe(true);
    }
  });

  it('produces and verifies the reference consistency proofs', () => {
    const tree = referenceTree();
    for (const [size1, size2, proof] of consistency) {
      expect(hex(tree.consistencyProof(size1, size2))).toEqual(proof);
      expect(verifyConsistency(size1, size2, bytes(proof), root(size1), root(size2))).toBe(true);
    }
  });

  it('rejects every single-byte alteration of a proof or root', () => {
    for (const [index, size, proof] of inclusion.filter(([, , p]) => p.length > 0)) {
      const leaf = hashLeaf(Buffer.from(inputs[index] as string, 'hex'));
      forEachByteFlip(bytes(proof), (bad) =>
        expect(verifyInclusion(index, size, leaf, bad, root(size))).toBe(false),
      );
      expect(verifyInclusion(index ^ 1, size, leaf, bytes(proof), root(size))).toBe(false);
    }
    for (const [size1, size2, proof] of consistency.filter(([, , p]) => p.length > 0)) {
      forEachByteFlip(bytes(proof), (bad) =>
        expect(verifyConsistency(size1, size2, bad, root(size1), root(size2))).toBe(false),
      );
      expect(verifyConsistency(size1, size2, bytes(proof).slice(1), root(size1), root(size2))).toBe(false);
    }
  });

  it('agrees with itself on every proof of a larger tree', () => {
    const tree = new MerkleTree();
    for (let i = 0; i < 70; i += 1) tree.append(hashLeaf(Buffer.from([i])));
    for (let size = 1; size <= 70; size += 1) {
      for (let index = 0; index < size; index += 7)
        expect(
          verifyInclusion(index, size, tree.leaf(index), tree.inclusionProof(index, size), tree.root(size)),
        ).toBe(true);
      for (let old = 1; old <= size; old += 5)
        expect(
          verifyConsistency(old, size, tree.consistencyProof(old, size), tree.root(old), tree.root(size)),
        ).toBe(true);
    }
  });
});

function forEachByteFlip(proof: Buffer[], check: (bad: Buffer[]) => void): void {
  proof.forEach((node, n) => {
    for (let i = 0; i < node.length; i += 1) {
      const bad = proof.map((p) => Buffer.from(p));
      const target = bad[n] as Buffer;
      target[i] = (target[i] as number) ^ 0x01;
      check(bad);
    }
  });
}
