import { type Expression, type SqlBool, sql } from 'kysely';
import type { DataScope, ScopeColumns } from './data-scope.js';

/** The WHERE condition for `scope` over the given columns; `true` for an unrestricted scope. */
export function dataScopeCondition(scope: DataScope, columns: ScopeColumns): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const parts = [];
  if (columns.owner && scope.userId) parts.push(sql`${sql.ref(columns.owner)} = ${scope.userId}`);
  if (columns.department && scope.departmentIds.length > 0)
    parts.push(sql`${sql.ref(columns.department)} in (${sql.join([...scope.departmentIds])})`);
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

interface Filterable<Q> {
  where(condition: Expression<SqlBool>): Q;
}

/**
 * THE data-scope helper: narrows any select (list or detail) to the rows `scope` allows.
 * Usage: `applyDataScope(db.selectFrom('contracts').selectAll(), scope, { owner: 'created_by',
 * department: 'department_id' })`.
 */
export function applyDataScope<Q extends Filterable<Q>>(
  query: Q,
  scope: DataScope,
  columns: ScopeColumns,
): Q {
  if (scope.all) return query;
  return query.where(dataScopeCondition(scope, columns));
}
