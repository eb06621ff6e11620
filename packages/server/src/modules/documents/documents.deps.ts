import type { Readable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import type { JobRuntime } from '../../platform/jobs/index.js';
import type { Logger } from '../../platform/logger.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import type { StoragePort } from '../../platform/storage/storage.port.js';
import { audit } from '../audit/index.js';
import { ContentCache } from './content-cache.js';
import { type DocumentsAuditEvent, documentsAuditEvents } from './documents.catalogue.js';
import { converterOfficePreview } from './office-preview.js';

/**
 * The seam for previews of office files. By default the app's LibreOffice pool answers
 * (office-preview.ts, cached by content hash); `provideOfficePreview` replaces it, and null
 * means office versions have no preview. It answers a PDF for the stored bytes of `sha256`.
 */
export interface OfficePreviewProvider {
  pdfFor(version: { sha256: string; kind: string; mediaType: string }): Promise<Readable | Uint8Array>;
}

export interface DocumentsSettings {
  maxUploadBytes: number;
  trashDays: number;
  maxUnpackedBytes: number;
  maxArchiveEntries: number;
  /** How long an unreferenced stored object is kept before the collector deletes it. */
  storageGraceMs: number;
}

/** The documents module's runtime, one value per app context. */
export interface DocumentsDeps {
  ctx: AppContext;
  /** PUBLIC_URL without a trailing slash (links in emitted events). */
  publicUrl: string;
  db: Db;
  clock: Clock;
  jobs: JobRuntime;
  storage: StoragePort;
  log: Logger;
  audit: AuditTrail<DocumentsAuditEvent>;
  settings: DocumentsSettings;
  /** The LibreOffice pool unless `provideOfficePreview` replaced it; null: no office previews. */
  officePreview: OfficePreviewProvider | null;
  /** Spool directory for uploads being sniffed (under the data directory). */
  spoolDir: string;
  /** Page thumbnails cached by content SHA-256 (thumbnails.service.ts). */
  thumbnailDir: string;
  /** Verified version bytes held in memory by SHA-256 (content-cache.ts). */
  contentCache: ContentCache;
}

export const documentsDeps = defineModuleDeps(
  'documents',
  (ctx): DocumentsDeps => ({
    ctx,
    publicUrl: ctx.config.http.publicUrl.replace(/\/+$/, ''),
    db: ctx.db,
    clock: ctx.clock,
    jobs: ctx.jobs,
    storage: ctx.storage,
    log: ctx.logger,
    audit: createAuditTrail(documentsAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
    settings: {
      maxUploadBytes: ctx.config.http.uploadLimitBytes,
      trashDays: ctx.config.documents.trashDays,
      maxUnpackedBytes: ctx.config.documents.maxUnpackedBytes,
      maxArchiveEntries: ctx.config.documents.maxArchiveEntries,
      storageGraceMs: 24 * 60 * 60 * 1000,
    },
    officePreview: converterOfficePreview(
      ctx.converter,
      ctx.storage,
      `${ctx.config.dataDir}/documents-previews`,
    ),
    spoolDir: `${ctx.config.dataDir}/documents-spool`,
    thumbnailDir: `${ctx.config.dataDir}/documents-thumbnails`,
    contentCache: new ContentCache(),
  }),
);
