import { createHash } from 'node:crypto';
import { nowIso } from '../../../platform/db/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { auditEvents } from '../audit.catalogue.js';
import type { AuditDeps } from '../audit.deps.js';
import { systemActor } from '../chain/actor.js';
import { eventsAfter, lastSeqBefore, readHead } from '../chain/chain.repository.js';
import { AUDIT_CHAINS } from '../chain/chain.types.js';
import { recordEvent } from '../chain/recorder.service.js';
import { latestCheckpoint } from '../checkpoints/checkpoints.repository.js';
import { buildBundle } from '../proofs/bundle.service.js';
import { deleteArchivedEvents, insertArchive, listArchives } from './retention.repository.js';

const MAX_PER_ARCHIVE = 50_000;

export interface ArchiveResult {
  chain: string;
  fromSeq: number;
  toSeq: number;
  storageKey: string;
}

/**
 * Moves events older than the retention period out of the database into storage, as
 * evidence bundles covered by a signed checkpoint. The archive row and the deletion commit
 * together (the database only lets archived sequence ranges be deleted), and verification
 * reads the archives first, so the archived history stays part of the verified chain.
 */
export async function archiveExpired(
  deps: AuditDeps,
  chains: readonly string[] = AUDIT_CHAINS,
): Promise<ArchiveResult[]> {
  if (deps.retentionDays <= 0) return [];
  const cutoff = new Date(deps.clock.now().getTime() - deps.retentionDays * 86_400_000).toISOString();
  const results: ArchiveResult[] = [];
  for (const chain of chains) {
    const result = await archiveChain(deps, chain, cutoff);
    if (result) results.push(result);
  }
  return results;
}

async function archiveChain(deps: AuditDeps, chain: string, cutoff: string): Promise<ArchiveResult | null> {
  const archives = await listArchives(deps.db, chain);
  const fromSeq = (archives[archives.length - 1]?.to_seq ?? 0) + 1;
  const toSeq = Math.min(await lastExpiredSeq(deps, chain, cutoff), fromSeq + MAX_PER_ARCHIVE - 1);
  if (toSeq < fromSeq) return null;
  const events = await eventsAfter(deps.db, chain, fromSeq - 1, toSeq - fromSeq + 1, toSeq);
  const bundle = await buildBundle(deps, chain, events, {
    filter: { chain, from_seq: fromSeq, to_seq: toSeq },
    throughSeq: toSeq,
    total: toSeq - fromSeq + 1,
  });
  const bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
  const stored = await deps.storage.put(bytes, { contentType: 'application/json' });
  const checkpoint = await latestCheckpoint(deps.db, chain);
  await inTransaction(deps.db, async (trx) => {
    await insertArchive(trx, {
      id: newId(),
      chain,
      from_seq: fromSeq,
      to_seq: toSeq,
      storage_key: stored.key,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      checkpoint_id: checkpoint?.id ?? '',
      created_at: nowIso(deps.clock),
    });
    await deleteArchivedEvents(trx, chain, { fromSeq, toSeq });
    await recordEvent(trx, {
      action: auditEvents['archive.created'],
      actor: systemActor('audit-retention'),
      entityType: 'audit_archive',
      entityId: stored.key,
      details: { chain, from_seq: fromSeq, to_seq: toSeq, checkpoint_size: checkpoint?.tree_size ?? null },
    });
  });
  return { chain, fromSeq, toSeq, storageKey: stored.key };
}

/** The last seq such that every event up to it is older than the cutoff. */
async function lastExpiredSeq(deps: AuditDeps, chain: string, cutoff: string): Promise<number> {
  const seq = await lastSeqBefore(deps.db, chain, cutoff);
  if (seq !== null) return seq;
  return (await readHead(deps.db, chain))?.seq ?? 0;
}
