import type { Actor } from '../../platform/actor.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import { webhooks } from '../webhooks/index.js';
import * as repo from './signatures.repository.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { signingIntegrationEvents } from './signing-events.js';

/**
 * Revokes a signature (seed: signatures/{id}/revoke): the record is marked revoked and the
 * per-signer certificate is revoked in the platform CA in the same transaction, so the CRL
 * and OCSP answers and the public verification all report it from the commit on.
 */
export async function revokeSignature(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  id: string,
  reason: string | null,
) {
  const row = await repo.findSignature(trx, id);
  if (!row) throw notFound('Signature');
  const at = deps.clock.now();
  if (!(await repo.markRevoked(trx, id, at.toISOString(), reason)))
    throw domainError(signingErrors.SIGNER_DONE, 'The signature is already revoked');
  // The signer's own certificate (certificate type) belongs to their CA, not ours: only the
  // record is revoked; platform-issued ones are revoked in the platform CRL/OCSP too.
  if (row.signature_type !== 'certificate')
    await deps.trust.revoke(trx, {
      serial: row.certificate_serial,
      reason: 'cessationOfOperation',
      at,
      subject: row.certificate_subject,
      note: `${row.signature_number}${reason ? `: ${reason}` : ''}`,
    });
  await deps.audit.record(trx, actor, {
    type: 'signing.signature.revoked',
    entityId: id,
    payload: { signature_number: row.signature_number, certificate_serial: row.certificate_serial, reason },
    before: { status: row.status },
    after: { status: 'revoked' },
  });
  await webhooks.emit(trx, deps.ctx, {
    type: signingIntegrationEvents.types['signature.revoked'],
    resource_type: 'signature',
    resource_id: id,
    data: {
      id,
      signature_number: row.signature_number,
      request_id: row.request_id,
      signer_id: row.signer_id,
      certificate_serial: row.certificate_serial,
      status: 'revoked',
      revoked_at: at.toISOString(),
      reason,
      links: { request: `${deps.publicUrl}/api/v1/digital-signature/requests/${row.request_id}` },
    },
  });
  return { ...row, status: 'revoked' as const, revoked_at: at.toISOString(), revoke_reason: reason };
}

/** Every signature on one record (seed: get_entity_signatures). */
export async function signaturesOnEntity(db: DbOrTrx, entityType: string, entityId: string) {
  return repo.signaturesOfEntity(db, entityType, entityId);
}
