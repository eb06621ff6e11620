import type { Static } from '@sinclair/typebox';
import type { DepartmentRow } from './departments.repository.js';
import type { departmentView } from './departments.schemas.js';

export function presentDepartment(row: DepartmentRow): Static<typeof departmentView> {
  return {
    id: row.id,
    name: row.name,
    parent_id: row.parent_id,
    head_user_id: row.head_user_id,
    depth: row.path.split('/').filter(Boolean).length,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
