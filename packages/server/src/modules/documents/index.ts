import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { ModuleDefinition } from '../../platform/module.js';
import type { DataScope } from '../identity/index.js';
import { type CurrentContent, currentContent, readContent } from './content.service.js';
import { documentsAuditEvents, documentsPermissions, documentsTag } from './documents.catalogue.js';
import { documentsDeps, type OfficePreviewProvider } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { purgeJob, purgeSchedule } from './documents.jobs.js';
import { mayDo } from './documents.policy.js';
import { documentRecordData } from './documents.record-data.js';
import { documentsInScope } from './documents.repository.js';
import './documents.regulated.js';
import { documentsIntegrationEvents } from './documents.events.js';
import { documentsRoutes } from './documents.routes.js';
import * as filing from './documents.service.js';
import { sendCurrentVersion } from './shared-download.js';
import { type StagedContent, stageContent } from './staging.service.js';
import { watermarkErrors } from './watermark.service.js';

export type { CurrentContent } from './content.service.js';
export type { OfficePreviewProvider } from './documents.deps.js';
export type { Filed, NewDocument } from './documents.service.js';
export type { DocumentCategory } from './documents.tables.js';
export type { StagedContent } from './staging.service.js';

/**
 * The documents module: versioned files on any record. Other modules file documents with
 * the service API below, in two steps (docs/documents.md):
 *
 *   const staged = await documents.stage(ctx, bytesOrStream, '合同.pdf');   // before the transaction
 *   await inTransaction(db, (trx) => documents.create(trx, ctx, actor, {
 *     entityType: 'contract', entityId, contractNumber, title, category: 'contract', content: staged }));
 *
 * `stage` checks the name, sniffs the type and stores the bytes (content-addressed); `create`
 * and `addVersion` take a storage reference in the caller's transaction and answer the ids
 * and the SHA-256. The caller has authorized the actor on its own record.
 */
export const documents = {
  stage: (ctx: AppContext, body: Readable | Uint8Array, fileName: string): Promise<StagedContent> =>
    stageContent(documentsDeps(ctx), body, fileName),
  create: (trx: Trx, ctx: AppContext, actor: Actor, input: filing.NewDocument): Promise<filing.Filed> =>
    filing.createDocument(trx, documentsDeps(ctx), actor, input),
  addVersion: (
    trx: Trx,
    ctx: AppContext,
    actor: Actor,
    input: { documentId: string; content: StagedContent; note?: string | null },
  ): Promise<filing.Filed> => filing.addVersion(trx, documentsDeps(ctx), actor, { ...input, scope: null }),
  /** The current version (id, number, SHA-256, type); the caller authorized its own record. */
  current: (db: DbOrTrx, id: string): Promise<CurrentContent> => currentContent(db, id),
  /**
   * Of `ids`, the documents `actor` may read (documents.document.read, within `scope`, not in
   * the trash): id and title. For another module's record that refers to documents (an
   * approval's attachments): an id missing from the answer is one the actor may not cite.
   */
  readable: async (
    db: DbOrTrx,
    actor: Actor,
    scope: DataScope,
    ids: string[],
  ): Promise<{ id: string; title: string }[]> =>
    mayDo(actor, 'read') ? documentsInScope(db, ids, scope) : [],
  /** The bytes of a version by its SHA-256, verified against it while read (may come from the content cache). */
  read: (ctx: AppContext, sha256: string): Promise<Buffer> => readContent(documentsDeps(ctx), sha256),
  /**
   * The bytes as storage holds them now, verified against the SHA-256, never from the content
   * cache: for integrity checks of stored evidence, which must see a file altered on disk.
   */
  readStored: (ctx: AppContext, sha256: string): Promise<Buffer> => documentsDeps(ctx).storage.read(sha256),
  /**
   * Answers a download of the document's current version, handled as the documents module's
   * own download (watermark, integrity check, file name); the caller authorized the actor on
   * its own record. Errors: 404 and `documentDownloadErrors`.
   */
  sendCurrent: (ctx: AppContext, request: FastifyRequest, reply: FastifyReply, id: string) =>
    sendCurrentVersion(documentsDeps(ctx), request, reply, id),
};

/** What `documents.sendCurrent` may answer besides 404, for the caller's route declaration. */
export const documentDownloadErrors = [documentsErrors.DOCUMENT_CORRUPTED, ...watermarkErrors];

/** Registers the office → PDF converter that previews DOCX/XLSX/PPTX/ODF versions (the conversion pool). */
export function provideOfficePreview(ctx: AppContext, provider: OfficePreviewProvider): void {
  documentsDeps(ctx).officePreview = provider;
}

export const documentsModule: ModuleDefinition = {
  name: 'documents',
  tags: [documentsTag],
  permissions: documentsPermissions,
  auditEvents: documentsAuditEvents,
  integrationEvents: documentsIntegrationEvents,
  errors: documentsErrors,
  jobs: [purgeJob],
  schedules: [purgeSchedule],
  recordData: [documentRecordData],
  routes: async (api, ctx) => documentsRoutes(api, documentsDeps(ctx)),
};
