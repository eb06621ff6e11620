import type { ApproverRule, Condition, FlowNode } from './definition';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** One line per rule, as the card shows it ("Department head, 2 levels up"). */
export function ruleText(rule: ApproverRule, t: Translate): string {
  switch (rule.type) {
    case 'user':
      return t('workflow.rule.userCount', { count: rule.user_ids.length });
    case 'role':
      return `${t('workflow.rule.role')}: ${rule.role_code || '—'}`;
    case 'department_head':
      return t('workflow.rule.headLevels', { levels: rule.levels });
    case 'form_field':
      return `${t('workflow.rule.form_field')}: ${rule.field || '—'}`;
    default:
      return t(`workflow.rule.${rule.type}`);
  }
}

export function conditionText(when: Condition | undefined, t: Translate): string {
  if (!when) return t('workflow.branch.noCondition');
  if ('all' in when) return when.all.map((c) => conditionText(c, t)).join(` ${t('workflow.branch.and')} `);
  if ('any' in when) return when.any.map((c) => conditionText(c, t)).join(` ${t('workflow.branch.or')} `);
  return `${when.subject} ${t(`workflow.op.${when.op}`)} ${Array.isArray(when.value) ? when.value.join(', ') : String(when.value ?? '')}`;
}

/** The short description under a card's title. */
export function nodeSummary(node: FlowNode, t: Translate): string {
  switch (node.type) {
    case 'approval':
    case 'handler':
    case 'signature': {
      const rules = node.approvers ?? [];
      if (!rules.length) return t('workflow.summary.noApprovers');
      const mode = node.type === 'signature' ? '' : ` · ${t(`workflow.mode.${node.mode ?? 'or'}`)}`;
      return rules.map((r) => ruleText(r, t)).join(', ') + mode;
    }
    case 'cc':
      return (
        (node.recipients ?? []).map((r) => ruleText(r, t)).join(', ') || t('workflow.summary.noApprovers')
      );
    case 'delay':
      return t('workflow.summary.delay', { minutes: Math.round((node.seconds ?? 0) / 60) });
    case 'subprocess':
      return node.definition_key || t('workflow.summary.noKey');
    case 'start':
      return t('workflow.summary.start');
    case 'end':
      return t('workflow.summary.end');
    default:
      return '';
  }
}
