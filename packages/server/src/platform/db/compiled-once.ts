import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { DbOrTrx, Tables } from './schema.js';

/**
 * Runs a hot query whose SQL is built and compiled once per dialect adapter, then reused
 * with new values: building and compiling a Kysely query costs more than SQLite spends
 * running a primary-key read (docs/signing.md, "Speed"). `build` receives one placeholder
 * value per argument and must use each exactly once as a plain bound value (`=`, a one-item
 * `in`, an inserted column); the compiled parameters are those placeholders swapped for
 * `values`. A placeholder Kysely did not bind as one parameter is a programming error,
 * refused on the first run. `key` names the query's shape: one key, one SQL text.
 */
export async function runCompiled<R>(
  db: DbOrTrx,
  key: string,
  build: (...slots: string[]) => Compilable<R>,
  values: readonly unknown[],
): Promise<QueryResult<R>> {
  const adapter = db.getExecutor().adapter;
  let byKey = compiled.get(adapter);
  if (!byKey) {
    byKey = new Map();
    compiled.set(adapter, byKey);
  }
  let entry = byKey.get(key) as Entry<R> | undefined;
  if (!entry) {
    entry = compile(build, values.length);
    byKey.set(key, entry as Entry<unknown>);
  }
  const parameters = entry.slots.map((slot, i) => (slot < 0 ? entry.query.parameters[i] : values[slot]));
  return db.executeQuery<R>({ ...entry.query, parameters });
}

interface Entry<R> {
  query: CompiledQuery<R>;
  /** For each compiled parameter, the index of the value it takes, or -1 for a constant. */
  slots: number[];
}

const compiled = new WeakMap<object, Map<string, Entry<unknown>>>();

function compile<R>(build: (...slots: string[]) => Compilable<R>, count: number): Entry<R> {
  const marks = Array.from({ length: count }, (_, i) => `\u0000compiled-once:${i}\u0000`);
  const query = build(...marks).compile();
  const slots = query.parameters.map((p) => (typeof p === 'string' ? marks.indexOf(p) : -1));
  for (let i = 0; i < count; i++)
    if (slots.filter((s) => s === i).length !== 1)
      throw new Error(`runCompiled: value ${i} is not bound exactly once in ${query.sql}`);
  return { query, slots };
}

/**
 * A one-row insert of `row`'s defined columns through runCompiled, keyed by table and column
 * list (a row with other columns is another shape, compiled once itself).
 */
export async function insertCompiled(db: DbOrTrx, table: keyof Tables & string, row: object): Promise<void> {
  const entries = Object.entries(row).filter(([, value]) => value !== undefined);
  const columns = entries.map(([column]) => column);
  await runCompiled(
    db,
    `insert ${table} (${columns.join(',')})`,
    (...slots) =>
      db.insertInto(table).values(Object.fromEntries(columns.map((c, i) => [c, slots[i]])) as never),
    entries.map(([, value]) => value),
  );
}
