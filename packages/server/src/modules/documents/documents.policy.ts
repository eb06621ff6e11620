import { type Actor, hasPermission } from '../../platform/actor.js';
import { domainError, forbidden } from '../../platform/errors.js';
import { can } from './documents.catalogue.js';
import { documentsErrors } from './documents.errors.js';
import type { DocumentsTable } from './documents.tables.js';

/**
 * Who may do what with a document, pure and deny by default. Which documents an actor sees
 * at all is the data scope's call (applied in every query); these rules decide the action.
 * Retention rules bind every role: WORM and legal hold are checked after permissions, and
 * no permission (administrator included) lifts them.
 */
export type DocumentAction = 'read' | 'upload' | 'edit' | 'trash' | 'restore' | 'hold' | 'manage_retention';

const permissionFor: Record<DocumentAction, string> = {
  read: can['documents.document.read'],
  upload: can['documents.document.upload'],
  edit: can['documents.document.upload'],
  trash: can['documents.document.delete'],
  restore: can['documents.document.delete'],
  hold: can['documents.document.hold'],
  manage_retention: can['documents.retention.manage'],
};

export function mayDo(actor: Actor, action: DocumentAction): boolean {
  return hasPermission(actor, permissionFor[action]);
}

export function authorize(actor: Actor, action: DocumentAction): void {
  if (!mayDo(actor, action)) throw forbidden(`You may not ${action.replace('_', ' ')} documents`);
}

type Retention = Pick<DocumentsTable, 'worm' | 'retain_until' | 'legal_hold'>;

/** True while a WORM document's retention period runs. */
export function isWormLocked(doc: Retention, now: Date): boolean {
  return doc.worm === 1 && doc.retain_until !== null && doc.retain_until > now.toISOString();
}

/** Refuses deleting (trash, purge) a held or WORM-retained document, whoever asks. */
export function assertDeletable(doc: Retention, now: Date): void {
  if (doc.legal_hold === 1)
    throw domainError(documentsErrors.DOCUMENT_ON_HOLD, 'The document is under legal hold');
  if (isWormLocked(doc, now)) {
    throw domainError(
      documentsErrors.DOCUMENT_RETAINED,
      `The document is retained (WORM) until ${doc.retain_until}`,
    );
  }
}

/** Refuses changing the filed metadata of a WORM-retained document (its versions stay append-only). */
export function assertMetadataWritable(doc: Retention, now: Date): void {
  if (isWormLocked(doc, now)) {
    throw domainError(
      documentsErrors.DOCUMENT_RETAINED,
      `The document is retained (WORM) until ${doc.retain_until}`,
    );
  }
}
