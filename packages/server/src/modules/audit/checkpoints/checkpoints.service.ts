import { nowIso } from '../../../platform/db/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { domainError } from '../../../platform/errors.js';
import { type AuditDeps, CHECKPOINT_KEY } from '../audit.deps.js';
import { auditErrors } from '../audit.errors.js';
import { readHead } from '../chain/chain.repository.js';
import { MAC_PURPOSE } from '../chain/recorder.settings.js';
import { forgetCheckpoint } from '../proofs/inclusion.service.js';
import { verifiedTree } from '../proofs/tree-cache.js';
import { writeAnchor } from './anchor.js';
import { firstUnauthenticEvent } from './authenticity.service.js';
import { type SignedCheckpoint, signCheckpoint } from './checkpoint.js';
import { insertCheckpoint, latestCheckpoint } from './checkpoints.repository.js';

/**
 * Signs the current state of a chain (tree size + Merkle root + time) with the platform's
 * checkpoint key and writes it to the anchor directory first, then to the database, so every
 * checkpoint the database shows is also outside it. Does nothing when no event was added
 * since the last checkpoint. Refuses to sign a chain that no longer verifies.
 */
export async function createCheckpoint(deps: AuditDeps, chain: string): Promise<SignedCheckpoint | null> {
  const head = await readHead(deps.db, chain);
  if (!head || head.seq === 0) return null;
  const last = await latestCheckpoint(deps.db, chain);
  if (last && last.tree_size >= head.seq) return null;
  const tree = await verifiedTree(deps.db, deps.storage, chain, head.seq);
  const key = deps.keyring.secret(MAC_PURPOSE);
  const forged = await firstUnauthenticEvent(deps.db, chain, last?.tree_size ?? 0, head.seq, key);
  if (forged)
    throw domainError(
      auditErrors.AUDIT_LOG_BROKEN,
      `The audit log does not verify (chain ${chain}, event ${forged.seq}: ${forged.problem})`,
      {
        details: { chain, seq: forged.seq },
      },
    );
  const signer = deps.keyring.signingKey(CHECKPOINT_KEY);
  const checkpoint = signCheckpoint(
    {
      chain,
      tree_size: head.seq,
      root_hash: tree.root(head.seq).toString('hex'),
      created_at: nowIso(deps.clock),
      key_id: signer.keyId,
    },
    signer.privateKey,
  );
  writeAnchor(deps.anchorDir, checkpoint);
  await insertCheckpoint(deps.db, newId(), checkpoint);
  forgetCheckpoint(deps.db, chain);
  return checkpoint;
}

/** Checkpoints every chain that has new events (the periodic job and `signx audit checkpoint`). */
export async function checkpointAll(deps: AuditDeps, chains: readonly string[]): Promise<SignedCheckpoint[]> {
  const made: SignedCheckpoint[] = [];
  for (const chain of chains) {
    const checkpoint = await createCheckpoint(deps, chain);
    if (checkpoint) made.push(checkpoint);
  }
  return made;
}
