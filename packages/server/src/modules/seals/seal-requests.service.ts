import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import type { DataScope } from '../identity/index.js';
import { workflowApprovals } from '../workflow/index.js';
import { type ApprovalResolver, authorise } from './seal-apply.service.js';
import * as requests from './seal-requests.repository.js';
import type { SealsDeps } from './seals.deps.js';
import { sealsErrors } from './seals.errors.js';
import { useOfApproval } from './seals.repository.js';

/** The business type of the workflow approvals seal-use requests start. */
export const SEAL_USE_BUSINESS = 'seals.use';

/**
 * Starts the seal-use approval (用印审批) for the current version of a document: the caller
 * must hold an authorisation that requires approval and names a workflow definition; the
 * request and the workflow instance commit together.
 */
export async function requestSealUse(
  trx: Trx,
  deps: SealsDeps,
  actor: Actor,
  input: { sealId: string; documentId: string; scope: DataScope },
) {
  const { seal, document, authorisation } = await authorise(trx, deps, actor, input);
  if (!authorisation.requires_approval || !authorisation.workflow_definition_id)
    throw domainError(
      sealsErrors.SEAL_USE_REQUEST_INVALID,
      authorisation.requires_approval
        ? 'The authorisation names no workflow definition for the approval.'
        : 'Your authorisation lets you use this seal without approval.',
    );
  const id = newId();
  const row: requests.SealUseRequestRow = {
    id,
    seal_id: seal.id,
    authorisation_id: authorisation.id,
    document_id: document.documentId,
    document_version: document.version,
    requested_by: actor.userId as string,
    approval_id: id, // replaced below once the instance exists (the column is unique)
    created_at: deps.clock.now().toISOString(),
  };
  await requests.insertUseRequest(trx, row);
  row.approval_id = await workflowApprovals.start(trx, deps.ctx, actor, {
    definitionId: authorisation.workflow_definition_id,
    title: `用印申请 · ${seal.name} · ${document.fileName} v${document.version}`,
    businessType: SEAL_USE_BUSINESS,
    businessId: id,
  });
  await requests.setRequestApproval(trx, id, row.approval_id);
  await deps.audit.record(trx, actor, {
    type: 'seals.seal.use_requested',
    entityId: seal.id,
    payload: {
      request_id: id,
      approval_id: row.approval_id,
      document_id: row.document_id,
      document_version: row.document_version,
    },
  });
  return { ...row, status: 'running' as const };
}

/**
 * The approval a use names, checked: started by this user for this seal, document and
 * version, approved (not running, rejected or withdrawn), and not used before.
 */
export function approvalCheck(
  db: DbOrTrx,
  actor: Actor,
  approvalId: string | null | undefined,
): ApprovalResolver {
  return async (_authorisation, seal, document) => {
    if (!approvalId) return null;
    const request = await requests.requestByApproval(db, approvalId);
    const refuse = (why: string) => domainError(sealsErrors.SEAL_APPROVAL_NOT_GRANTED, why);
    if (
      !request ||
      request.seal_id !== seal.id ||
      request.document_id !== document.documentId ||
      request.requested_by !== actor.userId
    )
      throw refuse('The approval is not a seal-use request of yours for this seal and document.');
    // Used before: said as such, even though that use made a newer version of the document.
    if (await useOfApproval(db, approvalId))
      throw domainError(
        sealsErrors.SEAL_APPROVAL_USED,
        'This approval has already been used to seal the document.',
      );
    if (request.document_version !== document.version)
      throw refuse(
        `The approval is for version ${request.document_version}; the document is now at version ${document.version}.`,
      );
    const outcome = await workflowApprovals.outcome(db, approvalId);
    if (outcome?.status !== 'approved')
      throw refuse(`The seal-use approval is ${outcome?.status ?? 'unknown'}, not approved.`);
    return approvalId;
  };
}
