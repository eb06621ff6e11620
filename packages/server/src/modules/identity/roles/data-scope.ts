import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * Which rows a caller may see, resolved from all of its roles (the union): everything, or
 * its own rows plus the rows of a set of departments. Other modules apply it with
 * `applyDataScope` to list AND detail queries, so a row outside the scope is simply absent
 * (a detail read answers 404, never a hint that the row exists).
 */
export type DataScope =
  | { all: true; userId: string | null }
  | { all: false; userId: string | null; departmentIds: readonly string[] };

export interface ScopeColumns {
  /** Column holding the owning/creating user id (scope "own"). */
  owner?: string;
  /** Column holding the row's department id (scopes "department", "department_tree", "custom"). */
  department?: string;
}

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
