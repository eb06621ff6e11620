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

/** The approval's title: the seal and the document (version), or the batch's count and its documents. */
function requestTitle(sealName: string, docs: Array<{ fileName: string; version: number }>): string {
  const names = docs.map((d) => `${d.fileName} v${d.version}`);
  if (docs.length === 1) return `用印申请 · ${sealName} · ${names[0]}`;
  const title = `批量用印申请 · ${sealName} · ${docs.length} 份文件: ${names.join(', ')}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

/**
 * Starts the seal-use approval (用印审批) for the current version of one document, or of
 * several (a batch: one approval covers the set, each document at the version requested):
 * the caller must hold, for every document's category, an authorisation that requires
 * approval, and they must name one workflow definition; the request, its document list and
 * the workflow instance commit together. Any refusal stores nothing.
 */
export async function requestSealUse(
  trx: Trx,
  deps: SealsDeps,
  actor: Actor,
  input: { sealId: string; documentIds: string[]; scope: DataScope },
) {
  if (new Set(input.documentIds).size !== input.documentIds.length)
    throw domainError(sealsErrors.SEAL_BATCH_INVALID, 'A document is named more than once.');
  const checked = [];
  for (const documentId of input.documentIds)
    checked.push(await authorise(trx, deps, actor, { sealId: input.sealId, documentId, scope: input.scope }));
  const [first] = checked;
  if (!first) throw domainError(sealsErrors.SEAL_BATCH_INVALID, 'Name at least one document.');
  const { seal, authorisation } = first;
  for (const { authorisation: a } of checked)
    if (!a.requires_approval || !a.workflow_definition_id)
      throw domainError(
        sealsErrors.SEAL_USE_REQUEST_INVALID,
        a.requires_approval
          ? 'The authorisation names no workflow definition for the approval.'
          : 'Your authorisation lets you use this seal without approval.',
      );
  if (checked.some((c) => c.authorisation.workflow_definition_id !== authorisation.workflow_definition_id))
    throw domainError(
      sealsErrors.SEAL_BATCH_INVALID,
      'These documents need different approval workflows; request them separately.',
    );
  const id = newId();
  const row: requests.SealUseRequestRow = {
    id,
    seal_id: seal.id,
    authorisation_id: authorisation.id,
    document_id: first.document.documentId,
    document_version: first.document.version,
    requested_by: actor.userId as string,
    approval_id: id, // replaced below once the instance exists (the column is unique)
    document_count: checked.length,
    created_at: deps.clock.now().toISOString(),
  };
  await requests.insertUseRequest(trx, row);
  const listed = checked.map(({ document }, position) => ({
    request_id: id,
    position,
    document_id: document.documentId,
    document_version: document.version,
  }));
  if (checked.length > 1) await requests.insertRequestDocuments(trx, listed);
  row.approval_id = await workflowApprovals.start(trx, deps.ctx, actor, {
    definitionId: authorisation.workflow_definition_id as string,
    // The approver's summary names the documents and versions (the form data belongs to the definition).
    title: requestTitle(
      seal.name,
      checked.map((c) => c.document),
    ),
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
      ...(checked.length > 1 ? { documents: listed.map(({ request_id, position, ...d }) => d) } : {}),
    },
  });
  const documents = listed.map(({ document_id, document_version }) => ({ document_id, document_version }));
  return { ...row, documents, status: 'running' as const };
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
    const listed =
      request && request.seal_id === seal.id && request.requested_by === actor.userId
        ? (await requests.documentsOfRequest(db, request)).find((d) => d.document_id === document.documentId)
        : undefined;
    if (!listed) throw refuse('The approval is not a seal-use request of yours for this seal and document.');
    // Used before: said as such, even though that use made a newer version of the document.
    if (await useOfApproval(db, approvalId, document.documentId))
      throw domainError(
        sealsErrors.SEAL_APPROVAL_USED,
        'This approval has already been used to seal the document.',
      );
    if (listed.document_version !== document.version)
      throw refuse(
        `The approval is for version ${listed.document_version}; the document is now at version ${document.version}.`,
      );
    const outcome = await workflowApprovals.outcome(db, approvalId);
    if (outcome?.status !== 'approved')
      throw refuse(`The seal-use approval is ${outcome?.status ?? 'unknown'}, not approved.`);
    return approvalId;
  };
}
