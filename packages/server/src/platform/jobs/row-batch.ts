import type { RowBatchParent } from './row-batch.repository.js';

/**
 * The running side of a row batch (see row-batch.repository.ts): pending items worked in a few
 * lanes, stopping between items when the job is aborted or the batch cancelled, and the
 * progress shape published after each settled item and answered by the progress routes.
 */

export interface RowBatchProgress {
  status: string;
  total: number;
  done: number;
  failed: number;
  remaining: number;
}

/** Counts of a batch; a cancelled batch has nothing remaining. */
export function rowBatchProgress(batch: RowBatchParent): RowBatchProgress {
  const settled = batch.done_count + batch.failed_count;
  return {
    status: batch.status,
    total: batch.total,
    done: batch.done_count,
    failed: batch.failed_count,
    remaining: batch.status === 'cancelled' ? 0 : Math.max(0, batch.total - settled),
  };
}

/**
 * Runs `work` on each pending item, `lanes` at a time. Before each item it checks the abort
 * signal and `cancelled()`; either stops every lane (the caller then tells an abort, to be
 * resumed by a re-run, from a cancel).
 */
export async function runPendingItems<I>(
  pending: readonly I[],
  lanes: number,
  options: { signal: AbortSignal; cancelled: () => Promise<boolean>; work: (item: I) => Promise<void> },
): Promise<void> {
  let next = 0;
  let stopped = false;
  const lane = async () => {
    while (!stopped && next < pending.length) {
      const item = pending[next++] as I;
      if (options.signal.aborted || (await options.cancelled())) {
        stopped = true;
        return;
      }
      await options.work(item);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}
