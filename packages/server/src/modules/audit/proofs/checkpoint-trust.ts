import type { KeyObject } from 'node:crypto';
import { isCheckpointSigned, type SignedCheckpoint } from '../checkpoints/checkpoint.js';

/**
 * Checkpoint rows whose Ed25519 signature held, remembered so that a proof against the same
 * checkpoint costs one map lookup instead of a signature check. The key is every stored
 * column of the row (id, chain, size, root, time, key id, signature) and the cache belongs to
 * the public key that checked it: a row that differs in any byte (a replaced root, a forged
 * or re-signed row, another installation's key) is a different key and is checked again,
 * so it is never accepted on the strength of an earlier check. Bounded: the
 * `TRUSTED_CHECKPOINTS` most recently used rows per key, least recently used dropped first.
 */
export const TRUSTED_CHECKPOINTS = 64;

const trusted = new WeakMap<KeyObject, Map<string, true>>();

/** Signature checks actually run (not answered from the cache); read by tests. */
export const checkpointTrustStats = { signatureChecks: 0 };

export function checkpointRowKey(row: SignedCheckpoint & { id?: string }): string {
  return [
    row.id ?? '',
    row.chain,
    String(Number(row.tree_size)),
    row.root_hash,
    row.created_at,
    row.key_id,
    row.signature,
  ].join('\n');
}

/** Whether `row` is signed by `publicKey` (`keyId`): from the cache, else checked and cached. */
export function isTrustedCheckpoint(
  row: SignedCheckpoint & { id?: string },
  publicKey: KeyObject,
  keyId: string,
) {
  let rows = trusted.get(publicKey);
  if (!rows) {
    rows = new Map();
    trusted.set(publicKey, rows);
  }
  const key = checkpointRowKey(row);
  if (rows.has(key)) {
    rows.delete(key); // most recently used last
    rows.set(key, true);
    return true;
  }
  checkpointTrustStats.signatureChecks += 1;
  if (!isCheckpointSigned(row, publicKey, keyId)) return false;
  rows.set(key, true);
  if (rows.size > TRUSTED_CHECKPOINTS) rows.delete(rows.keys().next().value as string);
  return true;
}

/** How many checkpoint rows are remembered for `publicKey` (tests: the bound holds). */
export function trustedCheckpointCount(publicKey: KeyObject): number {
  return trusted.get(publicKey)?.size ?? 0;
}
