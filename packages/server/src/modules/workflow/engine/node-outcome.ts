import type { ApprovalMode } from '../definitions/definition-model.js';
import type { TaskRow } from './instances.repository.js';

export type NodeOutcome = 'approved' | 'rejected' | 'open';

/**
 * Whether a node's decisions settle it, by mode. Counted are the node's tasks that count
 * (an add-sign-before gate does not) and were not transferred or cancelled:
 * - or: the first decision settles it, either way;
 * - and / sequential: one rejection rejects, all approvals approve;
 * - percentage: approvals ≥ ceil(counted × p / 100) approve; once the approvals still
 *   possible cannot reach that, it rejects. Adding an approver (add-sign parallel) raises
 *   the counted number, so the number needed is recomputed from the same percentage.
 */
export function nodeOutcome(tasks: TaskRow[], mode: ApprovalMode, percentage = 100): NodeOutcome {
  const counted = tasks.filter((t) => t.counts > 0 && t.status !== 'transferred' && t.status !== 'cancelled');
  const approved = counted.filter((t) => t.status === 'approved').length;
  const rejected = counted.filter((t) => t.status === 'rejected').length;
  const gateRejected = tasks.some((t) => t.counts === 0 && t.status === 'rejected');
  if (gateRejected) return 'rejected';
  if (counted.length === 0) return 'open';
  const mandatory = counted.filter((t) => t.counts === 2);
  if (mandatory.some((t) => t.status === 'rejected')) return 'rejected';
  const outcome = byMode(counted, mode, percentage, approved, rejected);
  // An approver added after someone must approve too, whatever the mode.
  return outcome === 'approved' && mandatory.some((t) => t.status !== 'approved') ? 'open' : outcome;
}

function byMode(
  counted: TaskRow[],
  mode: ApprovalMode,
  percentage: number,
  approved: number,
  rejected: number,
): NodeOutcome {
  switch (mode) {
    case 'or':
      if (approved > 0) return 'approved';
      return rejected > 0 ? 'rejected' : 'open';
    case 'percentage': {
      const needed = requiredApprovals(counted.length, percentage);
      if (approved >= needed) return 'approved';
      return counted.length - rejected < needed ? 'rejected' : 'open';
    }
    default:
      if (rejected > 0) return 'rejected';
      return approved === counted.length ? 'approved' : 'open';
  }
}

/** Approvals a percentage node needs out of `counted` approvers (at least one). */
export function requiredApprovals(counted: number, percentage: number): number {
  return Math.max(1, Math.ceil((counted * percentage) / 100 - 1e-9));
}
