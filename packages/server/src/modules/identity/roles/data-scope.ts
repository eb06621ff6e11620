/**
 * Which rows a caller may see, resolved from all of its roles (the union): everything, or
 * its own rows plus the rows of a set of departments. Other modules apply it with
 * `applyDataScope` (data-scope.repository.ts) to list AND detail queries, so a row outside
 * the scope is simply absent (a detail read answers 404, never a hint that the row exists).
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
