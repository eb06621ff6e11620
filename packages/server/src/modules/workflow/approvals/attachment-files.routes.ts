import { Type } from '@sinclair/typebox';
import { actorOf } from '../../../platform/http/access.js';
import { defineFileRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { documentDownloadErrors, documents } from '../../documents/index.js';
import { workflowPermissions as permissions } from '../workflow.catalogue.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { attachmentParams } from './approvals.schemas.js';
import { assertAttachmentVisible } from './attachments.js';

/**
 * `GET /approvals/{id}/attachments/{document_id}`: the file of an attachment, for whoever
 * sees the approval (initiator, present and past approvers, CC recipients, approval
 * administrators), whether or not the documents module would let them open it elsewhere.
 * Anybody else gets 404, and so does a document no record of this approval cites: the
 * route opens only what the approval carries, not any document by id.
 */
export function attachmentFileRoutes(deps: WorkflowDeps): RouteDefinition[] {
  return [
    defineFileRoute({
      method: 'GET',
      url: '/approvals/:id/attachments/:document_id',
      access: permissions.access('workflow.approval.use'),
      summary: 'Download an attachment of an approval (its current version)',
      description:
        'Served as the documents module serves a download (viewer watermark where the category asks for one, SHA-256 checked on read).',
      params: attachmentParams,
      file: Type.String({ format: 'binary', description: 'The attachment’s bytes' }),
      errors: ['NOT_FOUND', ...documentDownloadErrors],
      handler: async (request, reply) => {
        const { id, document_id: documentId } = request.params;
        await assertAttachmentVisible(deps.db, actorOf(request), id, documentId);
        return documents.sendCurrent(deps.ctx, request, reply, documentId);
      },
    }),
  ];
}
