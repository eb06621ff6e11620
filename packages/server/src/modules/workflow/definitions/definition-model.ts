import type { WorkflowListener } from '../listeners/listener-model.js';
import type { NodeSla } from '../sla/sla-model.js';

/**
 * The workflow definition format (docs/workflow.md): a form and a tree of nodes in the
 * Feishu/DingTalk style. `process` is a sequence that starts with `start` and ends with
 * `end`; condition and parallel nodes hold branches, each a sequence of its own.
 */
export type FieldType = 'text' | 'number' | 'date' | 'select' | 'boolean' | 'user';
export type FieldPermission = 'hidden' | 'read' | 'edit';

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: string[];
}

export type ApproverRule =
  | { type: 'user'; user_ids: string[] }
  | { type: 'role'; role_code: string }
  | { type: 'department_head'; levels: number }
  | { type: 'initiator_choice' }
  | { type: 'form_field'; field: string }
  | { type: 'initiator' };

export type EmptyApproverPolicy =
  | { action: 'auto_pass' }
  | { action: 'to_admin' }
  | { action: 'to_user'; user_id: string }
  | { action: 'reject' };

export type ApprovalMode = 'or' | 'and' | 'sequential' | 'percentage';

export type Comparison = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'contains';
/** `form.<field>` or `initiator.id` / `initiator.department_id`. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { subject: string; op: Comparison; value: unknown };

interface NodeBase {
  id: string;
  name?: string;
  /** Per form field: hidden, read (default) or edit at this node. */
  field_permissions?: Record<string, FieldPermission>;
}

export interface ApprovalNode extends NodeBase {
  type: 'approval' | 'handler';
  approvers: ApproverRule[];
  mode?: ApprovalMode;
  /** For mode percentage: approvals needed, in percent of the counted approvers (1-100). */
  percentage?: number;
  empty_policy?: EmptyApproverPolicy;
  /** A rejection ends the instance (default) or returns it to the initiator. */
  on_reject?: 'end' | 'initiator';
  /** Reminder, escalation, timeout (sla/sla-model.ts). */
  sla?: NodeSla;
}

export interface Branch {
  id: string;
  name?: string;
  /** Condition branches: the default branch runs when no other matches. */
  default?: boolean;
  when?: Condition;
  nodes: FlowNode[];
}

export type FlowNode =
  | (NodeBase & { type: 'start' | 'end' })
  | ApprovalNode
  | (NodeBase & { type: 'cc'; recipients: ApproverRule[] })
  | (NodeBase & { type: 'condition'; branches: Branch[] })
  | (NodeBase & { type: 'parallel'; branches: Branch[] })
  | (NodeBase & { type: 'subprocess'; definition_key: string })
  | (NodeBase & {
      type: 'signature';
      approvers: ApproverRule[];
      meaning?: string;
      /** A Part 11 signer's decline: end (default) or back to the initiator. */
      on_reject?: 'end' | 'initiator';
    })
  | (NodeBase & { type: 'delay'; seconds: number });

export type NodeType = FlowNode['type'];
export const nodeTypes: readonly NodeType[] = [
  'start',
  'approval',
  'cc',
  'handler',
  'condition',
  'parallel',
  'subprocess',
  'signature',
  'delay',
  'end',
];

export interface DefinitionBody {
  form: { fields: FormField[] };
  process: FlowNode[];
  /** An approver who approved the node just before is not asked again (auto-approved). */
  dedupe_consecutive?: boolean;
  /** Actions on events of the approval, run after commit (listeners/listener-model.ts). */
  listeners?: WorkflowListener[];
}
