import {
  type CompiledQuery,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  SelectionNode,
  type SelectQueryBuilder,
  SelectQueryNode,
  type UnknownRow,
  ValueNode,
} from 'kysely';

/**
 * The page and count statements of `paginate`, compiled once per query shape. Building them
 * with Kysely's builder (clearing and adding selections, two order-by items, limit, offset)
 * and compiling both trees cost about as much as SQLite running them. The shape is the base
 * query's SQL text plus the sort; the statements are kept as SQL text split at their
 * parameters (no placeholders), so a later request with the same shape only compiles its base
 * query (to learn the SQL and the parameter values) and runs the stored text through the base
 * query's own executor: the same connection (a transaction's, if it was built on one), the
 * same plugins, the dialect's own placeholders.
 *
 * A shape is stored only when the statements provably come back from the stored text: the
 * count's parameters are the base query's, the page's are those plus limit and offset, and
 * recompiling the stored text gives back the very same SQL and parameters. Otherwise (a
 * literal that looks like a placeholder, a query not starting with `select`) the shape is
 * remembered as not storable and keeps the builder path.
 */
export interface PageStatements {
  count: readonly string[];
  page: readonly string[];
}

const capacity = 1000;
const shapes = new Map<string, PageStatements | null>();

export function shapeKey(base: CompiledQuery, sort: string): string {
  return `${sort}\u0000${base.sql}`;
}

/** The stored statements of a shape; `null`: not storable; `undefined`: not seen yet. */
export function storedStatements(key: string): PageStatements | null | undefined {
  return shapes.get(key);
}

/** Learns a shape from its base query and the two builder-made queries (see above). */
export function learnStatements<DB, TB extends keyof DB, O>(
  key: string,
  query: SelectQueryBuilder<DB, TB, O>,
  base: CompiledQuery,
  countQuery: SelectQueryBuilder<DB, TB, unknown>,
  pageQuery: SelectQueryBuilder<DB, TB, O>,
  limitAndOffset: readonly [number, number],
): void {
  const count = countQuery.compile();
  const page = pageQuery.compile();
  let learned: PageStatements | null = null;
  if (
    sameValues(count.parameters, base.parameters) &&
    sameValues(page.parameters, [...base.parameters, ...limitAndOffset])
  ) {
    const countText = fragmentsOf(count);
    const pageText = fragmentsOf(page);
    if (
      countText &&
      pageText &&
      sameCompiled(statementOf(query, countText, count.parameters).compile(), count) &&
      sameCompiled(statementOf(query, pageText, page.parameters).compile(), page)
    )
      learned = { count: countText, page: pageText };
  }
  shapes.set(key, learned);
  if (shapes.size > capacity) shapes.delete(shapes.keys().next().value as string);
}

/**
 * The stored statement as a query on `query`'s executor. Kysely plugins must return a node of
 * the kind they were given, so the text rides in a select node's one selection: the compiler
 * writes `select ` and then the text with the dialect's placeholders.
 */
export function statementOf<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  fragments: readonly string[],
  parameters: readonly unknown[],
): SelectQueryBuilder<DB, TB, O> {
  const text = RawNode.create(
    fragments,
    parameters.map((value) => ValueNode.create(value)),
  );
  const selection = Object.freeze({ ...SelectionNode.createSelectAll(), selection: text as OperationNode });
  const node = SelectQueryNode.cloneWithSelections(SelectQueryNode.create(), [
    selection as unknown as SelectionNode,
  ]);
  return query.withPlugin(new ReplaceQuery(node));
}

class ReplaceQuery implements KyselyPlugin {
  constructor(private readonly node: RootOperationNode) {}
  transformQuery(_args: PluginTransformQueryArgs): RootOperationNode {
    return this.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const leadingSelect = 'select ';

/**
 * The statement's SQL split at its parameters, without the leading `select ` (written by the
 * compiler): PostgreSQL numbers them `$1…$n` in order, SQLite writes `?`. `null` when the
 * text does not split into exactly one more piece than there are parameters.
 */
function fragmentsOf({ sql, parameters }: CompiledQuery): string[] | null {
  if (!sql.startsWith(leadingSelect)) return null;
  const text = sql.slice(leadingSelect.length);
  const numbered = [...text.matchAll(/\$(\d+)/g)];
  if (numbered.length === parameters.length && numbered.every((m, i) => m[1] === String(i + 1))) {
    const fragments: string[] = [];
    let from = 0;
    for (const m of numbered) {
      fragments.push(text.slice(from, m.index));
      from = (m.index ?? 0) + m[0].length;
    }
    fragments.push(text.slice(from));
    return fragments;
  }
  const pieces = text.split('?');
  return pieces.length === parameters.length + 1 ? pieces : null;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

function sameCompiled(a: CompiledQuery, b: CompiledQuery): boolean {
  return a.sql === b.sql && sameValues(a.parameters, b.parameters);
}
