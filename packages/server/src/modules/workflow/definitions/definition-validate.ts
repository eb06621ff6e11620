import { validateListeners } from '../listeners/listeners-validate.js';
import { validateSlas } from '../sla/sla-validate.js';
import type { ApproverRule, Branch, Condition, DefinitionBody, FlowNode } from './definition-model.js';
import { nodeTypes } from './definition-model.js';
import { validateApproverNode } from './validate-approvers.js';

/** One problem of a definition, pointing at the node (or form field) it is about. */
export interface DefinitionIssue {
  node_id: string | null;
  message: string;
}

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const fieldTypes = ['text', 'number', 'date', 'select', 'boolean', 'user'];
const comparisons = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains'];

/**
 * Every problem of a definition body at once (an empty list: it can be published). The
 * messages name the node id, so the designer can point at the node.
 */
export function validateDefinition(body: DefinitionBody): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const fields = validateForm(body, issues);
  const seen = new Set<string>();
  const context: Walk = { issues, fields, seen };
  const process = Array.isArray(body.process) ? body.process : [];
  if (process[0]?.type !== 'start')
    issues.push({ node_id: process[0]?.id ?? null, message: 'The process must begin with a start node' });
  if (process.at(-1)?.type !== 'end')
    issues.push({ node_id: process.at(-1)?.id ?? null, message: 'The process must finish with an end node' });
  walkSequence(process, context, { isTop: true, inParallel: false });
  validateListeners(body, seen, issues);
  validateSlas(process, issues);
  return issues;
}

interface Walk {
  issues: DefinitionIssue[];
  fields: Map<string, string>;
  seen: Set<string>;
}

function validateForm(body: DefinitionBody, issues: DefinitionIssue[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const field of body.form?.fields ?? []) {
    const where = `Form field ${JSON.stringify(field.key)}`;
    if (typeof field.key !== 'string' || !idPattern.test(field.key))
      issues.push({ node_id: null, message: `${where}: the key must be 1-64 letters, digits, _ or -` });
    else if (fields.has(field.key)) issues.push({ node_id: null, message: `${where} is declared twice` });
    if (!fieldTypes.includes(field.type))
      issues.push({ node_id: null, message: `${where}: type must be one of ${fieldTypes.join(', ')}` });
    if (field.type === 'select' && !(Array.isArray(field.options) && field.options.length > 0))
      issues.push({ node_id: null, message: `${where}: a select field needs options` });
    fields.set(field.key, field.type);
  }
  return fields;
}

/** Does running this sequence always reach an end node (so nothing after it runs)? */
export function terminates(sequence: FlowNode[]): boolean {
  return sequence.some(
    (node) =>
      node.type === 'end' ||
      (node.type === 'condition' &&
        Array.isArray(node.branches) &&
        node.branches.length > 0 &&
        node.branches.every((b) => terminates(b.nodes ?? []))),
  );
}

function walkSequence(
  sequence: FlowNode[],
  context: Walk,
  where: { isTop: boolean; inParallel: boolean },
): void {
  let endedBy: string | null = null;
  sequence.forEach((node, position) => {
    if (!node || typeof node !== 'object') {
      context.issues.push({ node_id: null, message: 'A node must be an object' });
      return;
    }
    if (endedBy)
      context.issues.push({
        node_id: node.id,
        message: `Node ${node.id} is unreachable: the flow always ends at ${endedBy} before it`,
      });
    validateNode(node, context, { ...where, isFirst: position === 0 });
    if (!endedBy && terminates([node])) endedBy = node.id;
  });
}

function validateNode(
  node: FlowNode,
  context: Walk,
  where: { isTop: boolean; inParallel: boolean; isFirst: boolean },
): void {
  const { issues } = context;
  const id = typeof node.id === 'string' ? node.id : null;
  if (!id || !idPattern.test(id))
    issues.push({ node_id: id, message: 'Every node needs an id of 1-64 letters, digits, _ or -' });
  else if (context.seen.has(id)) issues.push({ node_id: id, message: `Duplicate id ${id}` });
  else context.seen.add(id);
  if (!nodeTypes.includes(node.type)) {
    issues.push({ node_id: id, message: `Node ${id}: unknown type ${JSON.stringify(node.type)}` });
    return;
  }
  if (node.type === 'start' && !(where.isTop && where.isFirst))
    issues.push({ node_id: id, message: `Node ${id}: start may only be the first node of the process` });
  if (node.type === 'end' && where.inParallel)
    issues.push({ node_id: id, message: `Node ${id}: a parallel branch cannot end the process` });
  for (const [field, permission] of Object.entries(node.field_permissions ?? {})) {
    if (!context.fields.has(field))
      issues.push({ node_id: id, message: `Node ${id}: field permission for unknown field ${field}` });
    if (!['hidden', 'read', 'edit'].includes(permission))
      issues.push({ node_id: id, message: `Node ${id}: field permission must be hidden, read or edit` });
  }
  switch (node.type) {
    case 'approval':
    case 'handler':
    case 'signature':
      validateApproverNode(node, context.fields, issues);
      break;
    case 'cc':
      validateRuleList(id, node.recipients, 'recipient', context, issues);
      break;
    case 'condition':
      validateBranches(node.id, node.branches, context, where, 'condition');
      break;
    case 'parallel':
      validateBranches(node.id, node.branches, context, where, 'parallel');
      break;
    case 'subprocess':
      if (typeof node.definition_key !== 'string' || node.definition_key.length === 0)
        issues.push({ node_id: id, message: `Node ${id}: a subprocess names the definition_key it starts` });
      break;
    case 'delay':
      if (!Number.isInteger(node.seconds) || node.seconds < 1 || node.seconds > 31_536_000)
        issues.push({
          node_id: id,
          message: `Node ${id}: seconds must be a whole number from 1 to 31536000`,
        });
      break;
  }
}

function validateRuleList(
  id: string | null,
  rules: ApproverRule[] | undefined,
  noun: string,
  context: Walk,
  issues: DefinitionIssue[],
): void {
  if (!Array.isArray(rules) || rules.length === 0)
    issues.push({ node_id: id, message: `Node ${id} has no ${noun} rules` });
  else validateApproverNode({ id: id ?? '', type: 'cc', approvers: rules }, context.fields, issues);
}

function validateBranches(
  id: string,
  branches: Branch[] | undefined,
  context: Walk,
  where: { isTop: boolean; inParallel: boolean },
  kind: 'condition' | 'parallel',
): void {
  const { issues } = context;
  if (!Array.isArray(branches) || branches.length < 2) {
    issues.push({ node_id: id, message: `Node ${id}: a ${kind} node needs at least two branches` });
    return;
  }
  const defaults = branches.filter((b) => b.default === true);
  if (kind === 'condition' && defaults.length === 0)
    issues.push({ node_id: id, message: `Condition node ${id} has no default branch` });
  if (kind === 'condition' && defaults.length > 1)
    issues.push({ node_id: id, message: `Condition node ${id} has more than one default branch` });
  for (const branch of branches) {
    const branchId = typeof branch.id === 'string' ? branch.id : null;
    if (!branchId || !idPattern.test(branchId))
      issues.push({
        node_id: id,
        message: `Node ${id}: every branch needs an id of 1-64 letters, digits, _ or -`,
      });
    else if (context.seen.has(branchId))
      issues.push({ node_id: branchId, message: `Duplicate id ${branchId}` });
    else context.seen.add(branchId);
    if (kind === 'condition' && branch.default !== true) {
      if (!branch.when)
        issues.push({ node_id: branchId, message: `Branch ${branchId} of ${id} has no condition (when)` });
      else validateCondition(branch.when, branchId, context, 0);
    }
    walkSequence(Array.isArray(branch.nodes) ? branch.nodes : [], context, {
      isTop: false,
      inParallel: where.inParallel || kind === 'parallel',
    });
  }
}

function validateCondition(
  condition: Condition,
  branchId: string | null,
  context: Walk,
  depth: number,
): void {
  const fail = (message: string): void => {
    context.issues.push({ node_id: branchId, message: `Branch ${branchId}: ${message}` });
  };
  if (depth > 8) {
    fail('conditions nest too deep');
    return;
  }
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    if (!Array.isArray(parts) || parts.length === 0) {
      fail('all/any need at least one condition');
      return;
    }
    for (const part of parts) validateCondition(part, branchId, context, depth + 1);
    return;
  }
  const { subject, op } = condition as { subject?: unknown; op?: unknown };
  if (typeof subject !== 'string') {
    fail('a condition needs a subject');
    return;
  }
  const [scope, name] = subject.split('.', 2);
  if (scope === 'form' && !context.fields.has(name ?? '')) fail(`condition on unknown form field ${name}`);
  else if (scope === 'initiator' && name !== 'id' && name !== 'department_id')
    fail('initiator conditions are on initiator.id or initiator.department_id');
  else if (scope !== 'form' && scope !== 'initiator')
    fail('a subject is form.<field> or initiator.<attribute>');
  if (typeof op !== 'string' || !comparisons.includes(op))
    fail(`op must be one of ${comparisons.join(', ')}`);
}
