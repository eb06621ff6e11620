import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import { checkParties, linkAssistants } from './parties.service.js';
import * as repo from './requests.repository.js';
import type { NewSigner } from './requests.service.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';

/** A signer row from the seed's fields (signing_order defaults to its position, from 1). */
export function signerRow(request: repo.RequestRow, s: NewSigner, index: number, at: string): repo.SignerRow {
  return {
    id: newId(),
    request_id: request.id,
    signer_name: s.signer_name.normalize('NFC').trim(),
    signer_email: s.signer_email ?? null,
    signer_phone: s.signer_phone ?? null,
    signer_type: s.signer_type ?? 'customer',
    role: s.role ?? 'signer',
    signing_order: s.signing_order ?? index + 1,
    user_id: s.user_id ?? null,
    status: 'pending',
    token_hash: null,
    token_expires_at: null,
    viewed_at: null,
    signed_at: null,
    declined_at: null,
    decline_reason: null,
    signature_id: null,
    signing_group: s.signing_group ?? null,
    // An index into the request's signers: resolved to an id once all rows exist (parties.service).
    assists_signer_id: null,
    created_at: at,
    updated_at: at,
  };
}

/** Adds signers to a request that has not been sent yet (POST requests/{id}/signers). */
export async function addSigners(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  requestId: string,
  signers: NewSigner[],
) {
  const request = await repo.findRequest(trx, requestId);
  if (!request) throw notFound('Signature request');
  if (request.status !== 'pending')
    throw domainError(signingErrors.REQUEST_NOT_OPEN, 'Signers can be added only before the request is sent');
  const existing = await repo.signersOf(trx, [requestId]);
  checkParties(existing, signers);
  const at = deps.clock.now().toISOString();
  const rows = signers.map((s, i) => signerRow(request, s, existing.length + i, at));
  for (const row of rows) await repo.insertSigner(trx, row);
  await linkAssistants(trx, [...existing, ...rows], signers, existing.length);
  for (const row of rows) {
    await deps.audit.record(trx, actor, {
      type: 'signing.request.signer_added',
      entityId: requestId,
      payload: {
        request_number: request.request_number,
        signer_id: row.id,
        signer_name: row.signer_name,
        detail: row.role,
      },
    });
  }
  return rows;
}
