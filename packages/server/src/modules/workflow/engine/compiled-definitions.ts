import { decodeJson } from '../../../platform/db/json-codec.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { DefinitionIndex } from '../definitions/definition-index.js';
import { indexDefinition } from '../definitions/definition-index.js';
import type { DefinitionBody } from '../definitions/definition-model.js';
import { type DefinitionRow, findDefinition } from '../definitions/definitions.repository.js';

export interface CompiledDefinition {
  /**
   * The version's row as first read. Only a draft is ever edited; a published version can
   * still be archived later, so `status` and `updated_at` of a kept one may be stale: the
   * run and the detail read only what never changes (id, key, version, name, description, body).
   */
  row: DefinitionRow;
  body: DefinitionBody;
  index: DefinitionIndex;
}

/**
 * Published and archived versions, parsed and indexed, kept per app context (WorkflowDeps):
 * every start, action and detail used to read the version's row and parse and walk its body.
 * A version's body never changes once it is published, and ids are never reused, so a kept
 * one is right in every process; the oldest is dropped past `capacity`.
 */
export interface DefinitionCache {
  get(id: string): CompiledDefinition | undefined;
  keep(id: string, compiled: CompiledDefinition): void;
}

export function createDefinitionCache(capacity = 200): DefinitionCache {
  const kept = new Map<string, CompiledDefinition>();
  return {
    get: (id) => kept.get(id),
    keep: (id, compiled) => {
      kept.set(id, compiled);
      if (kept.size > capacity) kept.delete(kept.keys().next().value as string);
    },
  };
}

type WithDefinitions = { definitions: DefinitionCache };

/** A version's body parsed and indexed; kept when it is not a draft. Readers must not change it. */
export function compiledDefinition(deps: WithDefinitions, row: DefinitionRow): CompiledDefinition {
  const kept = deps.definitions.get(row.id);
  if (kept) return kept;
  const body = decodeJson<DefinitionBody>(row.body) as DefinitionBody;
  const compiled = { row, body, index: indexDefinition(body.process) };
  if (row.status !== 'draft') deps.definitions.keep(row.id, compiled);
  return compiled;
}

/** The version an approval runs on: read from the database only the first time (then kept). */
export async function runVersion(
  db: DbOrTrx,
  deps: WithDefinitions,
  id: string,
): Promise<CompiledDefinition | undefined> {
  const kept = deps.definitions.get(id);
  if (kept) return kept;
  const row = await findDefinition(db, id);
  return row ? compiledDefinition(deps, row) : undefined;
}
