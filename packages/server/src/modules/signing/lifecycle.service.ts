import type { Actor } from '../../platform/actor.js';
import type { Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import * as repo from './requests.repository.js';
import type { NewSigner } from './requests.service.js';
import { newLinkToken } from './send.service.js';
import { tellSignerOutcome } from './signer-outcomes.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { sealJob } from './signing.jobs.js';
import { requestLifecycle } from './signing.state.js';
import { accessFor, type SignerAccess } from './signing-link.service.js';

/**
 * Decline with a reason: the signer is marked declined and the request rejected (seed status),
 * so no later signer can sign; the documents keep the signatures already made and are sealed
 * with a visible "declined" stamp (who, reason, time, in the request's language).
 */
export async function declineRequest(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  access: SignerAccess,
  reason: string,
) {
  const fresh = await repo.findSigner(trx, access.signer.id);
  if (!fresh) throw domainError(signingErrors.LINK_INVALID, 'The signer is gone');
  const { bundle } = await accessFor(trx, deps, fresh);
  const { request } = bundle;
  const transition = requestLifecycle.apply(request.status, 'decline');
  const at = deps.clock.now().toISOString();
  if (
    !(await repo.moveSigner(trx, fresh.id, ['sent', 'viewed'], {
      status: 'declined',
      declined_at: at,
      decline_reason: reason,
      token_hash: null,
      updated_at: at,
    }))
  )
    throw domainError(signingErrors.SIGNER_DONE, 'This signer has already signed or declined');
  // The document is still sealed, with a visible "declined" stamp (seal job, same transaction).
  const changes = { status: transition.to, seal_status: 'pending' as const, updated_at: at };
  if (!(await repo.moveRequest(trx, request.id, [request.status], changes)))
    throw domainError(signingErrors.REQUEST_NOT_OPEN, 'The request changed meanwhile');
  await deps.jobs.enqueue(trx, sealJob, { request_id: request.id });
  await deps.audit.record(trx, actor, {
    type: 'signing.request.declined',
    entityId: request.id,
    payload: {
      request_number: request.request_number,
      signer_id: fresh.id,
      signer_name: fresh.signer_name,
      detail: reason,
    },
  });
  await tellSignerOutcome(trx, deps.ctx, actor, {
    request_id: request.id,
    request_number: request.request_number,
    entity_type: request.entity_type,
    entity_id: request.entity_id,
    signer_id: fresh.id,
    user_id: fresh.user_id,
    outcome: 'declined',
    reference: request.request_number,
  });
}

/**
 * Delegates an unsigned signer's place to someone else (reassign): the row keeps its order
 * and role, takes the new person, gets a fresh link; the old link dies at once. Audited with
 * who was replaced.
 */
export async function reassignSigner(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  input: {
    requestId: string;
    signerId: string;
    to: Pick<NewSigner, 'signer_name' | 'signer_email' | 'signer_phone'>;
  },
) {
  const signer = await repo.findSigner(trx, input.signerId);
  if (!signer || signer.request_id !== input.requestId) throw notFound('Signer');
  const request = await repo.findRequest(trx, input.requestId);
  if (!request || !['pending', 'sent', 'partially_signed'].includes(request.status))
    throw domainError(signingErrors.REQUEST_NOT_OPEN, 'Only open requests can be reassigned');
  const at = deps.clock.now().toISOString();
  const link = request.status === 'pending' || signer.user_id ? null : newLinkToken();
  const moved = await repo.moveSigner(trx, signer.id, ['pending', 'sent', 'viewed'], {
    signer_name: input.to.signer_name.normalize('NFC').trim(),
    signer_email: input.to.signer_email ?? null,
    signer_phone: input.to.signer_phone ?? null,
    user_id: null,
    status: signer.status === 'pending' ? 'pending' : 'sent',
    viewed_at: null,
    token_hash: link?.hash ?? null,
    token_expires_at: link ? request.expires_at : null,
    updated_at: at,
  });
  if (!moved) throw domainError(signingErrors.SIGNER_DONE, 'This signer has already signed or declined');
  await deps.audit.record(trx, actor, {
    type: 'signing.request.reassigned',
    entityId: request.id,
    payload: {
      request_number: request.request_number,
      signer_id: signer.id,
      signer_name: input.to.signer_name,
      detail: `was ${signer.signer_name}`,
    },
  });
  return link && request.expires_at
    ? {
        signer_id: signer.id,
        signer_name: input.to.signer_name,
        signing_order: signer.signing_order,
        token: link.token,
        signing_url: `${deps.publicUrl}/sign/${link.token}`,
        expires_at: request.expires_at,
      }
    : null;
}

/** Expires one open request past its expires_at (the sweep calls it per row); links die with it. */
export async function expireRequest(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  row: repo.RequestRow,
): Promise<boolean> {
  if (!requestLifecycle.can(row.status, 'expire')) return false;
  const at = deps.clock.now().toISOString();
  if (!(await repo.moveRequest(trx, row.id, [row.status], { status: 'expired', updated_at: at })))
    return false;
  await deps.audit.record(trx, actor, {
    type: 'signing.request.expired',
    entityId: row.id,
    payload: {
      request_number: row.request_number,
      entity: `${row.entity_type}:${row.entity_id}`,
      detail: `expired at ${row.expires_at}`,
    },
  });
  return true;
}
