import { type Static, Type } from '@sinclair/typebox';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { AppError } from '../errors.js';
import { learnStatements, shapeKey, statementOf, storedStatements } from './page-statements.js';

/**
 * Pagination and sorting as the API conventions define them:
 * `?page=1&page_size=20&sort=-created_at` → `{ items, total, page, page_size, pages }`.
 */
export function pageQuerySchema<const F extends readonly string[]>(sortable: F, defaultSort: F[number]) {
  const sortValues = sortable.flatMap((field) => [field, `-${field}`]);
  return Type.Object({
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'Page number, from 1' }),
    page_size: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Items per page (1–100)' }),
    sort: Type.Union(
      sortValues.map((v) => Type.Literal(v)),
      { default: `-${defaultSort}`, description: `Sort field, '-' for descending: ${sortable.join(', ')}` },
    ),
  });
}

export interface PageRequest {
  page: number;
  page_size: number;
  sort: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
  pages: number;
}

/** Response schema for a page of `item`. */
export function pageSchema<T extends Parameters<typeof Type.Array>[0]>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'Items across all pages' }),
    page: Type.Integer(),
    page_size: Type.Integer(),
    pages: Type.Integer({ description: 'Number of pages' }),
  });
}

export type PageQuery = Static<ReturnType<typeof pageQuerySchema>>;

// Built once: each is an immutable expression, and `sql.ref` parses its dotted name on every
// call (a request's page and count used to build all three afresh).
const countAll = sql<number>`count(*)`.as('total');
const columnRefs = new Map<string, RawBuilder<unknown>>();
function columnRef(name: string): RawBuilder<unknown> {
  let ref = columnRefs.get(name);
  if (!ref) {
    ref = sql.ref(name);
    columnRefs.set(name, ref);
  }
  return ref;
}

/**
 * Runs a filtered query as one page. `columns` maps the public sort names to columns, so
 * a client can never sort by an arbitrary expression; the id breaks ties for stable pages.
 * Give each sortable column a composite index `(column, id)` so the database reads the
 * page from the index instead of sorting the table.
 */
export async function paginate<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  request: PageRequest,
  columns: Record<string, string>,
  idColumn = 'id',
): Promise<Page<O>> {
  const descending = request.sort.startsWith('-');
  const field = descending ? request.sort.slice(1) : request.sort;
  const column = columns[field];
  if (!column)
    throw new AppError('VALIDATION', 'The request is not valid', {
      fieldErrors: [{ field: 'sort', message: `cannot sort by ${field}` }],
    });
  const direction = descending ? 'desc' : 'asc';
  const limitAndOffset = [request.page_size, (request.page - 1) * request.page_size] as const;
  // The base query compiled names the shape; a known shape runs its stored statements.
  const base = query.compile();
  const key = shapeKey(base, `${direction} ${column} ${idColumn}`);
  const stored = storedStatements(key);
  if (stored) {
    const [counted] = await statementOf(query, stored.count, base.parameters).execute();
    const items = await statementOf(query, stored.page, [...base.parameters, ...limitAndOffset]).execute();
    return pageOf(items, totalOf(counted), request);
  }
  const countQuery = query.clearSelect().clearOrderBy().select(countAll);
  const pageQuery = query
    .orderBy(columnRef(column), direction)
    .orderBy(columnRef(idColumn), direction)
    .limit(limitAndOffset[0])
    .offset(limitAndOffset[1]);
  if (stored === undefined) learnStatements(key, query, base, countQuery, pageQuery, limitAndOffset);
  const counted = await countQuery.executeTakeFirst();
  const items = await pageQuery.execute();
  return pageOf(items, totalOf(counted), request);
}

function totalOf(counted: unknown): number {
  return Number((counted as { total?: number | string } | undefined)?.total ?? 0);
}

/** The page envelope for items a caller fetched itself (a query `paginate` cannot express). */
export function pageOf<T>(
  items: T[],
  total: number,
  request: Pick<PageRequest, 'page' | 'page_size'>,
): Page<T> {
  return {
    items,
    total,
    page: request.page,
    page_size: request.page_size,
    pages: Math.ceil(total / request.page_size),
  };
}
