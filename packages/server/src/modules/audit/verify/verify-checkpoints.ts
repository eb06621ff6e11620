import type { KeyObject } from 'node:crypto';
import { type AuditDeps, CHECKPOINT_KEY } from '../audit.deps.js';
import type { ChainBreak } from '../chain/chain-scan.js';
import { isCheckpointSigned, type SignedCheckpoint } from '../checkpoints/checkpoint.js';
import { listCheckpoints } from '../checkpoints/checkpoints.repository.js';
import type { MerkleTree } from '../proofs/merkle-tree.js';

/**
 * Checks every checkpoint (database and anchor) against the recomputed tree. A forged
 * checkpoint fails its signature; a truncated log is shorter than a signed size; a chain
 * rewritten with recomputed hashes no longer has the signed root. The break names the
 * first event after the last checkpoint that still matches.
 */
export async function checkCheckpoints(
  deps: AuditDeps,
  chain: string,
  tree: MerkleTree,
  anchored: SignedCheckpoint[],
): Promise<{ verified: number; lastGood: number; broken: ChainBreak | null }> {
  const key = deps.keyring.signingKey(CHECKPOINT_KEY);
  const all = dedupe([...(await listCheckpoints(deps.db, chain)), ...anchored]);
  let verified = 0;
  let lastGood = 0;
  for (const checkpoint of all) {
    const broken = checkpointBreak(checkpoint, { chain, key, tree, lastGood });
    if (broken) return { verified, lastGood, broken };
    verified += 1;
    lastGood = Number(checkpoint.tree_size);
  }
  return { verified, lastGood, broken: null };
}

/** Why one checkpoint does not hold for the recomputed tree, or null when it does. */
function checkpointBreak(
  checkpoint: SignedCheckpoint,
  against: {
    chain: string;
    key: { publicKey: KeyObject; keyId: string };
    tree: MerkleTree;
    lastGood: number;
  },
): ChainBreak | null {
  const { chain, key, tree, lastGood } = against;
  const size = Number(checkpoint.tree_size);
  const at = (seq: number, problem: string): ChainBreak => ({ seq, id: null, problem });
  if (checkpoint.chain !== chain || !isCheckpointSigned(checkpoint, key.publicKey, key.keyId))
    return at(lastGood + 1, `checkpoint of size ${size} is forged (signature not valid)`);
  if (size > tree.size)
    return at(
      tree.size + 1,
      `log truncated: a signed checkpoint covers ${size} events, only ${tree.size} remain`,
    );
  if (tree.root(size).toString('hex') !== checkpoint.root_hash)
    return at(
      lastGood + 1,
      `events ${lastGood + 1}–${size} were rewritten (root differs from the signed checkpoint)`,
    );
  return null;
}

function dedupe(checkpoints: SignedCheckpoint[]): SignedCheckpoint[] {
  const seen = new Map<string, SignedCheckpoint>();
  for (const checkpoint of checkpoints)
    seen.set(`${checkpoint.tree_size}:${checkpoint.signature}`, checkpoint);
  return [...seen.values()].sort((a, b) => Number(a.tree_size) - Number(b.tree_size));
}
