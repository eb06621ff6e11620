import { defineStateMachine } from '../../platform/state-machine.js';
import type { RequestStatus } from './signing.tables.js';

/**
 * A request's life cycle (seed 004's diagram): pending → sent → partially_signed → completed,
 * and cancelled (by the sender, before completion), expired (links ran out), rejected (a
 * signer declined). Anything else answers 40902.
 */
export const requestStates = [
  'pending',
  'sent',
  'partially_signed',
  'completed',
  'expired',
  'cancelled',
  'rejected',
] as const;
export type RequestEvent = 'send' | 'sign' | 'complete' | 'cancel' | 'expire' | 'decline';
type Action =
  | 'signing.request.sent'
  | 'signing.request.signed'
  | 'signing.request.completed'
  | 'signing.request.cancelled'
  | 'signing.request.expired'
  | 'signing.request.declined';

export const requestLifecycle = defineStateMachine<RequestStatus, RequestEvent, Action>({
  entity: 'signature_request',
  states: requestStates,
  transitions: [
    { from: 'pending', event: 'send', to: 'sent', auditAction: 'signing.request.sent' },
    { from: 'sent', event: 'send', to: 'sent', auditAction: 'signing.request.sent' },
    { from: 'partially_signed', event: 'send', to: 'partially_signed', auditAction: 'signing.request.sent' },
    { from: 'sent', event: 'sign', to: 'partially_signed', auditAction: 'signing.request.signed' },
    {
      from: 'partially_signed',
      event: 'sign',
      to: 'partially_signed',
      auditAction: 'signing.request.signed',
    },
    { from: 'sent', event: 'complete', to: 'completed', auditAction: 'signing.request.completed' },
    {
      from: 'partially_signed',
      event: 'complete',
      to: 'completed',
      auditAction: 'signing.request.completed',
    },
    { from: 'pending', event: 'cancel', to: 'cancelled', auditAction: 'signing.request.cancelled' },
    { from: 'sent', event: 'cancel', to: 'cancelled', auditAction: 'signing.request.cancelled' },
    { from: 'partially_signed', event: 'cancel', to: 'cancelled', auditAction: 'signing.request.cancelled' },
    { from: 'sent', event: 'expire', to: 'expired', auditAction: 'signing.request.expired' },
    { from: 'partially_signed', event: 'expire', to: 'expired', auditAction: 'signing.request.expired' },
    { from: 'sent', event: 'decline', to: 'rejected', auditAction: 'signing.request.declined' },
    { from: 'partially_signed', event: 'decline', to: 'rejected', auditAction: 'signing.request.declined' },
  ],
});
