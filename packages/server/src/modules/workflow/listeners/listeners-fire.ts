import type { EngineRun } from '../engine/engine-run.js';
import type { InstanceStatus } from '../workflow.tables.js';
import { emitApprovalEvent } from './approval-events.js';
import type { ListenerEvent } from './listener-model.js';
import { listenerJob } from './listeners.jobs.js';

/**
 * Queues the definition's listeners for an event, in the engine step's transaction: the job
 * row commits with the step (and runs once after it) or rolls back with it (never runs). A
 * listener with a node id hears only that node; approved/rejected without one hear the
 * approval's outcome, not every node's.
 */
export async function fireListeners(
  run: EngineRun,
  event: ListenerEvent,
  nodeId: string | null,
): Promise<void> {
  emitApprovalEvent(run, event, nodeId);
  const listeners = run.body.listeners ?? [];
  for (const [index, listener] of listeners.entries()) {
    if (listener.on !== event) continue;
    if (listener.node_id !== undefined && listener.node_id !== nodeId) continue;
    const isNodeOutcome = (event === 'approved' || event === 'rejected') && nodeId !== null;
    if (isNodeOutcome && listener.node_id === undefined) continue;
    await run.deps.jobs.enqueue(
      run.trx,
      listenerJob,
      {
        instance_id: run.instance.id,
        listener: index,
        event,
        node_id: nodeId,
        occurred_at: run.now,
        status: run.instance.status,
      },
      { idempotencyKey: `${run.instance.id}:${index}:${event}:${nodeId ?? ''}:${run.now}` },
    );
  }
}

/** The approval's end: approved or rejected (and completed for both), withdrawn; returned fires nothing. */
export async function fireOutcome(run: EngineRun, status: Exclude<InstanceStatus, 'running'>): Promise<void> {
  if (status === 'returned') return;
  await fireListeners(run, status, null);
  if (status !== 'withdrawn') await fireListeners(run, 'completed', null);
}
