import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import { audit } from '../audit/index.js';
import { type JobsAuditEvent, jobsAuditEvents } from './jobs-admin.catalogue.js';

/** Jobs administration's runtime, one value per app context: the context and its typed audit trail. */
export interface JobsAdminDeps {
  ctx: AppContext;
  audit: AuditTrail<JobsAuditEvent>;
}

export const jobsAdminDeps = defineModuleDeps(
  'jobs-admin',
  (ctx): JobsAdminDeps => ({
    ctx,
    audit: createAuditTrail(jobsAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
  }),
);
