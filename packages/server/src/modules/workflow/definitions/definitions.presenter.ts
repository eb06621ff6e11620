import { decodeJson } from '../../../platform/db/json-codec.js';
import type { DefinitionRow } from './definitions.repository.js';
import type { DefinitionView } from './definitions.schemas.js';

export function presentDefinition(row: DefinitionRow): DefinitionView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    description: row.description,
    status: row.status,
    body: decodeJson(row.body),
    nodes: decodeJson<DefinitionView['nodes']>(row.nodes) ?? [],
    edges: decodeJson<DefinitionView['edges']>(row.edges) ?? [],
    created_by: row.created_by,
    published_at: row.published_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
