import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/actor.js';
import type { Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import { notifyInternalAtSend } from './alerts/turn.service.js';
import * as repo from './requests.repository.js';
import { getBundle } from './requests.service.js';
import type { SigningDeps } from './signing.deps.js';
import { signingLimits } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { ACTING_ROLES, currentTurn, SIGNING_ROLES, signingPlaces } from './signing.policy.js';
import { requestLifecycle } from './signing.state.js';
import { sendSigningLink } from './signing-messages.js';

/** A signing-link secret: 256 bits from the CSPRNG, base64url; only its SHA-256 is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(signingLimits.tokenBytes).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Sends (or re-sends) a request: every outstanding external signer gets a fresh link (an
 * earlier link dies), valid for the template's request_expires_hours. Links are issued to
 * every signer now, but only the signer whose turn it is can use one (checked when used).
 */
export async function sendRequest(trx: Trx, deps: SigningDeps, actor: Actor, id: string) {
  const bundle = await getBundle(trx, id);
  const { request } = bundle;
  const transition = requestLifecycle.apply(request.status, 'send');
  const signing = bundle.signers.filter((s) => SIGNING_ROLES.has(s.role));
  // An any-of-N group is one place: its members together give one signature.
  const places = signingPlaces(bundle.signers).length;
  if (places === 0 || places < request.required_signatures_count)
    throw domainError(
      signingErrors.NO_SIGNERS,
      `The request needs at least ${Math.max(1, request.required_signatures_count)} signer(s)`,
    );
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + request.request_expires_hours * 3_600_000).toISOString();
  const links = [];
  const turn = currentTurn(request.signature_order, bundle.signers);
  // Assistants get a link too: they fill their signer's fields before that signer's turn.
  for (const signer of bundle.signers.filter((s) => ACTING_ROLES.has(s.role))) {
    if (!['pending', 'sent', 'viewed'].includes(signer.status) || signer.user_id) continue;
    const { token, hash } = newLinkToken();
    const moved = await repo.moveSigner(trx, signer.id, [signer.status], {
      status: signer.status === 'viewed' ? 'viewed' : 'sent',
      token_hash: hash,
      token_expires_at: expiresAt,
      updated_at: now.toISOString(),
    });
    if (!moved) throw domainError(signingErrors.SIGNER_DONE, 'A signer changed while sending; try again');
    await sendSigningLink(trx, deps.ctx, actor, {
      request,
      signer,
      link: `${deps.publicUrl}/sign/${token}`,
      expiresAt,
      waiting: !turn.has(signer.id),
    });
    links.push({
      signer_id: signer.id,
      signer_name: signer.signer_name,
      signing_order: signer.signing_order,
      token,
      signing_url: `${deps.publicUrl}/sign/${token}`,
      expires_at: expiresAt,
    });
  }
  for (const signer of signing.filter((s) => s.user_id && s.status === 'pending'))
    await repo.moveSigner(trx, signer.id, ['pending'], {
      status: 'sent',
      token_expires_at: expiresAt,
      updated_at: now.toISOString(),
    });
  if (
    !(await repo.moveRequest(trx, id, [request.status], {
      status: transition.to,
      expires_at: expiresAt,
      sent_at: now.toISOString(),
      updated_at: now.toISOString(),
    }))
  )
    throw domainError(signingErrors.REQUEST_NOT_OPEN, 'The request changed while sending; try again');
  await deps.audit.record(trx, actor, {
    type: 'signing.request.sent',
    entityId: id,
    payload: {
      request_number: request.request_number,
      entity: `${request.entity_type}:${request.entity_id}`,
      detail: `${links.length} link(s)`,
    },
  });
  // Internal signers get no link: those whose turn it is now are told in-app.
  await notifyInternalAtSend(trx, deps, actor, { ...bundle, request: { ...request, expires_at: expiresAt } });
  return { links };
}

/** Cancels an open or pending request; issued links die with it. */
export async function cancelRequest(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  id: string,
  reason: string | null,
) {
  const request = await repo.findRequest(trx, id);
  if (!request) throw notFound('Signature request');
  const transition = requestLifecycle.apply(request.status, 'cancel');
  const at = deps.clock.now().toISOString();
  if (
    !(await repo.moveRequest(trx, id, [request.status], {
      status: transition.to,
      cancelled_at: at,
      cancel_reason: reason,
      updated_at: at,
    }))
  )
    throw domainError(signingErrors.REQUEST_NOT_OPEN, 'The request changed meanwhile; reload');
  await deps.audit.record(trx, actor, {
    type: 'signing.request.cancelled',
    entityId: id,
    payload: {
      request_number: request.request_number,
      entity: `${request.entity_type}:${request.entity_id}`,
      detail: reason,
    },
  });
}
