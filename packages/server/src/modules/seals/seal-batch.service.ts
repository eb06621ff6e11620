import type { Actor } from '../../platform/actor.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { type AppError, domainError, isAppError, isDomainError } from '../../platform/errors.js';
import type { DataScope } from '../identity/index.js';
import { workflowApprovals } from '../workflow/index.js';
import { type ApplySeal, authorise, recordSealUse, sealChecked } from './seal-apply.service.js';
import * as requests from './seal-requests.repository.js';
import { placementLabel } from './seal-sign.js';
import type { SealsDeps } from './seals.deps.js';
import { sealsErrors } from './seals.errors.js';
import { useOfApproval } from './seals.repository.js';

/** Batch sealing: the documents, one placement for all, and the approval that covers them. */
export interface BatchApply extends Pick<ApplySeal, 'sealId' | 'placement' | 'meaning'> {
  documentIds: string[];
  approvalId?: string | null;
  scope: DataScope;
}

export interface BatchOutcome {
  document_id: string;
  outcome: 'sealed' | 'already_sealed' | 'refused';
  code: number | null;
  message: string | null;
  use_id: string | null;
  sealed_version: number | null;
}

const notGranted = (why: string) => domainError(sealsErrors.SEAL_APPROVAL_NOT_GRANTED, why);

/**
 * The approval checked once for the whole batch: a seal-use request of this user for this
 * seal, approved. Answers each document it covers with the version approved.
 */
async function approvedDocuments(db: DbOrTrx, actor: Actor, approvalId: string, sealId: string) {
  const request = await requests.requestByApproval(db, approvalId);
  if (!request || request.seal_id !== sealId || request.requested_by !== actor.userId)
    throw notGranted('The approval is not a seal-use request of yours for this seal.');
  const outcome = await workflowApprovals.outcome(db, approvalId);
  if (outcome?.status !== 'approved')
    throw notGranted(`The seal-use approval is ${outcome?.status ?? 'unknown'}, not approved.`);
  const listed = await requests.documentsOfRequest(db, request);
  return new Map(listed.map((d) => [d.document_id, d.document_version]));
}

/** Refuses one document the approval does not cover as it is now (throws), in the single apply's order. */
async function checkCovered(
  db: DbOrTrx,
  approvalId: string,
  approved: Map<string, number>,
  document: { documentId: string; version: number },
) {
  const version = approved.get(document.documentId);
  if (version === undefined) throw notGranted('The approval does not cover this document.');
  if (await useOfApproval(db, approvalId, document.documentId))
    throw domainError(sealsErrors.SEAL_APPROVAL_USED, 'This approval has already sealed this document.');
  if (version !== document.version)
    throw notGranted(
      `The approval is for version ${version}; the document is now at version ${document.version}.`,
    );
}

async function refusal(db: DbOrTrx, documentId: string, error: AppError, approvalId: string | null) {
  const used = approvalId && isDomainError(error, sealsErrors.SEAL_APPROVAL_USED);
  const use = used ? await useOfApproval(db, approvalId, documentId) : undefined;
  return {
    document_id: documentId,
    outcome: use ? 'already_sealed' : 'refused',
    code: error.apiCode,
    message: error.message,
    use_id: use?.id ?? null,
    sealed_version: null,
  } satisfies BatchOutcome;
}

/**
 * Seals many documents with one placement and (where the authorisation needs one) one
 * seal-use approval. What concerns the batch as a whole (the seal active, the caller
 * authorised for every document's category, the approval theirs, for this seal and approved)
 * is checked first and refuses everything with nothing written. Then each document is signed
 * and filed on its own (one PAdES signature, one new version, one log entry naming the
 * approval, each committed in its own transaction), so one refused document (not covered,
 * changed since the approval, already sealed by it, keyword missing) does not hold back the
 * others, and a retry seals only those not sealed yet.
 */
export async function batchApply(deps: SealsDeps, actor: Actor, input: BatchApply) {
  const checked = [];
  for (const documentId of input.documentIds)
    checked.push(
      await authorise(deps.db, deps, actor, { sealId: input.sealId, documentId, scope: input.scope }),
    );
  const needsApproval = checked.some((c) => c.authorisation.requires_approval);
  const approvalId = needsApproval ? (input.approvalId ?? null) : null;
  if (needsApproval && !approvalId)
    throw domainError(
      sealsErrors.SEAL_APPROVAL_REQUIRED,
      'Using this seal needs an approved seal-use request (用印审批) for these documents.',
    );
  const approved = approvalId ? await approvedDocuments(deps.db, actor, approvalId, input.sealId) : null;
  const results: BatchOutcome[] = [];
  for (const item of checked) {
    const usesApproval = item.authorisation.requires_approval === 1 && approvalId !== null;
    try {
      if (usesApproval && approved) await checkCovered(deps.db, approvalId, approved, item.document);
      const prepared = await sealChecked(
        deps,
        { ...item, approvalId: usesApproval ? approvalId : null },
        input,
      );
      const row = await inTransaction(deps.db, (trx) =>
        recordSealUse(trx, deps, actor, prepared, placementLabel(input.placement)),
      );
      results.push({
        document_id: item.document.documentId,
        outcome: 'sealed',
        code: null,
        message: null,
        use_id: row.id,
        sealed_version: row.sealed_version,
      });
    } catch (error) {
      if (!isAppError(error) || error.code === 'INTERNAL') throw error;
      results.push(await refusal(deps.db, item.document.documentId, error, usesApproval ? approvalId : null));
    }
  }
  const count = (outcome: BatchOutcome['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return {
    approval_id: approvalId,
    sealed: count('sealed'),
    already_sealed: count('already_sealed'),
    refused: count('refused'),
    results,
  };
}
