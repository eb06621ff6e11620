import type { ApproverRule, EmptyApproverPolicy } from './definition-model.js';
import type { DefinitionIssue } from './definition-validate.js';

const modes = ['or', 'and', 'sequential', 'percentage'];
const policies = ['auto_pass', 'to_admin', 'to_user', 'reject'];

/** The approver rules, mode and empty-approver policy of an approval, handler, signature or cc node. */
export function validateApproverNode(
  node: {
    id: string;
    type: string;
    approvers?: ApproverRule[];
    mode?: string;
    percentage?: number;
    empty_policy?: EmptyApproverPolicy;
    on_reject?: string;
  },
  fields: Map<string, string>,
  issues: DefinitionIssue[],
): void {
  const id = node.id;
  const fail = (message: string) => issues.push({ node_id: id, message: `Node ${id}: ${message}` });
  if (!Array.isArray(node.approvers) || node.approvers.length === 0) {
    issues.push({
      node_id: id,
      message: `${node.type === 'cc' ? 'CC' : 'Approval'} node ${id} has no approver rules`,
    });
    return;
  }
  for (const rule of node.approvers) validateRule(rule, fields, fail);
  if (node.mode !== undefined && !modes.includes(node.mode)) fail(`mode must be one of ${modes.join(', ')}`);
  if (node.mode === 'percentage') {
    const p = node.percentage;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 100)
      fail('mode percentage needs percentage, a whole number from 1 to 100');
  }
  const policy = node.empty_policy;
  if (policy !== undefined) {
    if (!policies.includes(policy.action)) fail(`empty_policy.action must be one of ${policies.join(', ')}`);
    if (policy.action === 'to_user' && typeof policy.user_id !== 'string')
      fail('empty_policy to_user names a user_id');
  }
  if (node.on_reject !== undefined && node.on_reject !== 'end' && node.on_reject !== 'initiator')
    fail('on_reject must be end or initiator');
}

function validateRule(
  rule: ApproverRule,
  fields: Map<string, string>,
  fail: (message: string) => void,
): void {
  switch (rule?.type) {
    case 'user':
      if (
        !Array.isArray(rule.user_ids) ||
        rule.user_ids.length === 0 ||
        rule.user_ids.some((u) => typeof u !== 'string')
      )
        fail('a user rule lists user_ids');
      return;
    case 'role':
      if (typeof rule.role_code !== 'string' || rule.role_code.length === 0)
        fail('a role rule names role_code');
      return;
    case 'department_head':
      if (!Number.isInteger(rule.levels) || rule.levels < 1 || rule.levels > 20)
        fail('department_head levels must be a whole number from 1 to 20');
      return;
    case 'form_field':
      if (fields.get(rule.field) !== 'user')
        fail(`form_field rule needs a user field, ${rule.field} is not one`);
      return;
    case 'initiator_choice':
    case 'initiator':
      return;
    default:
      fail(`unknown approver rule type ${JSON.stringify((rule as { type?: unknown })?.type)}`);
  }
}
