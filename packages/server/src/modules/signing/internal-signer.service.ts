import type { Actor } from '../../platform/actor.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import { verifySigningReauthentication } from '../identity/index.js';
import { findSigner } from './requests.repository.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { accessFor, type SignerAccess } from './signing-link.service.js';

/**
 * An internal signer (a user named on the signer row) signing from their own account: only
 * that user, never through a link (none is issued to them), and only with a fresh step-up
 * proof of their own session, consumed in the recording transaction (21 CFR §11.200).
 */
export async function signerForUser(
  db: DbOrTrx,
  deps: SigningDeps,
  actor: Actor,
  requestId: string,
  signerId: string,
): Promise<SignerAccess> {
  const signer = await findSigner(db, signerId);
  if (!signer || signer.request_id !== requestId || !signer.user_id || signer.user_id !== actor.userId)
    throw domainError(
      signingErrors.SIGNER_NOT_LINKED_USER,
      'Only the user named as this signer can sign here',
    );
  return accessFor(db, deps, signer);
}

/** The step-up check run inside the recording transaction, before anything is written. */
export function stepUpCheck(deps: SigningDeps, actor: Actor, proof: string | undefined) {
  return async (trx: Trx): Promise<void> => {
    if (!proof || !actor.userId || !actor.sessionId)
      throw domainError(
        signingErrors.LINK_INVALID,
        'Re-authenticate (POST /auth/step-up) and send X-Step-Up-Proof',
      );
    await verifySigningReauthentication(trx, deps.ctx, {
      proof,
      userId: actor.userId,
      sessionId: actor.sessionId,
    });
  };
}
