import type { Static } from '@sinclair/typebox';
import { notFound } from '../../../platform/errors.js';
import { type AuthzSnapshot, rolePermissions } from './authz-snapshot.js';
import type { roleView } from './roles.schemas.js';

/** A role as the API shows it: the stored names beside what the snapshot resolves. */
export function presentRole(
  snapshot: AuthzSnapshot,
  id: string,
  row: { name: string; description: string; is_system: number },
): Static<typeof roleView> {
  const node = snapshot.roles.get(id);
  if (!node) throw notFound('Role');
  return {
    id,
    code: node.code,
    name: row.name,
    description: row.description,
    parent: node.parentId ? (snapshot.roles.get(node.parentId)?.code ?? null) : null,
    data_scope: node.dataScope,
    department_ids: [...node.departments],
    mfa_required: node.mfaRequired,
    grant_rule: node.grantRule,
    is_system: row.is_system === 1,
    permissions: [...node.explicit].sort(),
    effective_permissions: [...rolePermissions(snapshot, id)].sort(),
  };
}
