import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineFileRoute, defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { openEventStream } from '../../../platform/realtime/event-stream.js';
import { readSmallUpload } from '../../document-templates/index.js';
import { signingPermissions as permissions } from '../signing.catalogue.js';
import { bulkTopic, progressOf } from './bulk-send.runner.js';
import { bulkWithRows, cancelBulk, getBulk, listBulks, startBulkSend } from './bulk-send.service.js';
import { type InstancesDeps, instanceLimits } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';
import { presentBulk } from './instances.presenter.js';
import * as s from './instances.schemas.js';
import type { Language } from './instantiate.service.js';

const send = permissions.access('signing.request.create');
const languages: readonly string[] = ['en', 'zh-CN', 'he'];

/** Bulk send from a CSV/XLSX: upload (validated up front), progress (JSON and SSE), cancel. */
export function bulkSendRoutes(deps: InstancesDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/digital-signature/templates/:id/bulk-send',
      access: send,
      summary: 'Bulk send: one request per row of a CSV or XLSX (multipart: title, language, then the file)',
      description:
        'Columns per open role of the template: `<role_key>.name`, `<role_key>.email`, `<role_key>.phone`' +
        ' (email or phone per row); optional `entity_id` (the record) and `title`. At most 5 MiB and 10,000 rows;' +
        ' the kind is decided by content. Every row is checked first: any problem answers 400 with each row and' +
        ' column, and nothing is created. Then a job creates and sends the requests (202).',
      params: s.templateIdParams,
      response: s.bulkView,
      status: 202,
      idempotent: true,
      errors: [
        'NOT_FOUND',
        'TOO_LARGE',
        'UNSUPPORTED_MEDIA',
        instancesErrors.BULK_FILE_INVALID,
        instancesErrors.BULK_ROWS_INVALID,
        instancesErrors.TEMPLATE_ROLES_INVALID,
        instancesErrors.TEMPLATE_INACTIVE,
      ],
      handler: async (request) => {
        const upload = await readSmallUpload(request, instanceLimits.maxBulkBytes, ['title', 'language']);
        const language = upload.fields.language ?? 'en';
        const bulk = await inTransaction(deps.db, (trx) =>
          startBulkSend(trx, deps, actorOf(request), {
            templateId: request.params.id,
            fileName: upload.fileName,
            bytes: upload.bytes,
            title: upload.fields.title?.trim().slice(0, 300) || null,
            language: (languages.includes(language) ? language : 'en') as Language,
          }),
        );
        return presentBulk(bulk);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/digital-signature/bulk-sends',
      access: permissions.access('signing.request.read'),
      summary: 'Bulk sends, newest first',
      querystring: s.bulkListQuery,
      response: Type.Object({
        items: Type.Array(s.bulkView),
        total: Type.Integer(),
        page: Type.Integer(),
        page_size: Type.Integer(),
      }),
      handler: async (request) => {
        const { page, page_size } = request.query;
        const found = await listBulks(deps.db, page, page_size);
        return { items: found.items.map((b) => presentBulk(b)), total: found.total, page, page_size };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/digital-signature/bulk-sends/:bulk_id',
      access: permissions.access('signing.request.read'),
      summary: 'A bulk send with its progress and every row’s state, request and error',
      params: s.bulkParams,
      response: s.bulkView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { bulk, rows } = await bulkWithRows(deps.db, request.params.bulk_id);
        return presentBulk(bulk, rows);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/digital-signature/bulk-sends/:bulk_id/cancel',
      access: send,
      summary: 'Cancel a bulk send: rows not yet sent are skipped, requests already sent stay',
      params: s.bulkParams,
      response: s.bulkView,
      errors: ['NOT_FOUND', instancesErrors.BULK_FINISHED],
      handler: async (request) =>
        presentBulk(
          await inTransaction(deps.db, (trx) =>
            cancelBulk(trx, deps, actorOf(request), request.params.bulk_id),
          ),
        ),
    }),
    defineFileRoute({
      method: 'GET',
      url: '/digital-signature/bulk-sends/:bulk_id/events',
      access: permissions.access('signing.request.read'),
      summary:
        'Live progress of a bulk send (Server-Sent Events `progress`: done, failed, remaining, the row just settled)',
      params: s.bulkParams,
      file: Type.String({ description: 'text/event-stream' }),
      errors: ['NOT_FOUND'],
      handler: async (request, reply) => {
        const bulk = await getBulk(deps.db, request.params.bulk_id);
        const stream = openEventStream(request, reply);
        stream.onClose(
          deps.realtime.subscribe(bulkTopic(bulk.id), (data) => stream.send({ event: 'progress', data })),
        );
        // read again after subscribing, so an end published in between is not missed
        stream.send({ event: 'progress', data: progressOf(await getBulk(deps.db, bulk.id)) });
        return reply;
      },
    }),
  ];
}
