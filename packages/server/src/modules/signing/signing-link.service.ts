import type { Actor } from '../../platform/actor.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import * as repo from './requests.repository.js';
import { getBundle } from './requests.service.js';
import { hashToken } from './send.service.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { currentTurn } from './signing.policy.js';
import type { RequestBundle } from './signing.presenter.js';

/** A signer reached through a link (or their account), with the request around them. */
export interface SignerAccess {
  bundle: RequestBundle;
  signer: repo.SignerRow;
  isTurn: boolean;
}

const linkInvalid = () =>
  domainError(signingErrors.LINK_INVALID, 'This signing link is not valid (unknown, expired or replaced)');

/**
 * Resolves a link token: known (by hash), not expired, the request open and not past its
 * expiry, the signer not done. Says whether it is the signer's turn; callers that sign
 * require it. Every failure looks the same to the caller (no oracle for guessing).
 */
export async function signerByToken(db: DbOrTrx, deps: SigningDeps, token: string): Promise<SignerAccess> {
  const signer = await repo.findSignerByTokenHash(db, hashToken(token));
  const now = deps.clock.now().toISOString();
  if (!signer?.token_expires_at || signer.token_expires_at <= now) throw linkInvalid();
  return accessFor(db, deps, signer);
}

export async function accessFor(
  db: DbOrTrx,
  deps: SigningDeps,
  signer: repo.SignerRow,
): Promise<SignerAccess> {
  const bundle = await getBundle(db, signer.request_id);
  const now = deps.clock.now().toISOString();
  const { request } = bundle;
  if (
    !['sent', 'partially_signed'].includes(request.status) ||
    (request.expires_at && request.expires_at <= now)
  )
    throw domainError(
      signingErrors.REQUEST_NOT_OPEN,
      `The request is ${request.expires_at && request.expires_at <= now ? 'expired' : request.status}`,
    );
  if (!['sent', 'viewed'].includes(signer.status))
    throw domainError(signingErrors.SIGNER_DONE, `This signer has ${signer.status}`);
  const current = bundle.signers.find((s) => s.id === signer.id) ?? signer;
  return {
    bundle,
    signer: current,
    isTurn: currentTurn(request.signature_order, bundle.signers).has(signer.id),
  };
}

/** The order rule, enforced on the server: earlier signing_order groups sign first. */
export function requireTurn(access: SignerAccess): void {
  if (!access.isTurn)
    throw domainError(
      signingErrors.NOT_YOUR_TURN,
      'Earlier signers have not signed yet; this link works once it is your turn',
      {
        details: { signing_order: access.signer.signing_order },
      },
    );
}

/** Records the first view of the signing page (audit: viewed). */
export async function recordViewed(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  access: SignerAccess,
): Promise<void> {
  if (access.signer.viewed_at) return;
  const at = deps.clock.now().toISOString();
  const moved = await repo.moveSigner(trx, access.signer.id, ['sent', 'viewed'], {
    status: 'viewed',
    viewed_at: at,
    updated_at: at,
  });
  if (!moved) return;
  await deps.audit.record(trx, actor, {
    type: 'signing.request.viewed',
    entityId: access.bundle.request.id,
    payload: {
      request_number: access.bundle.request.request_number,
      signer_id: access.signer.id,
      signer_name: access.signer.signer_name,
      detail: null,
    },
  });
}
