import type { FlowNode } from '../definitions/definition-model.js';
import type { DefinitionIssue } from '../definitions/definition-validate.js';
import { MAX_SLA_SECONDS } from './sla-model.js';

const isSeconds = (value: unknown) =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_SLA_SECONDS;

/** SLA problems of every approval/handler node in the tree (an SLA elsewhere is refused too). */
export function validateSlas(process: FlowNode[], issues: DefinitionIssue[]): void {
  for (const node of Array.isArray(process) ? process : []) {
    if (!node || typeof node !== 'object') continue;
    if ('branches' in node && Array.isArray(node.branches))
      for (const branch of node.branches) validateSlas(branch?.nodes ?? [], issues);
    const sla = (node as { sla?: unknown }).sla;
    if (sla === undefined) continue;
    const problem = (message: string) =>
      issues.push({ node_id: node.id, message: `Node ${node.id}: ${message}` });
    if (node.type !== 'approval' && node.type !== 'handler') {
      problem('an SLA is allowed on approval and handler nodes only');
      continue;
    }
    if (!sla || typeof sla !== 'object') {
      problem('sla must be an object');
      continue;
    }
    const s = sla as Record<string, unknown>;
    for (const key of ['remind_after', 'escalate_after', 'timeout_after'])
      if (s[key] !== undefined && !isSeconds(s[key])) problem(`sla.${key} must be whole seconds, 1 … 1 year`);
    if ((s.escalate_after === undefined) !== (s.escalate_to === undefined))
      problem('sla.escalate_after and sla.escalate_to go together');
    const to = s.escalate_to as { type?: string; user_id?: unknown; levels?: unknown } | undefined;
    if (to !== undefined) {
      const isUser = to?.type === 'user' && typeof to.user_id === 'string' && to.user_id.length > 0;
      const isHead =
        to?.type === 'department_head' &&
        Number.isInteger(to.levels) &&
        (to.levels as number) >= 1 &&
        (to.levels as number) <= 20;
      if (!isUser && !isHead)
        problem('sla.escalate_to must be {type: user, user_id} or {type: department_head, levels 1-20}');
    }
    if ((s.timeout_after === undefined) !== (s.on_timeout === undefined))
      problem('sla.timeout_after and sla.on_timeout go together');
    if (s.on_timeout !== undefined && s.on_timeout !== 'approve' && s.on_timeout !== 'reject')
      problem('sla.on_timeout must be approve or reject');
  }
}
