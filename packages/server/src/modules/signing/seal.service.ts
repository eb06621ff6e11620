import type { DssGap } from '@signx/pades';
import type { Actor } from '../../platform/actor.js';
import type { Trx } from '../../platform/db/schema.js';
import { documents, type StagedContent } from '../documents/index.js';
import { declineStampFor } from './decline-stamp.js';
import { evidenceJob } from './evidence/evidence.jobs.js';
import { sealToLta, signatureFieldName } from './pdf-signing.js';
import * as repo from './requests.repository.js';
import type { SigningDeps } from './signing.deps.js';
import type { RequestBundle } from './signing.presenter.js';

/**
 * Sealed bytes staged for each document of a completed request (slow part, no transaction).
 * A third party's signature already in a document whose validation data cannot be had is
 * listed in `gaps` (field, subject, why) and does not stop the seal.
 */
export async function prepareSeal(deps: SigningDeps, bundle: RequestBundle) {
  const staged: { row: repo.RequestDocumentRow; content: StagedContent; gaps: DssGap[] }[] = [];
  const stamp =
    bundle.request.status === 'rejected'
      ? declineStampFor(bundle.signers, bundle.request.language)
      : undefined;
  const ownFields = platformCertifiedFields(bundle);
  for (const row of bundle.documents) {
    const bytes = await documents.read(deps.ctx, row.current_sha256);
    const gaps: DssGap[] = [];
    const sealed = await sealToLta(bytes, deps.trust, {
      ownFields,
      fetch: deps.ctx.outbound.fetch,
      onGap: (gap) => gaps.push(gap),
      ...(stamp ? { declined: { stamp, index: bundle.signatures.length } } : {}),
    });
    staged.push({
      row,
      gaps,
      content: await documents.stage(
        deps.ctx,
        sealed,
        `${bundle.request.request_number}-${row.position + 1}-sealed.pdf`,
      ),
    });
  }
  return staged;
}

/**
 * The signature fields made with platform certificates, in signing order. A signer's own
 * certificate (`certificate` type, another CA whose revocation data may be unreachable) is
 * left out: it is extended as far as it can be, like a third party's.
 */
function platformCertifiedFields(bundle: RequestBundle): string[] {
  const ordered = [...bundle.signatures].sort((a, b) => a.signed_at.localeCompare(b.signed_at));
  return ordered.flatMap((s, i) => (s.signature_type === 'certificate' ? [] : [signatureFieldName(i)]));
}

/**
 * Files the sealed (B-LTA) versions and marks the request sealed. Idempotent: a request no
 * longer pending its seal, or a document that moved on, is left alone (the job ran twice).
 */
export async function commitSeal(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  bundle: RequestBundle,
  staged: Awaited<ReturnType<typeof prepareSeal>>,
): Promise<boolean> {
  const fresh = await repo.findRequest(trx, bundle.request.id);
  if (fresh?.seal_status !== 'pending') return false;
  for (const { row, content } of staged) {
    const filed = await documents.addVersion(trx, deps.ctx, actor, {
      documentId: row.document_id,
      content,
      note: 'Platform seal (PAdES B-LTA)',
    });
    if (!(await repo.advanceDocument(trx, row, { version: filed.version.version, sha256: content.sha256 })))
      return false;
  }
  const at = deps.clock.now().toISOString();
  await repo.setRequestFields(trx, fresh.id, { seal_status: 'sealed', sealed_at: at, updated_at: at });
  // Certificate of completion + evidence: for completed requests (a declined one is stamped only).
  if (fresh.status === 'completed') await deps.jobs.enqueue(trx, evidenceJob, { request_id: fresh.id });
  await deps.audit.record(trx, actor, {
    type: 'signing.request.sealed',
    entityId: fresh.id,
    payload: {
      request_number: fresh.request_number,
      entity: `${fresh.entity_type}:${fresh.entity_id}`,
      detail: sealDetail(staged, fresh.status === 'rejected'),
    },
  });
  return true;
}

/** The audit detail of a seal: how many documents, and any third-party signature left incomplete. */
function sealDetail(staged: Awaited<ReturnType<typeof prepareSeal>>, declined: boolean): string {
  const gaps = staged.flatMap(({ row, gaps }) =>
    gaps.map(
      (g) =>
        `document ${row.position + 1} ${g.fieldName}${g.subject ? ` (${g.subject})` : ''}: ${g.reasons.join('; ')}`,
    ),
  );
  const head = `${staged.length} document(s) at B-LTA${declined ? ', stamped declined' : ''}`;
  return gaps.length === 0
    ? head
    : `${head}; validation data incomplete for ${gaps.join(' | ')}`.slice(0, 2000);
}
