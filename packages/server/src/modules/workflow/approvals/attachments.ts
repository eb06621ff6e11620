import type { Actor } from '../../../platform/actor.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import { domainError, notFound } from '../../../platform/errors.js';
import { documents } from '../../documents/index.js';
import type { DataScope } from '../../identity/index.js';
import * as repo from '../engine/instances.repository.js';
import { workflowErrors } from '../workflow.errors.js';
import { assertVisible } from './approvals.policy.js';

/** A document cited by a decision or a comment, as the approval record keeps it. */
export interface Attachment {
  document_id: string;
  title: string;
}

/**
 * The documents an actor attaches to a decision or a comment (seed 001 §5.5: attachments of
 * approval_record), checked through the documents module: each must be one the actor may read
 * (documents.document.read, within their data scope, not trashed). One that is not, whoever
 * it belongs to, refuses the whole action (40355, naming the ids) and nothing is written.
 */
export async function checkedAttachments(
  db: DbOrTrx,
  actor: Actor,
  scope: DataScope | undefined,
  ids: string[] | undefined,
): Promise<Attachment[]> {
  const wanted = [...new Set(ids ?? [])];
  if (wanted.length === 0) return [];
  const readable = scope ? await documents.readable(db, actor, scope, wanted) : [];
  const titles = new Map(readable.map((d) => [d.id, d.title]));
  const refused = wanted.filter((id) => !titles.has(id));
  if (refused.length > 0)
    throw domainError(workflowErrors.ATTACHMENT_NOT_READABLE, 'You may attach only documents you may read', {
      details: { document_ids: refused },
    });
  return wanted.map((id) => ({ document_id: id, title: titles.get(id) as string }));
}

/** What an action attaches, as its record's details: `{attachments}` or nothing. */
export function attachmentDetails(attachments: Attachment[]): { attachments?: Attachment[] } {
  return attachments.length > 0 ? { attachments } : {};
}

/** The optional comment and documents that every operation command takes. */
export interface CommentInput {
  comment?: string | null;
  /** Document ids the actor may read (checked by `checkedAttachments`). */
  attachments?: string[];
  /** The actor's data scope, for the attachments. */
  scope?: DataScope;
}

/**
 * Checks that `actor` may open `documentId` as an attachment of approval `id`: they see the
 * approval (else 404, as for the approval itself) and one of its records cites the document
 * (else 404: the approval opens only what it carries, not any document by id).
 */
export async function assertAttachmentVisible(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  documentId: string,
): Promise<void> {
  const instance = await repo.findInstance(db, id);
  if (!instance) throw notFound('Approval');
  await assertVisible(db, actor, instance);
  if (!citedDocumentIds(await repo.recordsOf(db, id)).has(documentId)) throw notFound('Attachment');
}

/** The documents the records of an approval cite (their `details.attachments`). */
export function citedDocumentIds(records: { details: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const row of records) {
    const details = decodeJson<{ attachments?: Attachment[] }>(row.details);
    for (const attachment of details?.attachments ?? []) ids.add(attachment.document_id);
  }
  return ids;
}
