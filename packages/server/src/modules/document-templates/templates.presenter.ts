import type { Static } from '@sinclair/typebox';
import { progressOf } from './batch-runner.js';
import type { BatchItemRow, BatchRow } from './batches.repository.js';
import type { TemplateRow, TemplateVersionRow } from './templates.repository.js';
import type { BatchView, templateView, versionView } from './templates.schemas.js';
import { variablesOf } from './templates.service.js';

/** Rows in, responses out; no I/O. */
export function presentTemplate(row: TemplateRow): Static<typeof templateView> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    latest_version: row.latest_version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function presentVersion(row: TemplateVersionRow): Static<typeof versionView> {
  return {
    version: row.version,
    sha256: row.file_key,
    file_name: row.file_name,
    size: row.size,
    note: row.note,
    variables: variablesOf(row) as Static<typeof versionView>['variables'],
    created_at: row.created_at,
  };
}

export function presentBatch(batch: BatchRow, items?: BatchItemRow[]): BatchView {
  const progress = progressOf(batch);
  return {
    id: batch.id,
    template_id: batch.template_id,
    template_version: batch.template_version,
    status: batch.status,
    output: batch.output,
    entity_type: batch.entity_type,
    source: {
      kind: batch.source_kind,
      file_name: batch.source_file_name,
      entity_type: batch.source_entity_type,
    },
    total: batch.total,
    done: progress.done,
    failed: progress.failed,
    remaining: progress.remaining,
    has_zip: batch.zip_key !== null,
    created_at: batch.created_at,
    finished_at: batch.finished_at,
    ...(items
      ? {
          rows: items.map((item) => ({
            row_index: item.row_index,
            status: item.status,
            file_name: item.file_name,
            entity_id: item.entity_id,
            source_record_id: item.source_record_id,
            document_id: item.document_id,
            error: item.error,
          })),
        }
      : {}),
  };
}
