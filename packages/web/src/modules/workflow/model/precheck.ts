import type { ApproverRule, Condition, DefinitionBody, FlowNode } from './definition';

export interface Issue {
  /** The node or branch at fault; null for the form. */
  node_id: string | null;
  message: string;
}
type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The client-side pre-check: the common mistakes, found before a round trip, in the
 * user's language. The server's validation (40053) stays the authority; its issues are
 * shown the same way, on the node they name.
 */
export function precheck(body: DefinitionBody, t: Translate): Issue[] {
  const issues: Issue[] = [];
  const fields = new Map(body.form.fields.map((f) => [f.key, f.type]));
  checkForm(body, t, issues);
  const walk = (nodes: FlowNode[]) => {
    for (const node of nodes) {
      checkNode(node, fields, t, issues);
      for (const branch of node.branches ?? []) walk(branch.nodes);
    }
  };
  walk(body.process);
  return issues;
}

function checkForm(body: DefinitionBody, t: Translate, issues: Issue[]): void {
  const seen = new Set<string>();
  for (const field of body.form.fields) {
    const fail = (key: string) => issues.push({ node_id: null, message: t(key, { key: field.key || '?' }) });
    if (!/^[a-z][a-z0-9_]{0,63}$/i.test(field.key)) fail('workflow.check.fieldKey');
    else if (seen.has(field.key)) fail('workflow.check.fieldDuplicate');
    seen.add(field.key);
    if (!field.label.trim()) fail('workflow.check.fieldLabel');
    if (field.type === 'select' && !(field.options ?? []).length) fail('workflow.check.fieldOptions');
  }
}

function checkRules(
  rules: ApproverRule[] | undefined,
  fields: Map<string, string>,
  fail: (k: string) => void,
) {
  if (!rules?.length) return fail('workflow.check.noApprovers');
  for (const rule of rules) {
    if (rule.type === 'user' && !rule.user_ids.length) fail('workflow.check.noUsers');
    if (rule.type === 'role' && !rule.role_code) fail('workflow.check.noRole');
    if (rule.type === 'department_head' && !(rule.levels >= 1 && rule.levels <= 20))
      fail('workflow.check.levels');
    if (rule.type === 'form_field' && fields.get(rule.field) !== 'user') fail('workflow.check.userField');
  }
}

function checkCondition(when: Condition | undefined, fields: Map<string, string>, fail: (k: string) => void) {
  if (!when) return fail('workflow.check.noCondition');
  if ('all' in when || 'any' in when) {
    const parts = 'all' in when ? when.all : when.any;
    if (!parts.length) fail('workflow.check.noCondition');
    for (const part of parts) checkCondition(part, fields, fail);
    return;
  }
  if (when.subject.startsWith('form.') && !fields.has(when.subject.slice(5)))
    fail('workflow.check.unknownField');
  if (when.value === '' || when.value === undefined || when.value === null) fail('workflow.check.noValue');
}

function checkNode(node: FlowNode, fields: Map<string, string>, t: Translate, issues: Issue[]): void {
  const fail = (key: string, id = node.id) => issues.push({ node_id: id, message: t(key) });
  switch (node.type) {
    case 'approval':
    case 'handler':
    case 'signature':
      checkRules(node.approvers, fields, fail);
      if (node.mode === 'percentage' && !(Number.isInteger(node.percentage) && (node.percentage ?? 0) >= 1))
        fail('workflow.check.percentage');
      if (node.empty_policy?.action === 'to_user' && !node.empty_policy.user_id)
        fail('workflow.check.emptyUser');
      break;
    case 'cc':
      checkRules(node.recipients, fields, fail);
      break;
    case 'condition': {
      const branches = node.branches ?? [];
      if (branches.filter((b) => b.default).length !== 1) fail('workflow.check.oneDefault');
      for (const b of branches) if (!b.default) checkCondition(b.when, fields, (k) => fail(k, b.id));
      break;
    }
    case 'parallel':
      if ((node.branches ?? []).length < 2) fail('workflow.check.twoBranches');
      break;
    case 'delay':
      if (!(Number.isInteger(node.seconds) && (node.seconds ?? 0) >= 1 && (node.seconds ?? 0) <= 31_536_000))
        fail('workflow.check.delay');
      break;
    case 'subprocess':
      if (!node.definition_key) fail('workflow.check.subprocess');
      break;
  }
  for (const key of Object.keys(node.field_permissions ?? {}))
    if (!fields.has(key)) fail('workflow.check.unknownField');
}

/** Issues by node id, for the cards. */
export function issuesByNode(issues: Issue[]): Map<string | null, string[]> {
  const map = new Map<string | null, string[]>();
  for (const issue of issues) map.set(issue.node_id, [...(map.get(issue.node_id) ?? []), issue.message]);
  return map;
}
