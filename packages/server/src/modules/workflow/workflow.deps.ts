import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import type { JobRuntime } from '../../platform/jobs/index.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import { audit } from '../audit/index.js';
import { createDefinitionCache, type DefinitionCache } from './engine/compiled-definitions.js';
import { type WorkflowAuditEvent, workflowAuditEvents } from './workflow.catalogue.js';

/**
 * What the workflow's services and job handlers use, as one typed value per app context
 * (platform/module-deps.ts): no process globals, so two apps in one process never share
 * the audit trail (bound to each app's catalogues) or anything else kept here.
 */
export interface WorkflowDeps {
  /** For the notification center's send, which takes the context. */
  ctx: AppContext;
  db: Db;
  clock: Clock;
  jobs: JobRuntime;
  audit: AuditTrail<WorkflowAuditEvent>;
  /** Published and archived versions parsed and indexed (engine/compiled-definitions.ts). */
  definitions: DefinitionCache;
  /** The least time between two urges of one approval. */
  urgeIntervalMs: number;
}

export const workflowDeps = defineModuleDeps(
  'workflow',
  (ctx): WorkflowDeps => ({
    ctx,
    db: ctx.db,
    clock: ctx.clock,
    jobs: ctx.jobs,
    audit: createAuditTrail(workflowAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      sinkAll: audit.recordAll,
      verify: !ctx.config.isProduction,
    }),
    definitions: createDefinitionCache(),
    urgeIntervalMs: 10 * 60 * 1000,
  }),
);
