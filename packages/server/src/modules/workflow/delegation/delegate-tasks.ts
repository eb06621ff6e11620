import { record } from '../engine/engine.js';
import type { EngineRun } from '../engine/engine-run.js';
import type { TaskRow } from '../engine/instances.repository.js';
import { activeFor } from './delegation.repository.js';

/**
 * Before a node's new tasks are written: an open approval/handler task of someone with a rule
 * in force goes to their delegate, remembering on whose behalf (task `on_behalf_of` and a
 * `delegated` record). One hop only (a delegate's own rule does not pass it on), and not when
 * the delegate already has a task at the node. Signatures are personal: never delegated.
 */
export async function delegateTasks(run: EngineRun, tasks: TaskRow[]): Promise<void> {
  const open = tasks.filter(
    (t) =>
      (t.kind === 'approval' || t.kind === 'handler') && (t.status === 'pending' || t.status === 'queued'),
  );
  const rules = await activeFor(run.trx, [...new Set(open.map((t) => t.assignee_id))], run.now);
  for (const task of open) {
    const rule = rules.get(task.assignee_id);
    if (!rule || tasks.some((t) => t.assignee_id === rule.delegate_id)) continue;
    await record(
      run,
      task.node_id,
      'delegated',
      { on_behalf_of: task.assignee_id, to_user_id: rule.delegate_id, delegation_id: rule.id },
      { taskId: task.id, actorId: null },
    );
    task.on_behalf_of = task.assignee_id;
    task.assignee_id = rule.delegate_id;
  }
}
