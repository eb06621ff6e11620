import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { encodeJson } from '../../platform/db/json-codec.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { AppError, domainError } from '../../platform/errors.js';
import type { RecordReader } from '../../platform/record-data.js';
import { generateBatchJob } from './batches.jobs.js';
import * as repo from './batches.repository.js';
import type { DocumentTemplatesDeps } from './document-templates.deps.js';
import { documentTemplatesErrors as errors } from './document-templates.errors.js';
import { type RecordSource, rowsWithRecords } from './record-sources.service.js';
import { type RowError, validateRows } from './row-validation.js';
import { dataInvalid } from './template-files.service.js';
import { getVersion, variablesOf } from './templates.service.js';
import { isControl } from './upload-reader.js';

/** Batch generation: rows checked up front, then one job fills, converts and files them. */

export interface BatchRequest {
  templateId: string;
  version?: number;
  rows: Record<string, unknown>[];
  output: 'pdf' | 'docx';
  /** File each result on its record: the row's `entity_id` names it. */
  entityType: string | null;
  /** Fill from records of another module: each row's `source_id` names one (read as `reader`). */
  source?: { from: RecordSource; reader: RecordReader } | null;
  /** Where the rows came from (kept on the batch); JSON when absent. */
  origin?: { kind: 'json' | 'csv' | 'xlsx'; fileName?: string | null };
}

/** The rows with their records merged in (when the batch fills from records), and the records' errors. */
async function inputRows(trx: Trx, deps: DocumentTemplatesDeps, request: BatchRequest) {
  if (!request.source) return { rows: request.rows, errors: [] as RowError[] };
  return rowsWithRecords(deps.ctx, trx, request.source.reader, request.source.from, request.rows);
}

function fileNameOf(row: Record<string, unknown>, index: number, output: string): string {
  const given = typeof row.file_name === 'string' ? row.file_name.trim() : '';
  // names come from data: keep letters (any script), digits and a few marks, never a path
  const safe = given
    .split('')
    .map((char) => (isControl(char) || '\\/:*?"<>|'.includes(char) ? '_' : char))
    .join('')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return `${safe || `document-${String(index + 1).padStart(5, '0')}`}.${output}`;
}

/**
 * Validates every row against the version's schema (all problems listed, nothing stored when
 * any), then records the batch and its rows and enqueues the job, in the caller's transaction.
 */
export async function startBatch(
  trx: Trx,
  deps: DocumentTemplatesDeps,
  actor: Actor,
  request: BatchRequest,
): Promise<repo.BatchRow> {
  const version = await getVersion(trx, request.templateId, request.version);
  const input = await inputRows(trx, deps, request);
  const { rows, errors: rowErrors } = validateRows(variablesOf(version), input.rows);
  rowErrors.unshift(...input.errors);
  input.rows.forEach((row, index) => {
    const entityId = row.entity_id;
    if (request.entityType && (typeof entityId !== 'string' || entityId.trim() === '')) {
      rowErrors.push({
        row: index + 1,
        field: 'entity_id',
        message: 'is required to file the document on its record',
      });
    }
  });
  if (rowErrors.length > 0) throw dataInvalid(rowErrors.sort((a, b) => a.row - b.row));
  if (rows.length === 0) throw new AppError('VALIDATION', 'The batch has no rows');
  const now = deps.clock.now().toISOString();
  const batch: repo.BatchRow = {
    id: newId(),
    template_id: request.templateId,
    template_version: version.version,
    status: 'queued',
    output: request.output,
    entity_type: request.entityType,
    total: rows.length,
    done_count: 0,
    failed_count: 0,
    zip_key: null,
    source_kind: request.origin?.kind ?? 'json',
    source_file_name: request.origin?.fileName?.slice(0, 255) ?? null,
    source_entity_type: request.source?.from.entityType ?? null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  const items = rows.map((row, index) => ({
    id: newId(),
    batch_id: batch.id,
    row_index: index + 1,
    status: 'pending' as const,
    data: encodeJson(row),
    entity_id: request.entityType ? String(input.rows[index]?.entity_id).trim() : null,
    source_record_id: request.source ? String(request.rows[index]?.source_id).trim() : null,
    file_name: fileNameOf(input.rows[index] ?? {}, index, request.output),
    output_key: null,
    document_id: null,
    error: null,
    updated_at: now,
  }));
  await repo.batches.insert(trx, batch, items);
  await deps.audit.record(trx, actor, {
    type: 'document-templates.batch.started',
    entityId: batch.id,
    payload: { template_id: request.templateId, version: version.version, rows: rows.length },
  });
  await deps.jobs.enqueue(trx, generateBatchJob, { batch_id: batch.id });
  return batch;
}

export async function getBatch(db: DbOrTrx, id: string): Promise<repo.BatchRow> {
  const batch = await repo.batches.find(db, id);
  if (!batch) throw new AppError('NOT_FOUND', 'No such batch');
  return batch;
}

/** A batch and every row's state, for the progress page. */
export async function getBatchWithItems(
  db: DbOrTrx,
  id: string,
): Promise<{ batch: repo.BatchRow; items: repo.BatchItemRow[] }> {
  const batch = await getBatch(db, id);
  return { batch, items: await repo.batches.items(db, id) };
}

/** Stops a batch: rows not yet generated are cancelled; rows already filed stay filed. */
export async function cancelBatch(
  trx: Trx,
  deps: DocumentTemplatesDeps,
  actor: Actor,
  id: string,
): Promise<repo.BatchRow> {
  await getBatch(trx, id);
  const now = deps.clock.now().toISOString();
  if (!(await repo.batches.cancel(trx, id, now)))
    throw domainError(errors.BATCH_FINISHED, 'The batch has already finished');
  await deps.audit.record(trx, actor, {
    type: 'document-templates.batch.cancelled',
    entityId: id,
    payload: {},
  });
  return getBatch(trx, id);
}
