import { defineStateMachine } from '../../platform/state-machine.js';
import type { SealTransitionAction } from './seals.catalogue.js';

/**
 * A seal's life cycle: active seals may be suspended (lost, under review) and reactivated;
 * retired is final (a replaced or destroyed seal). Only active seals are applied.
 */
export const sealStatuses = ['active', 'suspended', 'retired'] as const;
export type SealStatus = (typeof sealStatuses)[number];

export const sealEvents = ['suspend', 'reactivate', 'retire'] as const;
export type SealEvent = (typeof sealEvents)[number];

export const sealLifecycle = defineStateMachine<SealStatus, SealEvent, SealTransitionAction>({
  entity: 'seal',
  states: sealStatuses,
  transitions: [
    { from: 'active', event: 'suspend', to: 'suspended', auditAction: 'seals.seal.suspended' },
    { from: 'suspended', event: 'reactivate', to: 'active', auditAction: 'seals.seal.reactivated' },
    { from: 'active', event: 'retire', to: 'retired', auditAction: 'seals.seal.retired' },
    { from: 'suspended', event: 'retire', to: 'retired', auditAction: 'seals.seal.retired' },
  ],
});
