import type { RolesTable } from '../identity.tables.js';

/**
 * The roles of OPS seed §1.3, created on start when missing. `grantRule` gives each role
 * permissions declared later by other modules ('all', or 'read': every `*.read`); the
 * explicit list adds what a rule does not cover.
 */
export interface SystemRole {
  code: string;
  name: string;
  description: string;
  dataScope: RolesTable['data_scope'];
  grantRule: 'all' | 'read' | 'none';
  permissions: string[];
}

export const systemRoles: SystemRole[] = [
  {
    code: 'super_admin',
    name: 'Super administrator',
    description: 'Highest authority: users, roles, system settings',
    dataScope: 'all',
    grantRule: 'all',
    permissions: [],
  },
  {
    code: 'operations_manager',
    name: 'Operations manager',
    description: 'Runs a department: approvals, reports, task monitoring',
    dataScope: 'department_tree',
    grantRule: 'read',
    permissions: [
      'jobs.queue.manage',
      'identity.session.kick',
      // Signing: sends and manages requests; sees those they created or are a party to.
      'signing.request.create',
      'signing.request.cancel',
      'signing.template.manage',
      'signing.signature.revoke',
    ],
  },
  {
    code: 'operations_specialist',
    name: 'Operations specialist',
    description: 'Daily operations: configuration changes, task runs, report exports',
    dataScope: 'department',
    grantRule: 'none',
    permissions: [
      'jobs.queue.read',
      'identity.user.read',
      'identity.department.read',
      // Signing: daily sending; reads only their own requests and those they are a party to.
      'signing.template.read',
      'signing.request.read',
      'signing.request.create',
      'signing.request.cancel',
      // Electronic records: sees which signature policy applies (signing itself needs no permission).
      'records.policy.read',
    ],
  },
  {
    code: 'developer',
    name: 'Developer',
    description: 'Technical support: job configuration, data sources, API integration',
    dataScope: 'own',
    grantRule: 'none',
    permissions: [
      'jobs.queue.read',
      'jobs.queue.manage',
      'jobs.schedule.manage',
      'identity.api_key.read',
      'identity.api_key.create',
      'identity.api_key.revoke',
    ],
  },
  {
    code: 'auditor',
    name: 'Auditor',
    description: 'Compliance review: read-only access to everything, audit trail and exports',
    dataScope: 'all',
    grantRule: 'read',
    permissions: ['audit.event.read', 'audit.export', 'audit.verify'],
  },
];

/** Whether `rule` grants `code` (the part of a role's permissions that follows the catalogue). */
export function ruleGrants(rule: string, code: string): boolean {
  if (rule === 'all') return true;
  if (rule === 'read') return code.endsWith('.read');
  return false;
}
