import type { DefinitionBody } from '../definitions/definition-model.js';
import type { DefinitionIssue } from '../definitions/definition-validate.js';
import { listenerEvents } from './listener-model.js';
import { workflowAction, workflowJob } from './listener-registry.js';

const nodeEvents = new Set(['node_entered', 'approved', 'rejected']);
const ruleTypes = new Set(['user', 'role', 'department_head', 'initiator_choice', 'form_field', 'initiator']);

/** Listener problems, reported like node problems (node id `listener:<n>`). */
export function validateListeners(
  body: DefinitionBody,
  nodeIds: Set<string>,
  issues: DefinitionIssue[],
): void {
  const listeners = body.listeners ?? [];
  if (!Array.isArray(listeners)) {
    issues.push({ node_id: null, message: 'listeners must be a list' });
    return;
  }
  for (const [index, listener] of listeners.entries()) {
    const where = `listener:${index}`;
    const problem = (message: string) =>
      issues.push({ node_id: where, message: `Listener ${index}: ${message}` });
    if (!listenerEvents.includes(listener.on)) problem(`on must be one of ${listenerEvents.join(', ')}`);
    if (listener.node_id !== undefined) {
      if (!nodeEvents.has(listener.on)) problem(`node_id is allowed only with ${[...nodeEvents].join(', ')}`);
      else if (!nodeIds.has(listener.node_id)) problem(`unknown node ${listener.node_id}`);
    }
    if (!workflowAction(listener.action)) problem(`unknown action ${JSON.stringify(listener.action)}`);
    if (listener.action === 'notify') {
      const rules = listener.recipients;
      if (!Array.isArray(rules) || rules.length === 0 || rules.some((r) => !ruleTypes.has(r?.type)))
        problem('notify needs recipients (approver rules)');
    }
    if (listener.action === 'job' && !workflowJob(listener.job ?? '')) problem(`unknown job ${listener.job}`);
  }
}
