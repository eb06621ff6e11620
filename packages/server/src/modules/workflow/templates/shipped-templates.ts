import type { DefinitionBody } from '../definitions/definition-model.js';

/**
 * Definitions SignX ships (docs/workflow.md "Templates"), installed as published version 1
 * of their key. Approvers are rules, so they fit any organisation: department heads, the
 * system roles, people chosen on the form. Adjust them by adding a version.
 */
export interface ShippedTemplate {
  key: string;
  name: string;
  description: string;
  body: DefinitionBody;
}

const start = { id: 'start', type: 'start' as const };
const end = { id: 'end', type: 'end' as const };
const manager = { type: 'role' as const, role_code: 'operations_manager' };

export const shippedTemplates: ShippedTemplate[] = [
  {
    key: 'three-level-acceptance',
    name: 'Three-level acceptance',
    description:
      'Seed 003 三级验收: team lead, department head, then quality; a rejection sends it back for rework',
    body: {
      form: {
        fields: [
          { key: 'project', label: 'Project', type: 'text', required: true },
          { key: 'deliverable', label: 'Deliverable', type: 'text', required: true },
          { key: 'inspector', label: 'Quality inspector', type: 'user', required: true },
        ],
      },
      process: [
        start,
        {
          id: 'lead',
          type: 'approval',
          name: 'Team lead',
          approvers: [{ type: 'department_head', levels: 1 }],
          empty_policy: { action: 'auto_pass' },
          on_reject: 'initiator',
        },
        {
          id: 'head',
          type: 'approval',
          name: 'Department head',
          approvers: [{ type: 'department_head', levels: 2 }],
          empty_policy: { action: 'auto_pass' },
          on_reject: 'initiator',
        },
        {
          id: 'quality',
          type: 'approval',
          name: 'Quality acceptance',
          approvers: [{ type: 'form_field', field: 'inspector' }],
          on_reject: 'initiator',
          sla: { remind_after: 86_400 },
        },
        { id: 'notify', type: 'cc', name: 'Accepted', recipients: [{ type: 'initiator' }] },
        end,
      ],
    },
  },
  {
    key: 'contract-approval',
    name: 'Contract approval',
    description:
      'Seed 000: the manager approves, legal and finance countersign in parallel, then the signer signs the contract',
    body: {
      form: {
        fields: [
          { key: 'counterparty', label: 'Counterparty', type: 'text', required: true },
          { key: 'amount', label: 'Amount', type: 'number', required: true },
          { key: 'legal', label: 'Legal reviewer', type: 'user', required: true },
          { key: 'finance', label: 'Finance reviewer', type: 'user', required: true },
          { key: 'signer', label: 'Signs for us', type: 'user', required: true },
        ],
      },
      process: [
        start,
        {
          id: 'manager',
          type: 'approval',
          name: 'Manager',
          approvers: [manager],
          empty_policy: { action: 'to_admin' },
        },
        {
          id: 'countersign',
          type: 'parallel',
          name: 'Legal and finance',
          branches: [
            {
              id: 'legal-branch',
              nodes: [
                {
                  id: 'legal',
                  type: 'approval',
                  name: 'Legal',
                  approvers: [{ type: 'form_field', field: 'legal' }],
                },
              ],
            },
            {
              id: 'finance-branch',
              nodes: [
                {
                  id: 'finance',
                  type: 'approval',
                  name: 'Finance',
                  approvers: [{ type: 'form_field', field: 'finance' }],
                },
              ],
            },
          ],
        },
        {
          id: 'sign',
          type: 'signature',
          name: 'Contract signature',
          approvers: [{ type: 'form_field', field: 'signer' }],
        },
        end,
      ],
      listeners: [{ on: 'completed', action: 'emit' }],
    },
  },
  {
    key: 'config-change',
    name: 'Configuration change',
    description:
      'Seed 001 §2.4: the change is approved by a manager, carried out by the administrator, and announced',
    body: {
      form: {
        fields: [
          { key: 'setting', label: 'Setting', type: 'text', required: true },
          { key: 'new_value', label: 'New value', type: 'text', required: true },
          { key: 'reason', label: 'Reason', type: 'text', required: true },
        ],
      },
      process: [
        start,
        {
          id: 'review',
          type: 'approval',
          name: 'Change review',
          approvers: [manager],
          empty_policy: { action: 'to_admin' },
        },
        {
          id: 'apply',
          type: 'handler',
          name: 'Apply the change',
          approvers: [{ type: 'role', role_code: 'super_admin' }],
          empty_policy: { action: 'to_admin' },
        },
        end,
      ],
      listeners: [
        { on: 'approved', action: 'emit' },
        { on: 'completed', action: 'notify', recipients: [{ type: 'initiator' }] },
      ],
    },
  },
  {
    key: 'part11-document-approval',
    name: 'Part 11 document approval',
    description:
      'Seed 002: a reviewer signs with the meaning review, then an approver signs with the meaning approval (records signatures)',
    body: {
      form: {
        fields: [
          { key: 'document', label: 'Document', type: 'text', required: true },
          { key: 'reviewer', label: 'Reviewer', type: 'user', required: true },
          { key: 'approver', label: 'Approver', type: 'user', required: true },
        ],
      },
      process: [
        start,
        {
          id: 'review',
          type: 'signature',
          name: 'Review',
          approvers: [{ type: 'form_field', field: 'reviewer' }],
          meaning: 'review',
        },
        {
          id: 'approve',
          type: 'signature',
          name: 'Approval',
          approvers: [{ type: 'form_field', field: 'approver' }],
          meaning: 'approval',
        },
        end,
      ],
    },
  },
];
