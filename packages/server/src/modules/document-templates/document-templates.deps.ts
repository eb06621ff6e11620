import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Converter } from '../../platform/convert/converter.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import type { JobRuntime } from '../../platform/jobs/index.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import type { RealtimeBus } from '../../platform/realtime/realtime-bus.js';
import type { StoragePort } from '../../platform/storage/storage.port.js';
import { audit } from '../audit/index.js';
import {
  type DocumentTemplatesAuditEvent,
  documentTemplatesAuditEvents,
} from './document-templates.catalogue.js';

/** What the module's services and job handlers use, one value per app context. */
export interface DocumentTemplatesDeps {
  ctx: AppContext;
  db: Db;
  clock: Clock;
  jobs: JobRuntime;
  storage: StoragePort;
  converter: Converter;
  realtime: RealtimeBus;
  audit: AuditTrail<DocumentTemplatesAuditEvent>;
  /** Largest template or data upload. */
  maxUploadBytes: number;
}

export const documentTemplatesDeps = defineModuleDeps(
  'document-templates',
  (ctx): DocumentTemplatesDeps => ({
    ctx,
    db: ctx.db,
    clock: ctx.clock,
    jobs: ctx.jobs,
    storage: ctx.storage,
    converter: ctx.converter,
    realtime: ctx.realtime,
    audit: createAuditTrail(documentTemplatesAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
    maxUploadBytes: Math.min(ctx.config.http.uploadLimitBytes, 20 * 1048576),
  }),
);
