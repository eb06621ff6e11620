import { activeUsersWithRole, departmentHeadAbove } from '../../identity/index.js';
import type { ApproverRule, EmptyApproverPolicy } from '../definitions/definition-model.js';
import type { EngineRun } from './engine-run.js';

/** The role whose holders get a node nobody else resolves to under the `to_admin` policy. */
export const ADMIN_ROLE = 'super_admin';

/**
 * Resolves a node's approver rules to user ids, in rule order without repeats: named users,
 * a role's active holders, the initiator's department head N levels up, the initiator's
 * choice for this node (given at start), a user field of the form, the initiator.
 */
export async function resolveApprovers(
  run: EngineRun,
  nodeId: string,
  rules: ApproverRule[],
): Promise<string[]> {
  const found: string[] = [];
  const applicant = run.instance.applicant_id;
  for (const rule of rules) {
    switch (rule.type) {
      case 'user':
        found.push(...rule.user_ids);
        break;
      case 'role':
        found.push(...(await activeUsersWithRole(run.trx, rule.role_code)));
        break;
      case 'department_head': {
        const head = await departmentHeadAbove(run.trx, { userId: applicant, levels: rule.levels });
        if (head) found.push(head.userId);
        break;
      }
      case 'initiator_choice':
        found.push(...(run.chosen[nodeId] ?? []));
        break;
      case 'form_field': {
        const value = run.form[rule.field];
        if (typeof value === 'string' && value) found.push(value);
        break;
      }
      case 'initiator':
        found.push(applicant);
        break;
    }
  }
  return [...new Set(found)];
}

/** What to do when a node resolved to nobody. */
export type EmptyOutcome = { assign: string[] } | { pass: true } | { reject: true };

export async function applyEmptyPolicy(
  run: EngineRun,
  policy: EmptyApproverPolicy | undefined,
): Promise<EmptyOutcome> {
  switch (policy?.action ?? 'to_admin') {
    case 'auto_pass':
      return { pass: true };
    case 'reject':
      return { reject: true };
    case 'to_user':
      return { assign: [(policy as { user_id: string }).user_id] };
    default: {
      const admins = await activeUsersWithRole(run.trx, ADMIN_ROLE);
      // No administrator either: passing silently would approve unseen, so the node rejects.
      return admins.length > 0 ? { assign: admins.slice(0, 1) } : { reject: true };
    }
  }
}
