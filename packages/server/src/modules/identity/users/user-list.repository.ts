import { type CompiledQuery, type SelectQueryBuilder, sql } from 'kysely';
import { type Page, type PageRequest, pageOf } from '../../../platform/db/pagination.js';
import type { DbOrTrx, Tables } from '../../../platform/db/schema.js';
import { invalid } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import type { DataScope } from '../roles/data-scope.js';
import { applyDataScope } from '../roles/data-scope.repository.js';
import { usersByVersion } from './user-row-cache.js';
import type { ListedUser, UserRow } from './users.repository.js';

const sortColumns: Record<string, string> = {
  created_at: 'users.created_at',
  username: 'users.username',
  full_name: 'users.full_name',
};

export interface UserListQuery extends PageRequest {
  q?: string | undefined;
  status?: string | undefined;
  department_id?: string | undefined;
}

type PageKey = { id: string; row_version: number };

function filtered(
  db: DbOrTrx,
  scope: DataScope,
  query: UserListQuery,
): SelectQueryBuilder<Tables, 'users', PageKey> {
  let select = applyDataScope(db.selectFrom('users').select(['users.id', 'users.row_version']), scope, {
    owner: 'users.id',
    department: 'users.department_id',
  });
  if (query.status) select = select.where('users.status', '=', query.status as UserRow['status']);
  if (query.department_id) select = select.where('users.department_id', '=', query.department_id);
  if (query.q) {
    const like = query.q;
    select = select.where((eb) =>
      eb.or([eb('users.username', 'like', like), eb('users.full_name', 'like', like)]),
    );
  }
  return select;
}

const marks = {
  owner: '\u0000owner',
  status: '\u0000status',
  department: '\u0000department',
  like: '\u0000like',
};
const limitMark = 2_000_000_001;
const offsetMark = 2_000_000_003;
const departmentMark = (i: number) => `\u0000dept${i}`;
const compiledPages = new Map<
  string,
  { keys: CompiledQuery<PageKey>; count: CompiledQuery<{ n: number }> }
>();

function shapeOf(dialect: string, scope: DataScope, query: UserListQuery): string {
  const scopeShape = scope.all ? 'all' : `${scope.userId ? 'own+' : ''}${scope.departmentIds.length}`;
  return [
    dialect,
    query.sort,
    scopeShape,
    query.status ? 's' : '',
    query.department_id ? 'd' : '',
    query.q ? 'q' : '',
  ].join('|');
}

/** Builds the page queries once per shape, with marker values standing in for parameters. */
function compilePage(db: DbOrTrx, scope: DataScope, query: UserListQuery) {
  const descending = query.sort.startsWith('-');
  const column = sortColumns[descending ? query.sort.slice(1) : query.sort];
  if (!column) throw invalid('sort', 'unknown sort field');
  const markedScope: DataScope = scope.all
    ? scope
    : {
        all: false,
        userId: scope.userId ? marks.owner : null,
        departmentIds: scope.departmentIds.map((_, i) => departmentMark(i)),
      };
  const base = filtered(db, markedScope, {
    ...query,
    status: query.status ? marks.status : undefined,
    department_id: query.department_id ? marks.department : undefined,
    q: query.q ? marks.like : undefined,
  });
  const direction = descending ? 'desc' : 'asc';
  return {
    keys: base
      .orderBy(sql.ref(column), direction)
      .orderBy('users.id', direction)
      .limit(limitMark)
      .offset(offsetMark)
      .compile(),
    count: base.clearSelect().select(sql<number>`count(*)`.as('n')).compile(),
  };
}

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[%_\\]/g, '')}%`;
}

/**
 * One page of users in the caller's scope. The page is read as (id, row_version) pairs
 * through the (created_at, id, department_id, row_version) index, then rows come from a
 * per-process copy when unchanged; the SQL is compiled once per query shape. Building
 * queries and turning rows into objects cost more than the index reads themselves.
 */
export async function listUsersPage(
  runtime: IdentityDeps,
  db: DbOrTrx,
  scope: DataScope,
  query: UserListQuery,
): Promise<Page<ListedUser>> {
  const key = shapeOf(runtime.ctx.database.dialect, scope, query);
  let compiled = compiledPages.get(key);
  if (!compiled) {
    compiled = compilePage(db, scope, query);
    compiledPages.set(key, compiled);
  }
  const values = new Map<unknown, unknown>([
    [marks.owner, scope.userId],
    [marks.status, query.status],
    [marks.department, query.department_id],
    [marks.like, query.q ? likePattern(query.q) : undefined],
    [limitMark, query.page_size],
    [offsetMark, (query.page - 1) * query.page_size],
  ]);
  if (!scope.all) for (const [i, id] of scope.departmentIds.entries()) values.set(departmentMark(i), id);
  const bind = <R>(q: CompiledQuery<R>): CompiledQuery<R> => ({
    ...q,
    parameters: q.parameters.map((p) => (values.has(p) ? values.get(p) : p)),
  });
  const [counted, keys] = await Promise.all([
    db.executeQuery(bind(compiled.count)),
    db.executeQuery(bind(compiled.keys)),
  ]);
  const total = Number(counted.rows[0]?.n ?? 0);
  const items = await usersByVersion(
    runtime,
    db,
    keys.rows.map((k) => ({ id: k.id, version: Number(k.row_version) })),
  );
  return pageOf(items, total, query);
}
