import { nowIso } from '../../../platform/db/clock.js';
import { domainError } from '../../../platform/errors.js';
import { type AuditDeps, CHECKPOINT_KEY } from '../audit.deps.js';
import { auditErrors } from '../audit.errors.js';
import type { AuditEventsTable } from '../audit.tables.js';
import { eventLeafHash, HASHED_FIELDS } from '../chain/leaf.js';
import { exportPublicKey, type SignedCheckpoint } from '../checkpoints/checkpoint.js';
import { latestCheckpoint, listCheckpoints } from '../checkpoints/checkpoints.repository.js';
import { createCheckpoint } from '../checkpoints/checkpoints.service.js';
import type { AuditBundle } from './bundle.js';
import type { MerkleTree } from './merkle-tree.js';
import { signSelection } from './selection.js';
import { verifiedTree } from './tree-cache.js';

/**
 * What a bundle was asked for: the filter, how many events matched it up to `throughSeq`,
 * and so whether `events` is all of them (a bundle of one entity) or the first of many.
 */
export interface BundleScope {
  filter: Record<string, unknown>;
  throughSeq: number;
  total: number;
}

/**
 * Builds an evidence bundle for `events` (all of one chain): a fresh checkpoint covering
 * them, an inclusion proof per event, every earlier checkpoint with its consistency proof,
 * and the public key. Archives use the same format, so archived history verifies the same way.
 */
export async function buildBundle(
  deps: AuditDeps,
  chain: string,
  events: AuditEventsTable[],
  scope?: BundleScope,
): Promise<AuditBundle> {
  await createCheckpoint(deps, chain);
  const head = await latestCheckpoint(deps.db, chain);
  if (!head) throw domainError(auditErrors.AUDIT_LOG_EMPTY, 'The audit log has no events to prove yet');
  const tree = await verifiedTree(deps.db, deps.storage, chain, head.tree_size);
  const included = events.filter((event) => event.chain === chain && Number(event.seq) <= head.tree_size);
  assertUnchanged(tree, included);
  const key = deps.keyring.signingKey(CHECKPOINT_KEY);
  const seqs = included.map((event) => Number(event.seq)).sort((a, b) => a - b);
  const selection = signSelection(
    {
      chain,
      through_seq: Math.min(scope?.throughSeq ?? seqs.at(-1) ?? 0, head.tree_size),
      filter: scope?.filter ?? { selected: 'the listed events' },
      total: scope?.total ?? seqs.length,
      seqs,
      key_id: key.keyId,
    },
    key.privateKey,
  );
  const earlier = (await listCheckpoints(deps.db, chain)).filter((cp) => cp.tree_size < head.tree_size);
  return {
    format: 'signx-audit-bundle/2',
    chain,
    created_at: nowIso(deps.clock),
    public_key: { algorithm: 'Ed25519', key_id: key.keyId, spki_base64: exportPublicKey(key.publicKey) },
    checkpoint: signedOnly(head),
    earlier_checkpoints: earlier.map((cp) => ({
      checkpoint: signedOnly(cp),
      consistency_proof: tree.consistencyProof(cp.tree_size, head.tree_size).map((h) => h.toString('hex')),
    })),
    events: included.map((event) => ({
      ...hashedOnly(event),
      inclusion_proof: tree
        .inclusionProof(Number(event.seq) - 1, head.tree_size)
        .map((h) => h.toString('hex')),
    })),
    selection,
  };
}

/** An event altered since it entered the verified tree is refused rather than exported. */
function assertUnchanged(tree: MerkleTree, events: AuditEventsTable[]): void {
  for (const event of events) {
    const leaf = eventLeafHash(event);
    if (leaf !== event.leaf_hash || tree.leaf(Number(event.seq) - 1).toString('hex') !== leaf)
      throw domainError(
        auditErrors.AUDIT_LOG_BROKEN,
        `The audit log does not verify (event ${event.seq} was altered)`,
        {
          details: { chain: event.chain, seq: Number(event.seq) },
        },
      );
  }
}

function signedOnly(cp: SignedCheckpoint): SignedCheckpoint {
  const { chain, tree_size, root_hash, created_at, key_id, signature } = cp;
  return { chain, tree_size: Number(tree_size), root_hash, created_at, key_id, signature };
}

function hashedOnly(event: AuditEventsTable) {
  const copy: Record<string, unknown> = {};
  for (const field of HASHED_FIELDS) copy[field] = event[field];
  copy.seq = Number(event.seq);
  copy.leaf_hash = event.leaf_hash;
  return copy as AuditBundle['events'][number];
}
