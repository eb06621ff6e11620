import type { DbOrTrx } from '../../../platform/db/schema.js';
import { type AuditDeps, CHECKPOINT_KEY } from '../audit.deps.js';
import type { AuditEventsTable } from '../audit.tables.js';
import { eventsOfEntity } from '../chain/chain.repository.js';
import { eventLeafHash } from '../chain/leaf.js';
import { eventMac, MAC_PURPOSE } from '../chain/recorder.settings.js';
import type { SignedCheckpoint } from '../checkpoints/checkpoint.js';
import { latestCheckpoint } from '../checkpoints/checkpoints.repository.js';
import { checkpointRowKey, isTrustedCheckpoint } from './checkpoint-trust.js';
import type { MerkleTree } from './merkle-tree.js';
import { verifiedTree } from './tree-cache.js';

/**
 * A read-only inclusion check of one entity's events, cheap enough to run on every request
 * (signature verification): no checkpoint is made, no bundle built, nothing is written.
 *
 * - Events the latest signed checkpoint covers: the leaf hash is recomputed from the stored
 *   fields and must be the leaf at index seq − 1 of the in-memory verified tree, whose Merkle
 *   root at the checkpoint's size must equal the signed root (compared once per checkpoint).
 *   The latest checkpoint row is read on every check; its Ed25519 signature is checked once
 *   per distinct row (checkpoint-trust.ts: bounded, keyed by every column of the row).
 * - Events newer than that checkpoint: the leaf hash is recomputed and the event's MAC
 *   (keyring secret, never in the database) checked, as the checkpoint job does before it
 *   signs; the next checkpoint then covers them.
 */
export interface EntityInclusion {
  /** The entity's events in the chain, oldest first, as stored. */
  events: AuditEventsTable[];
  /** Events whose inclusion (signed root or MAC) held. */
  verified: number;
  problems: string[];
  /** The signed checkpoint the proofs were checked against (null: none covers any event yet). */
  checkpoint: Pick<SignedCheckpoint, 'tree_size' | 'root_hash' | 'key_id'> | null;
}

interface TrustedCheckpoint {
  tree_size: number;
  root: Buffer;
  root_hash: string;
  key_id: string;
  /** Every column of the row (checkpoint-trust.ts): what the root comparison below is kept for. */
  rowKey: string;
  /** Whether the verified tree `rootOf` has the signed root at this size (once per row and tree). */
  rootMatches?: boolean;
  rootOf?: MerkleTree;
}

/**
 * Per database handle and chain, the latest checkpoint row as last read and whether the
 * verified tree has its root: kept while the row read on the next check is the same, byte for
 * byte (one entry per chain, replaced when the row changes).
 */
const checkpoints = new WeakMap<object, Map<string, TrustedCheckpoint>>();

/** Called when this process signs a checkpoint (the next check reads it anyway). */
export function forgetCheckpoint(db: object, chain: string): void {
  checkpoints.get(db)?.delete(chain);
}

export async function entityInclusion(
  deps: AuditDeps,
  chain: string,
  entity: { entityType: string; entityId: string },
): Promise<EntityInclusion> {
  const events = await eventsOfEntity(deps.db, chain, entity);
  const problems: string[] = [];
  if (events.length === 0) return { events, verified: 0, problems, checkpoint: null };
  const trusted = await trustedCheckpoint(deps, chain);
  if (trusted === 'forged')
    return {
      events,
      verified: 0,
      problems: ['the latest audit checkpoint is not signed by this installation'],
      checkpoint: null,
    };
  let verified = 0;
  let tree: Awaited<ReturnType<typeof verifiedTree>> | null = null;
  const macKey = deps.keyring.secret(MAC_PURPOSE);
  for (const event of events) {
    const seq = Number(event.seq);
    const leaf = eventLeafHash(event);
    if (leaf !== event.leaf_hash) {
      problems.push(`audit event ${seq} was altered after it was recorded`);
      continue;
    }
    if (trusted && seq <= trusted.tree_size) {
      try {
        tree ??= await verifiedTree(deps.db, deps.storage, chain, trusted.tree_size);
      } catch {
        problems.push('the audit trail does not verify');
        break;
      }
      // The verified tree's root at the checkpoint's size is compared with the signed root once
      // per checkpoint; a leaf at its index in that tree is then included under the signed root.
      if (trusted.rootOf !== tree) {
        trusted.rootMatches = tree.root(trusted.tree_size).equals(trusted.root);
        trusted.rootOf = tree;
      }
      if (trusted.rootMatches && tree.leaf(seq - 1).toString('hex') === leaf) verified += 1;
      else problems.push(`audit event ${seq} is not in the signed checkpoint`);
    } else if (event.mac && event.mac === eventMac(leaf, macKey)) {
      verified += 1;
    } else {
      problems.push(`audit event ${seq} is not authenticated (MAC missing or wrong)`);
    }
  }
  return {
    events,
    verified,
    problems,
    checkpoint: trusted
      ? { tree_size: trusted.tree_size, root_hash: trusted.root_hash, key_id: trusted.key_id }
      : null,
  };
}

/**
 * The newest signed checkpoint, read on every check (one indexed row): its signature is
 * checked once per distinct row (`isTrustedCheckpoint`, bounded and keyed by every column), so
 * a row replaced or altered in the database is checked again and refused when forged, and a
 * new checkpoint is used as soon as it is stored.
 */
async function trustedCheckpoint(
  deps: AuditDeps,
  chain: string,
): Promise<TrustedCheckpoint | 'forged' | null> {
  const latest = await latestCheckpoint(deps.db as DbOrTrx, chain);
  if (!latest) return null;
  const key = deps.keyring.signingKey(CHECKPOINT_KEY);
  if (!isTrustedCheckpoint(latest, key.publicKey, key.keyId)) return 'forged';
  let perDb = checkpoints.get(deps.db);
  if (!perDb) {
    perDb = new Map();
    checkpoints.set(deps.db, perDb);
  }
  const rowKey = checkpointRowKey(latest);
  const known = perDb.get(chain);
  if (known?.rowKey === rowKey) return known;
  const trusted = {
    tree_size: latest.tree_size,
    root: Buffer.from(latest.root_hash, 'hex'),
    root_hash: latest.root_hash,
    key_id: latest.key_id,
    rowKey,
  };
  perDb.set(chain, trusted);
  return trusted;
}
