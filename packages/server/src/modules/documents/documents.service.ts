import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { Page, PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { conflict, domainError, forbidden, notFound } from '../../platform/errors.js';
import { requireChangeReason } from '../../platform/regulated-records.js';
import { retainObject } from '../../platform/storage/storage-references.js';
import type { DataScope } from '../identity/index.js';
import type { DocumentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { emitVersionCreated } from './documents.events.js';
import { assertMetadataWritable } from './documents.policy.js';
import * as docs from './documents.repository.js';
import type { DocumentCategory } from './documents.tables.js';
import type { StagedContent } from './staging.service.js';

/** The filed metadata of a document; each version keeps a copy (the metadata diff). */
export interface DocumentMetadata {
  title: string;
  category: DocumentCategory;
  tags: string[];
  contract_number: string | null;
}

export interface NewDocument {
  entityType: string;
  entityId: string;
  contractNumber?: string | null;
  title: string;
  category: DocumentCategory;
  tags?: string[];
  /** The filer (data scope "own"); defaults to the acting user. */
  ownerId?: string;
  departmentId?: string | null;
  note?: string | null;
  content: StagedContent;
}

/** What filing answers: ids and the content hash, for the caller to keep on its record. */
export interface Filed {
  document: docs.DocumentRow;
  version: docs.VersionRow;
}

const yearMs = 365.25 * 24 * 60 * 60 * 1000;

/**
 * Files a document with its first version on a record. The caller has authorized the
 * actor on that record (routes check the upload permission); `content` was staged before
 * this transaction. Retention is stamped from the category's policy now and never
 * shortened later by a policy change.
 */
export async function createDocument(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  input: NewDocument,
): Promise<Filed> {
  const ownerId = input.ownerId ?? actor.userId;
  if (!ownerId) throw forbidden('A document needs an owner: file it as a user or name the owner');
  const now = deps.clock.now();
  const at = now.toISOString();
  const policy = await docs.retentionPolicy(trx, input.category);
  const keepYears = policy?.keep_years ?? 0;
  const document: docs.DocumentRow = {
    id: newId(),
    title: input.title,
    category: input.category,
    tags: JSON.stringify(input.tags ?? []),
    entity_type: input.entityType,
    entity_id: input.entityId,
    contract_number: input.contractNumber ?? null,
    owner_id: ownerId,
    department_id: input.departmentId ?? null,
    current_version: 1,
    state: 'active',
    retain_until: keepYears > 0 ? new Date(now.getTime() + keepYears * yearMs).toISOString() : null,
    worm: keepYears > 0 && policy?.worm === 1 ? 1 : 0,
    legal_hold: 0,
    legal_hold_reason: null,
    trashed_at: null,
    created_at: at,
    updated_at: at,
  };
  await docs.insertDocument(trx, document);
  const version = await fileVersion(trx, deps, actor, document, 1, input.content, {
    note: input.note ?? null,
  });
  await deps.audit.record(trx, actor, {
    type: 'documents.document.created',
    entityId: document.id,
    payload: versionPayload(version),
    after: {
      title: document.title,
      category: document.category,
      entity: `${document.entity_type}:${document.entity_id}`,
    },
  });
  return { document, version };
}

/** Adds the next version (a new upload, a signed PDF, a restored copy); never overwrites one. */
export async function addVersion(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  input: { documentId: string; scope: DataScope | null; content: StagedContent; note?: string | null },
): Promise<Filed> {
  const document = await activeDocument(trx, input.documentId, input.scope);
  const version = await nextVersion(trx, deps, actor, document, input.content, { note: input.note ?? null });
  await deps.audit.record(trx, actor, {
    type: 'documents.document.version_added',
    entityId: document.id,
    payload: versionPayload(version),
  });
  return { document: { ...document, current_version: version.version }, version };
}

/** Restores an earlier version as a new one: the same bytes (one more reference), its file name. */
export async function restoreVersion(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  input: { documentId: string; scope: DataScope; version: number },
): Promise<Filed> {
  const document = await activeDocument(trx, input.documentId, input.scope);
  const source = await docs.findVersion(trx, document.id, input.version);
  if (!source) throw notFound('Document version');
  const content: StagedContent = {
    sha256: source.storage_key,
    size: Number(source.size),
    fileName: source.file_name,
    kind: source.kind as StagedContent['kind'],
    mediaType: source.media_type,
    inert: source.inert === 1,
  };
  const version = await nextVersion(trx, deps, actor, document, content, {
    note: null,
    restoredFrom: source.version,
  });
  await deps.audit.record(trx, actor, {
    type: 'documents.document.version_restored',
    entityId: document.id,
    payload: { version: version.version, restored_from: source.version },
  });
  return { document: { ...document, current_version: version.version }, version };
}

/** Changes title, category, tags or contract number; the next version records them. */
export async function updateMetadata(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  input: {
    documentId: string;
    scope: DataScope;
    changes: Partial<DocumentMetadata> & { reason?: string | undefined };
  },
): Promise<docs.DocumentRow> {
  const before = await activeDocument(trx, input.documentId, input.scope);
  assertMetadataWritable(before, deps.clock.now());
  const { tags, reason: given, ...rest } = input.changes;
  const reason = await requireChangeReason(trx, {
    resourceType: 'document',
    resourceId: before.id,
    change: 'change',
    reason: given,
  });
  const changes = {
    ...rest,
    ...(tags ? { tags: JSON.stringify(tags) } : {}),
    updated_at: deps.clock.now().toISOString(),
  };
  await docs.updateDocument(trx, before.id, changes);
  const after = { ...before, ...changes };
  await deps.audit.record(trx, actor, {
    type: 'documents.document.metadata_changed',
    entityId: before.id,
    payload: { title: after.title },
    before: { ...metadataOf(before) },
    after: { ...metadataOf(after) },
    reason,
  });
  return after;
}

export async function listDocuments(
  db: DbOrTrx,
  scope: DataScope,
  filter: docs.DocumentFilter,
  page: PageRequest,
): Promise<Page<docs.DocumentRow>> {
  return docs.documentPage(db, scope, filter, page);
}

/** One document in scope (trashed ones too); 404 outside the scope, so ids leak nothing. */
export async function getDocument(
  db: DbOrTrx,
  scope: DataScope | null,
  id: string,
): Promise<docs.DocumentRow> {
  const row = await docs.findDocument(db, id, scope);
  if (!row) throw notFound('Document');
  return row;
}

export async function documentVersions(
  db: DbOrTrx,
  scope: DataScope,
  id: string,
): Promise<docs.VersionRow[]> {
  await getDocument(db, scope, id);
  return docs.versionsOf(db, id);
}

export function metadataOf(
  row: Pick<docs.DocumentRow, 'title' | 'category' | 'tags' | 'contract_number'>,
): DocumentMetadata {
  return {
    title: row.title,
    category: row.category,
    tags: JSON.parse(row.tags) as string[],
    contract_number: row.contract_number,
  };
}

async function activeDocument(trx: Trx, id: string, scope: DataScope | null): Promise<docs.DocumentRow> {
  const document = await getDocument(trx, scope, id);
  if (document.state !== 'active')
    throw domainError(documentsErrors.DOCUMENT_TRASHED, 'The document is in the trash');
  return document;
}

async function nextVersion(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  document: docs.DocumentRow,
  content: StagedContent,
  extra: { note: string | null; restoredFrom?: number },
): Promise<docs.VersionRow> {
  const number = document.current_version + 1;
  if (!(await docs.bumpVersion(trx, document.id, document.current_version, deps.clock.now().toISOString()))) {
    throw conflict('Another version was added at the same moment; please retry');
  }
  return fileVersion(trx, deps, actor, document, number, content, extra);
}

async function fileVersion(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  document: docs.DocumentRow,
  number: number,
  content: StagedContent,
  extra: { note: string | null; restoredFrom?: number },
): Promise<docs.VersionRow> {
  const now = deps.clock.now();
  await retainObject(trx, deps.storage, { key: content.sha256, size: content.size }, now);
  const version: docs.VersionRow = {
    id: newId(),
    document_id: document.id,
    version: number,
    storage_key: content.sha256,
    size: content.size,
    file_name: content.fileName,
    media_type: content.mediaType,
    kind: content.kind,
    inert: content.inert ? 1 : 0,
    metadata: JSON.stringify(metadataOf(document)),
    note: extra.note,
    restored_from: extra.restoredFrom ?? null,
    created_by: actor.userId ?? actor.id ?? 'system',
    created_at: now.toISOString(),
  };
  await docs.insertVersion(trx, version);
  await emitVersionCreated(trx, deps, document, version);
  return version;
}

function versionPayload(version: docs.VersionRow) {
  return {
    version: version.version,
    sha256: version.storage_key,
    file_name: version.file_name,
    size: Number(version.size),
  };
}
