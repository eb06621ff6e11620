import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { RolesTable } from '../identity.tables.js';
import { declaredPermissions } from './permission-catalogue.js';
import { loadAuthzRows } from './roles.repository.js';
import { ruleGrants } from './system-roles.js';

/**
 * Roles, their permissions and the department tree, loaded whole and kept per process
 * until `identity_state.authz_version` changes (every role, department or user-role change
 * bumps it). The request path then resolves permissions without touching the database.
 */
export interface RoleNode {
  id: string;
  code: string;
  parentId: string | null;
  dataScope: RolesTable['data_scope'];
  mfaRequired: boolean;
  grantRule: string;
  explicit: Set<string>;
  departments: string[];
}

export interface AuthzSnapshot {
  version: number;
  roles: Map<string, RoleNode>;
  departments: Map<string, { id: string; path: string; parentId: string | null; headUserId: string | null }>;
}

export async function loadSnapshot(db: DbOrTrx, version: number): Promise<AuthzSnapshot> {
  const { roles, grants, customs, departments } = await loadAuthzRows(db);
  const nodes = new Map<string, RoleNode>();
  for (const r of roles)
    nodes.set(r.id, {
      id: r.id,
      code: r.code,
      parentId: r.parent_id,
      dataScope: r.data_scope,
      mfaRequired: r.mfa_required === 1,
      grantRule: r.grant_rule,
      explicit: new Set(),
      departments: [],
    });
  for (const g of grants) nodes.get(g.role_id)?.explicit.add(g.permission_code);
  for (const c of customs) nodes.get(c.role_id)?.departments.push(c.department_id);
  const depts = new Map(
    departments.map((d) => [
      d.id,
      { id: d.id, path: d.path, parentId: d.parent_id, headUserId: d.head_user_id },
    ]),
  );
  return { version, roles: nodes, departments: depts };
}

/** The role and its ancestors (inheritance: a child role has every permission of its parents). */
export function roleChain(snapshot: AuthzSnapshot, roleId: string): RoleNode[] {
  const chain: RoleNode[] = [];
  const seen = new Set<string>();
  let current = snapshot.roles.get(roleId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.push(current);
    current = current.parentId ? snapshot.roles.get(current.parentId) : undefined;
  }
  return chain;
}

/** Every permission a role grants, its own, its rule's and its ancestors'. */
export function rolePermissions(snapshot: AuthzSnapshot, roleId: string): Set<string> {
  const catalogue = declaredPermissions().map((p) => p.code);
  const result = new Set<string>();
  for (const node of roleChain(snapshot, roleId)) {
    for (const code of node.explicit) result.add(code);
    for (const code of catalogue) if (ruleGrants(node.grantRule, code)) result.add(code);
  }
  return result;
}

/** The department and all its descendants (the "department and children" scope). */
export function departmentTree(snapshot: AuthzSnapshot, departmentId: string): string[] {
  const root = snapshot.departments.get(departmentId);
  if (!root) return [];
  return [...snapshot.departments.values()].filter((d) => d.path.startsWith(root.path)).map((d) => d.id);
}
