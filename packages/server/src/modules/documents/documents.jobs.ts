import { Type } from '@sinclair/typebox';
import { systemActor } from '../../platform/actor.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import { collectUnreferenced } from '../../platform/storage/storage-references.js';
import { type DocumentsDeps, documentsDeps } from './documents.deps.js';
import * as docs from './documents.repository.js';
import { purgeDocument } from './lifecycle.service.js';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Removes trashed documents past the restore window (DOCUMENTS_TRASH_DAYS) that are neither
 * held nor retained, one transaction each, then lets the storage collector delete bytes
 * nothing refers to any more. Idempotent: a rerun finds only what is left.
 */
export async function runPurge(
  deps: DocumentsDeps,
  limit = 200,
): Promise<{ purged: number; objectsDeleted: number }> {
  const now = deps.clock.now();
  const trashedBefore = new Date(now.getTime() - deps.settings.trashDays * dayMs).toISOString();
  const candidates = await docs.purgeable(deps.db, trashedBefore, now.toISOString(), limit);
  const actor = systemActor('documents.purge');
  let purged = 0;
  for (const row of candidates) {
    if (await inTransaction(deps.db, (trx) => purgeDocument(trx, deps, actor, row.id))) purged += 1;
  }
  const releasedBefore = new Date(now.getTime() - deps.settings.storageGraceMs);
  const objectsDeleted = await collectUnreferenced(deps.db, deps.storage, releasedBefore);
  return { purged, objectsDeleted };
}

export const purgeJob = defineJob({
  name: 'documents.purge',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { attempts: 3, backoff: 'exponential', delayMs: 60_000 },
  async handler(_payload, run) {
    const result = await runPurge(documentsDeps(run.ctx));
    run.ctx.logger.info(result, 'documents purge finished');
  },
});

export const purgeSchedule = defineSchedule({ name: 'documents.purge', job: purgeJob, cron: '17 3 * * *' });
