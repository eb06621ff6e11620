import { createHash } from 'node:crypto';
import type { StoragePort } from '../../../platform/storage/storage.port.js';
import type { ScannedEvent } from '../chain/chain-scan.js';
import type { AuditBundle } from '../proofs/bundle.js';

/**
 * The events of an archive bundle in storage, after checking the bytes are the ones the
 * archive row names (the storage port also verifies its content address on read).
 */
export async function readArchivedEvents(
  storage: StoragePort,
  archive: { storage_key: string; sha256: string; from_seq: number; to_seq: number },
): Promise<ScannedEvent[]> {
  const bytes = await storage.read(archive.storage_key);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== archive.sha256)
    throw new Error(`audit archive ${archive.storage_key} does not match its hash`);
  const bundle = JSON.parse(bytes.toString('utf8')) as AuditBundle;
  return bundle.events.map(({ inclusion_proof: _proof, ...event }) => event);
}
