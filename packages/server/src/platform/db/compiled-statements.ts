import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { DbOrTrx } from './schema.js';

/**
 * Statements of a fixed shape, built with Kysely's builder once per database handle and then
 * run with each call's values: on hot paths (every approval start and action) building and
 * compiling the query cost about as much as SQLite running it. Only the SQL text is kept
 * (keyed by the handle's dialect adapter, which each database handle creates once and its
 * transactions share), never a row, so nothing can go stale.
 *
 * `build` makes the query with this call's values; `parameters` are those values in the
 * order the compiled statement binds them. The first call compiles and checks that the
 * compiled parameters are exactly `parameters`: if not (a shape that depends on the values,
 * or a wrong order), the statement is not stored and every call compiles its own, so a
 * mistake costs speed, never a wrong query.
 */
const stored = new WeakMap<object, Map<string, CompiledQuery | null>>();

export async function runCompiled<R>(
  db: DbOrTrx,
  name: string,
  parameters: readonly unknown[],
  build: () => Compilable<R>,
): Promise<QueryResult<R>> {
  const adapter = db.getExecutor().adapter;
  let byName = stored.get(adapter);
  if (!byName) {
    byName = new Map();
    stored.set(adapter, byName);
  }
  const known = byName.get(name);
  if (known) return db.executeQuery<R>({ ...known, parameters } as CompiledQuery<R>);
  const query = build().compile();
  if (known === undefined) byName.set(name, sameValues(query.parameters, parameters) ? query : null);
  return db.executeQuery<R>(query);
}

/**
 * A one-row insert of `row`'s defined columns, compiled once per column list (see runCompiled).
 * `build` inserts the row with the query builder.
 */
export async function insertCompiled(
  db: DbOrTrx,
  table: string,
  row: object,
  build: () => Compilable<unknown>,
): Promise<void> {
  const entries = Object.entries(row).filter(([, value]) => value !== undefined);
  await runCompiled(
    db,
    `insert ${table} (${entries.map(([column]) => column).join(',')})`,
    entries.map(([, value]) => value),
    build,
  );
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
