import { Readable } from 'node:stream';
import type { Actor } from '../../platform/actor.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { AppError, domainError, notFound } from '../../platform/errors.js';
import type { DataScope } from '../identity/index.js';
import type { DocumentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { isPreviewable } from './documents.presenter.js';
import * as docs from './documents.repository.js';
import { getDocument } from './documents.service.js';

/** A version to serve, with its document (scope already applied). */
export interface Servable {
  document: docs.DocumentRow;
  version: docs.VersionRow;
}

/** The version the caller asked for, inside its data scope; 404 otherwise. */
export async function servableVersion(
  db: DbOrTrx,
  scope: DataScope,
  id: string,
  version: number,
): Promise<Servable> {
  const document = await getDocument(db, scope, id);
  const row = await docs.findVersion(db, id, version);
  if (!row) throw notFound('Document version');
  return { document, version: row };
}

/**
 * The verified bytes of a version. Storage hashes the object before serving and refuses
 * bytes that no longer match: that surfaces here as DOCUMENT_CORRUPTED (an `IntegrityFailure`
 * the route records and alerts on), never as silently served damage.
 */
export async function openVersion(deps: DocumentsDeps, servable: Servable): Promise<Readable> {
  try {
    return await deps.storage.open(servable.version.storage_key);
  } catch (error) {
    if (error instanceof AppError && error.code === 'STORAGE_CORRUPTED') throw new IntegrityFailure(servable);
    throw error;
  }
}

/** The PDF (or image) shown as a preview of a version; office files through the registered converter. */
export async function openPreview(
  deps: DocumentsDeps,
  servable: Servable,
): Promise<{ body: Readable; mediaType: string }> {
  const { version } = servable;
  if (!isPreviewable(version, deps.officePreview !== null)) {
    throw domainError(
      documentsErrors.DOCUMENT_NO_PREVIEW,
      'This version has no preview; download it instead',
    );
  }
  const body = await openVersion(deps, servable);
  if (version.kind === 'pdf' || version.media_type.startsWith('image/'))
    return { body, mediaType: version.media_type };
  body.destroy();
  const converter = deps.officePreview;
  if (!converter) throw domainError(documentsErrors.DOCUMENT_NO_PREVIEW, 'No office converter is installed');
  const pdf = await converter.pdfFor({
    sha256: version.storage_key,
    kind: version.kind,
    mediaType: version.media_type,
  });
  return { body: pdf instanceof Uint8Array ? Readable.from([pdf]) : pdf, mediaType: 'application/pdf' };
}

/** Thrown when stored bytes fail their hash; carries what the alert names. */
export class IntegrityFailure extends Error {
  constructor(readonly servable: Servable) {
    super('integrity failure');
  }
}

/**
 * The alert for a failed integrity check: an audit event (its own transaction, so it
 * survives the refused request) and an error log line operators alert on. Answers the
 * error the client gets.
 */
export async function recordIntegrityFailure(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  failure: IntegrityFailure,
): Promise<AppError> {
  const { document, version } = failure.servable;
  deps.log.error(
    {
      alert: 'documents.integrity_failed',
      document_id: document.id,
      version: version.version,
      sha256: version.storage_key,
    },
    'stored document bytes do not match their SHA-256',
  );
  await deps.audit.record(trx, actor, {
    type: 'documents.document.integrity_failed',
    entityId: document.id,
    payload: { version: Number(version.version), sha256: version.storage_key },
  });
  return domainError(
    documentsErrors.DOCUMENT_CORRUPTED,
    'The stored file is damaged (its SHA-256 no longer matches); it was not served and an alert was raised',
    { details: { document_id: document.id, version: Number(version.version) } },
  );
}

/** A single `bytes=` range of `size`; null to serve everything, 'unsatisfiable' for 416. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** Passes through bytes `start..end` (inclusive) of a stream and drops the rest. */
export function sliceStream(source: Readable, start: number, end: number): Readable {
  async function* slice() {
    let offset = 0;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const from = Math.max(0, start - offset);
      const to = Math.min(chunk.length, end + 1 - offset);
      if (to > from) yield chunk.subarray(from, to);
      offset += chunk.length;
      if (offset > end) break;
    }
  }
  return Readable.from(slice());
}

/** A document's current version as other modules see it (the signing module signs these bytes). */
export interface CurrentContent {
  documentId: string;
  title: string;
  version: number;
  sha256: string;
  mediaType: string;
  fileName: string;
  state: string;
  entityType: string;
  entityId: string;
  /** The document's category (contract, invoice, …): seal authorisations are per category. */
  category: string;
}

/** The current version of a document, unscoped: the calling module authorized its own record. */
export async function currentContent(db: DbOrTrx, id: string): Promise<CurrentContent> {
  const document = await getDocument(db, null, id);
  const version = await docs.findVersion(db, id, document.current_version);
  if (!version) throw notFound('Document version');
  return {
    documentId: id,
    title: document.title,
    version: version.version,
    sha256: version.storage_key,
    mediaType: version.media_type,
    fileName: version.file_name,
    state: document.state,
    entityType: document.entity_type,
    entityId: document.entity_id,
    category: document.category,
  };
}

/** The verified bytes of a version (storage checks the content hash while reading). */
export async function readContent(deps: DocumentsDeps, sha256: string): Promise<Buffer> {
  const held = deps.contentCache.get(sha256);
  if (held) return held;
  // One verified pass into memory (open() hashes a first pass and streams a second).
  const bytes = await deps.storage.read(sha256);
  deps.contentCache.remember(sha256, bytes);
  return bytes;
}
