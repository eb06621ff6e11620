import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalize } from '../chain/canonical-json.js';

/** A signed statement "chain X had N events with Merkle root R at time T" (a signed tree head). */
export interface SignedCheckpoint {
  chain: string;
  tree_size: number;
  root_hash: string;
  created_at: string;
  key_id: string;
  /** Ed25519 signature (base64) over `checkpointStatement(...)`. */
  signature: string;
}

/** The exact bytes a checkpoint signature covers: RFC 8785 JSON with a format tag. */
function checkpointStatement(checkpoint: Omit<SignedCheckpoint, 'signature'>): Buffer {
  return Buffer.from(
    canonicalize({
      format: 'signx-audit-checkpoint/1',
      chain: checkpoint.chain,
      tree_size: Number(checkpoint.tree_size),
      root_hash: checkpoint.root_hash,
      created_at: checkpoint.created_at,
      key_id: checkpoint.key_id,
    }),
    'utf8',
  );
}

export function signCheckpoint(
  unsigned: Omit<SignedCheckpoint, 'signature'>,
  privateKey: KeyObject,
): SignedCheckpoint {
  const signature = sign(null, checkpointStatement(unsigned), privateKey).toString('base64');
  return { ...unsigned, tree_size: Number(unsigned.tree_size), signature };
}

/** True when `checkpoint` is signed by `publicKey` (and claims that key's id). */
export function isCheckpointSigned(
  checkpoint: SignedCheckpoint,
  publicKey: KeyObject,
  keyId: string,
): boolean {
  if (checkpoint.key_id !== keyId) return false;
  try {
    const unsigned = { ...checkpoint, signature: undefined };
    return verify(
      null,
      checkpointStatement(unsigned),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** Public keys travel as base64 SPKI DER, so a bundle needs no PEM parser. */
export function exportPublicKey(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

export function importPublicKey(spkiBase64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
}
