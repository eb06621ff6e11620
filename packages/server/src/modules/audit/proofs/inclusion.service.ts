import type { DbOrTrx } from '../../../platform/db/schema.js';
import { type AuditDeps, CHECKPOINT_KEY } from '../audit.deps.js';
import type { AuditEventsTable } from '../audit.tables.js';
import { eventsOfEntity } from '../chain/chain.repository.js';
import { eventLeafHash } from '../chain/leaf.js';
import { eventMac, MAC_PURPOSE } from '../chain/recorder.settings.js';
import { isCheckpointSigned, type SignedCheckpoint } from '../checkpoints/checkpoint.js';
import { latestCheckpoint } from '../checkpoints/checkpoints.repository.js';
import { verifiedTree } from './tree-cache.js';

/**
 * A read-only inclusion check of one entity's events, cheap enough to run on every request
 * (signature verification): no checkpoint is made, no bundle built, nothing is written.
 *
 * - Events the latest signed checkpoint covers: the leaf hash is recomputed from the stored
 *   fields and must be the leaf at index seq − 1 of the in-memory verified tree, whose Merkle
 *   root at the checkpoint's size must equal the signed root (compared once per checkpoint).
 *   The checkpoint's Ed25519 signature is checked once and the checkpoint kept in memory
 *   until an event newer than it is asked about.
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
  /** Whether the verified tree has the signed root at this size (checked once). */
  rootMatches?: boolean;
}

/** Per database handle and chain: the newest checkpoint seen, and when it was last looked up. */
const checkpoints = new WeakMap<object, Map<string, { trusted: TrustedCheckpoint | null; readAt: number }>>();

/**
 * How often an event newer than the cached checkpoint makes us look for a newer one. Until
 * then such events are proven by their MAC, which is as strong; a checkpoint this process
 * signs is picked up at once (`forgetCheckpoint`), one signed by another worker within this.
 */
const REREAD_MS = 1000;

/** Called when this process signs a checkpoint, so the next check uses it. */
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
  const newest = Number(events.at(-1)?.seq);
  const trusted = await trustedCheckpoint(deps, chain, newest);
  if (trusted === 'forged')
    return {
      events,
      verified: 0,
      problems: ['the latest audit checkpoint is not signed by this installation'],
      checkpoint: null,
    };
  let verified = 0;
  let tree: Awaited<ReturnType<typeof verifiedTree>> | null = null;
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
      trusted.rootMatches ??= tree.root(trusted.tree_size).equals(trusted.root);
      if (trusted.rootMatches && tree.leaf(seq - 1).toString('hex') === leaf) verified += 1;
      else problems.push(`audit event ${seq} is not in the signed checkpoint`);
    } else if (event.mac && event.mac === eventMac(leaf, deps.keyring.secret(MAC_PURPOSE))) {
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

/** The newest signed checkpoint, from memory while it covers `seq`, else re-read and re-checked. */
async function trustedCheckpoint(
  deps: AuditDeps,
  chain: string,
  seq: number,
): Promise<TrustedCheckpoint | 'forged' | null> {
  let perDb = checkpoints.get(deps.db);
  if (!perDb) {
    perDb = new Map();
    checkpoints.set(deps.db, perDb);
  }
  const cached = perDb.get(chain);
  if (cached && ((cached.trusted?.tree_size ?? 0) >= seq || performance.now() - cached.readAt < REREAD_MS))
    return cached.trusted;
  const readAt = performance.now();
  const latest = await latestCheckpoint(deps.db as DbOrTrx, chain);
  if (!latest) {
    perDb.set(chain, { trusted: null, readAt });
    return null;
  }
  const known = cached?.trusted;
  if (known && known.tree_size === latest.tree_size && known.root_hash === latest.root_hash) {
    perDb.set(chain, { trusted: known, readAt });
    return known;
  }
  const key = deps.keyring.signingKey(CHECKPOINT_KEY);
  if (!isCheckpointSigned(latest, key.publicKey, key.keyId)) return 'forged';
  const trusted = {
    tree_size: latest.tree_size,
    root: Buffer.from(latest.root_hash, 'hex'),
    root_hash: latest.root_hash,
    key_id: latest.key_id,
  };
  perDb.set(chain, { trusted, readAt });
  return trusted;
}
