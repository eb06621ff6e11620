import { decodeJson } from '../../../platform/db/json-codec.js';
import type { DefinitionIndex } from '../definitions/definition-index.js';
import { indexDefinition } from '../definitions/definition-index.js';
import type { DefinitionBody } from '../definitions/definition-model.js';
import type { DefinitionRow } from '../definitions/definitions.repository.js';

export interface CompiledDefinition {
  body: DefinitionBody;
  index: DefinitionIndex;
}

const capacity = 200;
const cache = new Map<string, CompiledDefinition>();

/**
 * A definition version's body parsed and indexed. Every start and every action used to parse
 * the body's JSON and walk its tree again; a published or archived version never changes
 * (only a draft is edited), so those are kept, keyed by id and updated_at, the oldest
 * dropped past `capacity`. Readers must not change the returned objects.
 */
export function compiledDefinition(row: Pick<DefinitionRow, 'id' | 'body' | 'status' | 'updated_at'>) {
  const key = `${row.id}@${row.updated_at}`;
  const kept = cache.get(key);
  if (kept) return kept;
  const body = decodeJson<DefinitionBody>(row.body) as DefinitionBody;
  const compiled = { body, index: indexDefinition(body.process) };
  if (row.status === 'draft') return compiled;
  cache.set(key, compiled);
  if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
  return compiled;
}
