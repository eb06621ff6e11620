import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { defineFileRoute, defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { openEventStream } from '../../platform/realtime/event-stream.js';
import { batchTopic } from './batch-runner.js';
import { cancelBatch, getBatch, getBatchWithItems, startBatch } from './batches.service.js';
import { ImportError, importRows } from './data-import.js';
import { documentTemplatesPermissions as permissions } from './document-templates.catalogue.js';
import type { DocumentTemplatesDeps } from './document-templates.deps.js';
import { documentTemplatesErrors as errors } from './document-templates.errors.js';
import { readerOf, sourceOf } from './record-sources.routes.js';
import { presentBatch } from './templates.presenter.js';
import { batchBody, batchParams, batchView, templateParams } from './templates.schemas.js';
import { getVersion, variablesOf } from './templates.service.js';
import { readSmallUpload } from './upload-reader.js';

const run = permissions.access('doc_templates.batch.run');

function parseMapping(text: string | undefined, field = 'mapping'): Record<string, string> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === 'string')
    ) {
      return value as Record<string, string>;
    }
  } catch {
    // reported below
  }
  throw new AppError('VALIDATION', 'The request is not valid', {
    fieldErrors: [{ field, message: 'must be a JSON object {"name": "name"}' }],
  });
}

/** Batch generation: from JSON rows or an uploaded CSV/XLSX, live progress, cancel, ZIP. */
export function batchRoutes(deps: DocumentTemplatesDeps): RouteDefinition[] {
  const start = (
    request: Parameters<typeof actorOf>[0],
    templateId: string,
    body: Parameters<typeof startBatch>[3],
  ) => inTransaction(deps.db, (trx) => startBatch(trx, deps, actorOf(request), { ...body, templateId }));
  return [
    defineRoute({
      method: 'POST',
      url: '/document-templates/:id/batches',
      access: run,
      summary:
        'Generate one document per row (JSON rows); every row is validated before anything is generated',
      params: templateParams,
      body: batchBody,
      response: batchView,
      status: 202,
      idempotent: true,
      errors: ['NOT_FOUND', errors.TEMPLATE_DATA_INVALID],
      handler: async (request) => {
        const { body } = request;
        const batch = await start(request, request.params.id, {
          templateId: request.params.id,
          rows: body.rows,
          output: body.output,
          entityType: body.entity_type ?? null,
          source: body.source ? { from: sourceOf(body.source), reader: readerOf(request) } : null,
          ...(body.version ? { version: body.version } : {}),
        });
        return presentBatch(batch);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/document-templates/:id/batches/import',
      access: run,
      summary:
        'Generate from a CSV or XLSX (multipart: mapping, output, entity_type, version, source_type, source_mapping, then the file)',
      description:
        'The first row names the columns; `mapping` ({"column":"variable"}) overrides matching by name or label. ' +
        'Columns entity_id, file_name and source_id are read too (source_id: the record of `source_type` the row is filled from). ' +
        'Errors list each row and field; nothing is generated then.',
      params: templateParams,
      response: batchView,
      status: 202,
      idempotent: true,
      errors: ['NOT_FOUND', 'TOO_LARGE', 'UNSUPPORTED_MEDIA', errors.TEMPLATE_DATA_INVALID],
      handler: async (request) => {
        const upload = await readSmallUpload(request, deps.maxUploadBytes, [
          'mapping',
          'output',
          'entity_type',
          'version',
          'source_type',
          'source_mapping',
        ]);
        const version = upload.fields.version ? Number(upload.fields.version) : undefined;
        const row = await getVersion(deps.db, request.params.id, version);
        const kind = /\.csv$/i.test(upload.fileName) ? 'csv' : 'xlsx';
        const sheet = await importRows(
          upload.bytes,
          kind,
          variablesOf(row),
          parseMapping(upload.fields.mapping),
        ).catch((error: unknown) => {
          if (error instanceof ImportError) {
            throw new AppError('VALIDATION', error.message, {
              fieldErrors: [{ field: 'file', message: error.message }],
            });
          }
          throw error;
        });
        const batch = await start(request, request.params.id, {
          templateId: request.params.id,
          version: row.version,
          rows: sheet.rows,
          output: upload.fields.output === 'docx' ? 'docx' : 'pdf',
          entityType: upload.fields.entity_type?.trim() || null,
          origin: { kind, fileName: upload.fileName },
          source: upload.fields.source_type?.trim()
            ? {
                from: sourceOf({
                  entity_type: upload.fields.source_type.trim(),
                  mapping: parseMapping(upload.fields.source_mapping, 'source_mapping'),
                }),
                reader: readerOf(request),
              }
            : null,
        });
        return presentBatch(batch);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/document-templates/batches/:batchId',
      access: run,
      summary: 'A batch with its progress and every row’s state and error',
      params: batchParams,
      response: batchView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { batch, items } = await getBatchWithItems(deps.db, request.params.batchId);
        return presentBatch(batch, items);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/document-templates/batches/:batchId/cancel',
      access: run,
      summary: 'Cancel a batch: rows not yet generated are cancelled, rows already filed stay',
      params: batchParams,
      response: batchView,
      errors: ['NOT_FOUND', errors.BATCH_FINISHED],
      handler: async (request) =>
        presentBatch(
          await inTransaction(deps.db, (trx) =>
            cancelBatch(trx, deps, actorOf(request), request.params.batchId),
          ),
        ),
    }),
    defineFileRoute({
      method: 'GET',
      url: '/document-templates/batches/:batchId/zip',
      access: run,
      summary: 'The ZIP of a finished batch’s results',
      params: batchParams,
      file: Type.String({ format: 'binary', description: 'application/zip' }),
      errors: ['NOT_FOUND'],
      handler: async (request, reply) => {
        const batch = await getBatch(deps.db, request.params.batchId);
        if (!batch.zip_key)
          throw new AppError('NOT_FOUND', 'The batch has no ZIP (not finished, or nothing generated)');
        reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="batch-${batch.id}.zip"`);
        return reply.send(await deps.storage.open(batch.zip_key));
      },
    }),
    defineFileRoute({
      method: 'GET',
      url: '/document-templates/batches/:batchId/events',
      access: run,
      summary:
        'Live progress of a batch (Server-Sent Events `progress`: done, failed, remaining, the row just settled)',
      params: batchParams,
      file: Type.String({ description: 'text/event-stream' }),
      errors: ['NOT_FOUND'],
      handler: async (request, reply) => {
        const batch = await getBatch(deps.db, request.params.batchId);
        const stream = openEventStream(request, reply);
        stream.onClose(
          deps.realtime.subscribe(batchTopic(batch.id), (data) => stream.send({ event: 'progress', data })),
        );
        // read again after subscribing, so an end published in between is not missed
        stream.send({ event: 'progress', data: presentBatch(await getBatch(deps.db, batch.id)) });
        return reply;
      },
    }),
  ];
}
