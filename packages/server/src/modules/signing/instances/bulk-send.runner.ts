import type { Actor } from '../../../platform/actor.js';
import { systemActor } from '../../../platform/actor.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { rowBatchProgress, runPendingItems } from '../../../platform/jobs/row-batch.js';
import * as repo from './bulk-send.repository.js';
import type { BulkRow as SheetRow } from './bulk-sheet.js';
import type { InstancesDeps } from './instances.deps.js';
import {
  createInstance,
  type Language,
  type StagedTemplate,
  stageSummary,
  stageTemplate,
} from './instantiate.service.js';

/**
 * The work of one bulk-send job: every pending row created and sent in its own transaction
 * (one bad row fails alone, with its reason), progress published after each row on
 * `bulkTopic`, then the end. A re-run (jobs run at least once) skips settled rows.
 */
export const bulkTopic = (id: string) => `signing-bulk-send:${id}`;

/** Rows created at once: the work is mostly database; two lanes keep one writer busy. */
const LANES = 2;

export async function runBulkSend(deps: InstancesDeps, id: string, signal: AbortSignal): Promise<void> {
  const bulk = await repo.bulks.find(deps.db, id);
  if (!bulk || bulk.status === 'completed' || bulk.status === 'cancelled') return;
  await repo.bulks.move(deps.db, id, ['queued'], {
    status: 'running',
    updated_at: deps.clock.now().toISOString(),
  });
  // the template's PDFs are staged once: each row files a reference to the same stored bytes
  const staged = await stageTemplate(deps, bulk.template_id);
  // the requests are the sender's: the job acts for them (documents need an owner)
  const actor: Actor = { ...systemActor('signing.bulk-send'), userId: bulk.created_by };
  const pending = await repo.bulks.items(deps.db, id, 'pending');
  await runPendingItems(pending, LANES, {
    signal,
    cancelled: async () => (await repo.bulks.find(deps.db, id))?.status === 'cancelled',
    work: (item) => runRow(deps, actor, bulk, staged, item),
  });
  if (signal.aborted) throw new Error('the bulk send was stopped; it resumes from the first unsettled row');
  await finish(deps, id);
}

async function runRow(
  deps: InstancesDeps,
  actor: Actor,
  bulk: repo.BulkRow,
  staged: StagedTemplate,
  item: repo.BulkItemRow,
): Promise<void> {
  const row = decodeJson<SheetRow>(item.data) as SheetRow;
  const first = Object.values(row.parties)[0]?.signer_name;
  const input = {
    staged,
    parties: row.parties,
    entityId: row.entity_id ?? `bulk-${bulk.id.slice(-12)}-${item.row_index}`,
    title: (row.title ?? (first ? `${bulk.title} — ${first}` : bulk.title)).slice(0, 300),
    language: bulk.language as Language,
  };
  let error: string | null = null;
  let settled = false;
  try {
    const summary = await stageSummary(deps, input);
    settled = await inTransaction(deps.db, async (trx) => {
      const made = await createInstance(trx, deps, actor, input, summary);
      return repo.bulks.settle(trx, item.id, {
        status: 'done',
        request_id: made.request.id,
        error: null,
        updated_at: deps.clock.now().toISOString(),
      });
    });
  } catch (failure) {
    error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 1000);
    settled = await repo.bulks.settle(deps.db, item.id, {
      status: 'failed',
      request_id: null,
      error,
      updated_at: deps.clock.now().toISOString(),
    });
  }
  if (!settled) return;
  const fresh = await repo.bulks.refreshCounts(deps.db, bulk.id, deps.clock.now().toISOString());
  if (fresh)
    await deps.realtime.publish(bulkTopic(bulk.id), {
      ...progressOf(fresh),
      row: { row_index: item.row_index, status: error ? 'failed' : 'done', error },
    });
}

export function progressOf(bulk: repo.BulkRow) {
  return { bulk_send_id: bulk.id, ...rowBatchProgress(bulk) };
}

async function finish(deps: InstancesDeps, id: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  const bulk = await repo.bulks.refreshCounts(deps.db, id, now);
  if (!bulk) return;
  await inTransaction(deps.db, async (trx) => {
    const moved = await repo.bulks.move(trx, id, ['running', 'queued'], {
      status: 'completed',
      finished_at: now,
      updated_at: now,
    });
    await deps.events.record(trx, systemActor('signing.bulk-send'), {
      type: 'signing.bulk_send.finished',
      entityId: id,
      payload: {
        done: bulk.done_count,
        failed: bulk.failed_count,
        status: moved ? 'completed' : 'cancelled',
      },
    });
  });
  const final = await repo.bulks.find(deps.db, id);
  if (final) await deps.realtime.publish(bulkTopic(id), progressOf(final));
}
