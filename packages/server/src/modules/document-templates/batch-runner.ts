import { zipSync } from 'fflate';
import { systemActor } from '../../platform/actor.js';
import { decodeJson } from '../../platform/db/json-codec.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { type RowBatchProgress, rowBatchProgress, runPendingItems } from '../../platform/jobs/row-batch.js';
import type { PutResult } from '../../platform/storage/storage.port.js';
import { releaseUnfiled, retainObject } from '../../platform/storage/storage-references.js';
import { documents } from '../documents/index.js';
import * as repo from './batches.repository.js';
import type { DocumentTemplatesDeps } from './document-templates.deps.js';
import { fillRow, toPdf } from './template-files.service.js';
import { getVersion } from './templates.service.js';

/**
 * The work of one batch job: every pending row filled, converted and stored (and filed on
 * its record) on its own, so one bad row fails alone; progress published after each row;
 * then a ZIP of the results. A re-run (the job runs at least once) skips settled rows.
 */
export const batchTopic = (batchId: string) => `document-batch:${batchId}`;

export interface BatchProgress extends RowBatchProgress {
  batch_id: string;
  /** The row just settled, when there is one. */
  row?: { row_index: number; status: string; error: string | null };
}

export function progressOf(batch: repo.BatchRow): BatchProgress {
  return { batch_id: batch.id, ...rowBatchProgress(batch) };
}

/** Converted files in flight at once: enough to keep every LibreOffice worker busy. */
function lanesFor(deps: DocumentTemplatesDeps): number {
  return Math.max(2, (deps.converter.stats()?.workers ?? 2) + 1);
}

export async function runBatch(
  deps: DocumentTemplatesDeps,
  batchId: string,
  signal: AbortSignal,
): Promise<void> {
  const batch = await repo.batches.find(deps.db, batchId);
  if (!batch || batch.status === 'completed' || batch.status === 'cancelled') return;
  await repo.batches.move(deps.db, batchId, ['queued'], {
    status: 'running',
    updated_at: deps.clock.now().toISOString(),
  });
  const version = await getVersion(deps.db, batch.template_id, batch.template_version);
  const template = await deps.storage.read(version.file_key);
  const pending = await repo.batches.items(deps.db, batchId, 'pending');
  await runPendingItems(pending, lanesFor(deps), {
    signal,
    cancelled: async () => (await repo.batches.find(deps.db, batchId))?.status === 'cancelled',
    work: (item) => runItem(deps, batch, template, item),
  });
  if (signal.aborted) throw new Error('the batch job was stopped; it resumes from the first unsettled row');
  await finish(deps, batchId);
}

async function produce(
  deps: DocumentTemplatesDeps,
  batch: repo.BatchRow,
  template: Buffer,
  item: repo.BatchItemRow,
) {
  const docx = fillRow(template, decodeJson<Record<string, unknown>>(item.data) ?? {});
  return batch.output === 'pdf' ? toPdf(deps, docx) : docx;
}

async function runItem(
  deps: DocumentTemplatesDeps,
  batch: repo.BatchRow,
  template: Buffer,
  item: repo.BatchItemRow,
) {
  const actor = systemActor('document-templates.batch');
  let settled: Awaited<ReturnType<typeof repo.batches.settle>> = false;
  let error: string | null = null;
  let stored: PutResult | null = null;
  try {
    const bytes = await produce(deps, batch, template, item);
    stored = await deps.storage.put(bytes);
    const output = stored;
    const staged = batch.entity_type ? await documents.stage(deps.ctx, bytes, item.file_name) : null;
    // the filing and the row's "done" commit together: a row is never filed but shown failed
    settled = await inTransaction(deps.db, async (trx) => {
      // the row's result is one more reference on the (shared, content-addressed) object
      await retainObject(trx, deps.storage, output, deps.clock.now());
      const filed =
        staged && batch.entity_type
          ? await documents.create(trx, deps.ctx, actor, {
              entityType: batch.entity_type,
              entityId: item.entity_id ?? '',
              title: item.file_name,
              category: 'contract',
              content: staged,
              ...(batch.created_by ? { ownerId: batch.created_by } : {}),
            })
          : null;
      return repo.batches.settle(trx, item.id, {
        status: 'done',
        error: null,
        output_key: output.key,
        document_id: filed?.document.id ?? null,
        updated_at: deps.clock.now().toISOString(),
      });
    });
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
    // bytes put for a row that was not filed: collectable, unless something else counts them
    if (stored) await releaseUnfiled(deps.db, stored, deps.clock.now());
    settled = await repo.batches.settle(deps.db, item.id, {
      status: 'failed',
      error: error.slice(0, 1000),
      output_key: null,
      document_id: null,
      updated_at: deps.clock.now().toISOString(),
    });
  }
  if (!settled) return;
  const fresh = await repo.batches.refreshCounts(deps.db, batch.id, deps.clock.now().toISOString());
  if (fresh) {
    await deps.realtime.publish(batchTopic(batch.id), {
      ...progressOf(fresh),
      row: { row_index: item.row_index, status: error ? 'failed' : 'done', error },
    });
  }
}

/** Zips what was generated, marks the batch completed (unless cancelled) and publishes the end. */
async function finish(deps: DocumentTemplatesDeps, batchId: string): Promise<void> {
  const done = await repo.batches.items(deps.db, batchId, 'done');
  const entries: Record<string, Uint8Array> = {};
  for (const item of done) entries[item.file_name] = await deps.storage.read(item.output_key as string);
  const zip = done.length > 0 ? await deps.storage.put(Buffer.from(zipSync(entries, { level: 0 }))) : null;
  const now = deps.clock.now().toISOString();
  const batch = await repo.batches.refreshCounts(deps.db, batchId, now);
  if (!batch) return;
  await inTransaction(deps.db, async (trx) => {
    const moved = await repo.batches.move(trx, batchId, ['running', 'queued'], {
      status: 'completed',
      zip_key: zip?.key ?? null,
      finished_at: now,
      updated_at: now,
    });
    if (!moved)
      await repo.batches.move(trx, batchId, ['cancelled'], {
        status: 'cancelled',
        zip_key: zip?.key ?? null,
      });
    await deps.audit.record(trx, systemActor('document-templates.batch'), {
      type: 'document-templates.batch.finished',
      entityId: batchId,
      payload: {
        done: batch.done_count,
        failed: batch.failed_count,
        status: moved ? 'completed' : 'cancelled',
      },
    });
  });
  const final = await repo.batches.find(deps.db, batchId);
  if (final) await deps.realtime.publish(batchTopic(batchId), progressOf(final));
}
