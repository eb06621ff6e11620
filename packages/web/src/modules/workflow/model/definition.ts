/**
 * The definition format the designer edits (docs/workflow.md; the server's
 * definition-model.ts is the source of truth). The web app keeps its own copy of the types
 * because the API schema leaves the body's inner shape open.
 */
export type FieldType = 'text' | 'number' | 'date' | 'select' | 'boolean' | 'user';
export const fieldTypes: readonly FieldType[] = ['text', 'number', 'date', 'select', 'boolean', 'user'];
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
export type RuleType = ApproverRule['type'];
export const ruleTypes: readonly RuleType[] = [
  'user',
  'role',
  'department_head',
  'initiator_choice',
  'form_field',
  'initiator',
];

export type EmptyPolicy =
  | { action: 'auto_pass' }
  | { action: 'to_admin' }
  | { action: 'to_user'; user_id: string }
  | { action: 'reject' };
export type ApprovalMode = 'or' | 'and' | 'sequential' | 'percentage';
export const approvalModes: readonly ApprovalMode[] = ['or', 'and', 'sequential', 'percentage'];

export type Comparison = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'contains';
export const comparisons: readonly Comparison[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains'];
export interface Comparing {
  subject: string;
  op: Comparison;
  value: unknown;
}
export type Condition = { all: Condition[] } | { any: Condition[] } | Comparing;

export interface Branch {
  id: string;
  name?: string;
  default?: boolean;
  when?: Condition;
  nodes: FlowNode[];
}

/** One node; the settings present depend on `type` (loose, like the JSON it is). */
export interface FlowNode {
  id: string;
  type: NodeType;
  name?: string;
  field_permissions?: Record<string, FieldPermission>;
  approvers?: ApproverRule[];
  recipients?: ApproverRule[];
  mode?: ApprovalMode;
  percentage?: number;
  empty_policy?: EmptyPolicy;
  on_reject?: 'end' | 'initiator';
  branches?: Branch[];
  definition_key?: string;
  meaning?: string;
  seconds?: number;
}

export type NodeType =
  | 'start'
  | 'approval'
  | 'cc'
  | 'handler'
  | 'condition'
  | 'parallel'
  | 'subprocess'
  | 'signature'
  | 'delay'
  | 'end';
/** What the "+" button offers between two nodes (start and end are fixed). */
export const addableTypes: readonly NodeType[] = [
  'approval',
  'handler',
  'cc',
  'condition',
  'parallel',
  'signature',
  'delay',
  'subprocess',
];

export interface DefinitionBody {
  form: { fields: FormField[] };
  process: FlowNode[];
  dedupe_consecutive?: boolean;
}

export function emptyBody(): DefinitionBody {
  return {
    form: { fields: [] },
    process: [
      { id: 'start', type: 'start' },
      { id: 'end', type: 'end' },
    ],
  };
}

/** A short unique id for nodes and branches, readable in error messages. */
export function newId(prefix: string, taken: (id: string) => boolean): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}${n}`;
    if (!taken(id)) return id;
  }
}
