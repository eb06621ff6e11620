import { defineStateMachine } from '../../platform/state-machine.js';
import type { DocumentState } from './documents.tables.js';

/**
 * A document's life cycle as data: an active document goes to the trash and comes back.
 * Purging is not a move but the end of the row (the purge job), and filing creates it active.
 */
export const documentLifecycle = defineStateMachine<
  DocumentState,
  'trash' | 'restore',
  'documents.document.trashed' | 'documents.document.restored'
>({
  entity: 'document',
  states: ['active', 'trashed'],
  transitions: [
    { from: 'active', event: 'trash', to: 'trashed', auditAction: 'documents.document.trashed' },
    { from: 'trashed', event: 'restore', to: 'active', auditAction: 'documents.document.restored' },
  ],
});
