import { listCheckpoints } from './audit.repository.js';
import type { ChainBreak } from './audit-chain-scan.js';
import { isCheckpointSigned, type SignedCheckpoint } from './audit-checkpoint.js';
import { type AuditDeps, CHECKPOINT_KEY } from './audit-deps.js';
import type { MerkleTree } from './audit-merkle-tree.js';

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
    const size = Number(checkpoint.tree_size);
    if (checkpoint.chain !== chain || !isCheckpointSigned(checkpoint, key.publicKey, key.keyId))
      return {
        verified,
        lastGood,
        broken: {
          seq: lastGood + 1,
          id: null,
          problem: `checkpoint of size ${size} is forged (signature not valid)`,
        },
      };
    if (size > tree.size)
      return {
        verified,
        lastGood,
        broken: {
          seq: tree.size + 1,
          id: null,
          problem: `log truncated: a signed checkpoint covers ${size} events, only ${tree.size} remain`,
        },
      };
    if (tree.root(size).toString('hex') !== checkpoint.root_hash)
      return {
        verified,
        lastGood,
        broken: {
          seq: lastGood + 1,
          id: null,
          problem: `events ${lastGood + 1}–${size} were rewritten (root differs from the signed checkpoint)`,
        },
      };
    verified += 1;
    lastGood = size;
  }
  return { verified, lastGood, broken: null };
}

function dedupe(checkpoints: SignedCheckpoint[]): SignedCheckpoint[] {
  const seen = new Map<string, SignedCheckpoint>();
  for (const checkpoint of checkpoints)
    seen.set(`${checkpoint.tree_size}:${checkpoint.signature}`, checkpoint);
  return [...seen.values()].sort((a, b) => Number(a.tree_size) - Number(b.tree_size));
}
