import type { Actor } from '../../platform/actor.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import { electronicSignatures, registerSignableOperation } from '../records/index.js';
import { combinedDocumentHash } from './record-hash.js';
import type { PreparedSignature } from './sign.service.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';

/**
 * Issue 16: a signing-module signature becomes a Part 11 signature when a records policy
 * covers `signing_request`/`sign`. Registered like any signable operation; signed only
 * through this module, which binds the records signature to the SHA-256 of the PDF version
 * carrying the signer's PAdES signature and writes both in one transaction.
 */
export const PART11_RESOURCE = 'signing_request';
export const PART11_OPERATION = 'sign';

registerSignableOperation({
  resourceType: PART11_RESOURCE,
  operationType: PART11_OPERATION,
  module: 'signing',
  description: 'Sign the documents of a signing request (internal signer, from their account)',
  signedThroughModule: true,
});

/** The ceremony an internal signer sends with a signature under a Part 11 policy. */
export interface Part11Ceremony {
  signature_mean: string;
  reason?: string | null | undefined;
  session_id?: string | null | undefined;
  credentials: { password?: string; totp?: string; pin?: string; passkey?: string };
}

export function part11Policy(db: DbOrTrx) {
  return electronicSignatures.policyFor(db, PART11_RESOURCE, PART11_OPERATION);
}

/** Link, in-person and direct-link signing: refused while a Part 11 policy is in force. */
export async function refuseLinkUnderPart11(db: DbOrTrx): Promise<void> {
  if (await part11Policy(db))
    throw domainError(
      signingErrors.PART11_LINK_REFUSED,
      'These signatures are Part 11 signatures: a signing link alone cannot sign. Sign from your SignX account, re-authenticating in the signing ceremony',
    );
}

/** Under a Part 11 policy an internal signer must send the ceremony (a step-up proof is not enough). */
export function requireCeremony(ceremony: Part11Ceremony | undefined): Part11Ceremony {
  if (!ceremony)
    throw domainError(
      signingErrors.PART11_CEREMONY_REQUIRED,
      'A Part 11 signature policy covers this request: choose the meaning and confirm with the signing ceremony',
    );
  return ceremony;
}

/**
 * Runs the records ceremony for a signature the signing module prepared (its PDFs signed and
 * staged) and answers the write to run in the recording transaction.
 */
export async function part11Signature(
  deps: SigningDeps,
  actor: Actor,
  prepared: PreparedSignature,
  ceremony: Part11Ceremony,
): Promise<(trx: Trx) => Promise<void>> {
  const { request } = prepared.access.bundle;
  const pending = await electronicSignatures.prepare(deps.ctx, actor, {
    userId: actor.userId ?? '',
    resourceType: PART11_RESOURCE,
    resourceId: request.id,
    operationType: PART11_OPERATION,
    signatureMean: ceremony.signature_mean,
    reason: ceremony.reason,
    sessionId: ceremony.session_id,
    credentials: ceremony.credentials,
    // The version is the request's signature count once this one is recorded.
    recordVersion: String(prepared.access.bundle.signatures.length + 1),
    recordHash: combinedDocumentHash(prepared.versions.map((v) => v.staged.sha256)),
  });
  return (trx) => electronicSignatures.commit(trx, deps.ctx, actor, pending);
}
