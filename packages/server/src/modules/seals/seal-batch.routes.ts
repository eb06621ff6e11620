import { actorOf, principalOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { dataScopeOf } from '../identity/index.js';
import { batchApplyBody, batchResultView } from './seal-batch.schemas.js';
import { batchApply } from './seal-batch.service.js';
import { sealsPermissions as permissions } from './seals.catalogue.js';
import type { SealsDeps } from './seals.deps.js';
import { sealsErrors } from './seals.errors.js';
import { idParams } from './seals.schemas.js';

/** Batch sealing: many documents, one placement, one seal-use approval (docs/seals.md). */
export function sealBatchRoutes(deps: SealsDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/seals/:id/batch-apply',
      access: permissions.access('seals.seal.use'),
      summary: 'Seal several documents with one placement and one seal-use approval',
      description:
        'Checks the seal, the authorisation for every document’s category and the approval once for the batch ' +
        '(any failure there refuses everything, nothing written); then seals each document on its own (a PAdES ' +
        'signature, a new version and a log entry naming the approval each) and answers one outcome per ' +
        'document: sealed, already_sealed (by an earlier call with this approval: a retry seals only the rest) ' +
        'or refused with its code (not covered by the approval or changed since, 40374; keyword not found, 40078 …).',
      params: idParams,
      body: batchApplyBody,
      response: batchResultView,
      status: 201,
      idempotent: true,
      errors: [
        'NOT_FOUND',
        sealsErrors.SEAL_NOT_ACTIVE,
        sealsErrors.SEAL_NOT_AUTHORISED,
        sealsErrors.SEAL_APPROVAL_REQUIRED,
        sealsErrors.SEAL_APPROVAL_NOT_GRANTED,
      ],
      handler: async (request) => {
        const { document_ids, placement, approval_id, meaning } = request.body;
        return batchApply(deps, actorOf(request), {
          sealId: request.params.id,
          documentIds: document_ids,
          placement,
          approvalId: approval_id,
          ...(meaning === undefined ? {} : { meaning }),
          scope: dataScopeOf(principalOf(request)),
        });
      },
    }),
  ];
}
