import { decodeJson } from '../../../platform/db/json-codec.js';
import type { CompiledVersion } from './template-compiler.js';
import type { TemplateVariable, TemplateVariant } from './template-model.js';
import type { TemplateRow, VersionRow } from './templates.repository.js';
import type { TemplateView, VersionView } from './templates.schemas.js';

/** Template rows in, responses out; no I/O. */
export function presentTemplate(row: TemplateRow): TemplateView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    category: row.category,
    inbox_kind: row.inbox_kind,
    is_transactional: row.is_transactional === 1,
    is_sensitive: row.is_sensitive === 1,
    default_locale: row.default_locale,
    frequency_limit: row.frequency_limit,
    frequency_window_seconds: row.frequency_window_seconds,
    status: row.status,
    current_version: row.current_version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function presentVersion(row: VersionRow, compiled: CompiledVersion): VersionView {
  return {
    version: row.version,
    note: row.note,
    based_on: row.based_on,
    created_by: row.created_by,
    created_at: row.created_at,
    variables: decodeJson<TemplateVariable[]>(row.variables) ?? [],
    variants: decodeJson<TemplateVariant[]>(row.variants) ?? [],
    used_variables: [...new Set(compiled.variants.flatMap((v) => [...v.variables]))].sort(),
  };
}
