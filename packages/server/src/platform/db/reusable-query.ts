import type { Compilable, CompiledQuery, InsertObject, QueryResult } from 'kysely';
import type { DbOrTrx, Tables } from './schema.js';

/**
 * Hot statements built and compiled by Kysely once per dialect adapter (a database handle and
 * its transactions share it), then run with new parameters: building and compiling a query
 * costs more than a point read or a one-row write (the signing ceremony ran a dozen of them).
 *
 * `build` is called once with a placeholder for each argument and must bind each as a value
 * (a parameter, not SQL text). When the compiled query does not hold every placeholder exactly
 * once as a parameter, the statement is built afresh on every call: correct, only not faster.
 */
type Entry<R> = { query: CompiledQuery<R>; slots: number[] } | null;

const placeholder = (i: number) => `\u0000reusable-parameter-${i}\u0000`;

function compileOnce<R>(query: CompiledQuery<R>, count: number): Entry<R> {
  const slots = query.parameters.map((p) => {
    for (let i = 0; i < count; i += 1) if (p === placeholder(i)) return i;
    return -1;
  });
  for (let i = 0; i < count; i += 1) if (slots.filter((s) => s === i).length !== 1) return null;
  return { query, slots };
}

function run<R>(db: DbOrTrx, entry: { query: CompiledQuery<R>; slots: number[] }, args: readonly unknown[]) {
  const parameters = entry.query.parameters.map((p, i) => {
    const slot = entry.slots[i] ?? -1;
    return slot >= 0 ? args[slot] : p;
  });
  return db.executeQuery<R>({ ...entry.query, parameters });
}

export function reusableQuery<A extends unknown[], R>(
  build: (db: DbOrTrx, ...args: A) => Compilable<R>,
  count: A['length'],
): (db: DbOrTrx, ...args: A) => Promise<QueryResult<R>> {
  const cache = new WeakMap<object, Entry<R>>();
  return (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let entry = cache.get(adapter);
    if (entry === undefined) {
      const holders = Array.from({ length: count }, (_, i) => placeholder(i)) as A;
      entry = compileOnce(build(db, ...holders).compile(), count);
      cache.set(adapter, entry);
    }
    return entry ? run(db, entry, args) : db.executeQuery(build(db, ...args).compile());
  };
}

/**
 * `insert into <table> (<the row's columns>) values (...)`, compiled once per dialect adapter
 * and set of columns (in the row's key order; undefined values left out, as Kysely does).
 */
export function reusableInsert<T extends keyof Tables & string>(
  table: T,
): (db: DbOrTrx, row: Tables[T]) => Promise<QueryResult<unknown>> {
  const cache = new WeakMap<object, Map<string, Entry<unknown>>>();
  return (db, row) => {
    // Kysely leaves out a column whose value is undefined: so does the compiled form.
    const entries = Object.entries(row as object).filter(([, v]) => v !== undefined);
    const columns = entries.map(([c]) => c);
    const values = entries.map(([, v]) => v);
    const adapter = db.getExecutor().adapter;
    let byColumns = cache.get(adapter);
    if (!byColumns) {
      byColumns = new Map();
      cache.set(adapter, byColumns);
    }
    const key = columns.join(',');
    let entry = byColumns.get(key);
    const insert = (values: object) =>
      db
        .insertInto(table)
        .values(values as InsertObject<Tables, T>)
        .compile();
    if (entry === undefined) {
      entry = compileOnce(
        insert(Object.fromEntries(columns.map((c, i) => [c, placeholder(i)]))),
        columns.length,
      );
      byColumns.set(key, entry);
    }
    return entry ? run(db, entry, values) : db.executeQuery(insert(row as object));
  };
}
