import { type Actor, hasPermission } from '../../platform/actor.js';
import { domainError, forbidden } from '../../platform/errors.js';
import { can } from './keys.catalogue.js';
import { keysErrors } from './keys.errors.js';
import type { CertificateState } from './keys.tables.js';

/** Who may do what with organisation keys and certificates: pure, deny by default. */
export type CertificateAction = 'rotate' | 'revoke';

export const canRead = (actor: Actor): boolean =>
  hasPermission(actor, can['keys.certificate.read']) || hasPermission(actor, can['keys.certificate.manage']);
export const canManage = (actor: Actor): boolean => hasPermission(actor, can['keys.certificate.manage']);

export function authorizeRead(actor: Actor): void {
  if (!canRead(actor)) throw forbidden('You may not see organisation keys and certificates');
}

export function authorizeManage(actor: Actor): void {
  if (!canManage(actor)) throw forbidden('You may not manage organisation keys and certificates');
}

/** What can be done to a certificate in `state`: active ones rotate and revoke, superseded ones only revoke. */
export function allowedActions(actor: Actor, state: CertificateState): CertificateAction[] {
  if (!canManage(actor)) return [];
  if (state === 'active') return ['rotate', 'revoke'];
  if (state === 'superseded') return ['revoke'];
  return [];
}

/** Refuses an action the certificate's state does not allow, with the precise code. */
export function assertAllowed(state: CertificateState, action: CertificateAction): void {
  if (state === 'revoked') throw domainError(keysErrors.CERTIFICATE_REVOKED, 'The certificate is revoked');
  if (state === 'superseded' && action === 'rotate') {
    throw domainError(keysErrors.CERTIFICATE_SUPERSEDED, 'The certificate was already rotated');
  }
}
