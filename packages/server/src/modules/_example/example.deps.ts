import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import type { JobRuntime } from '../../platform/jobs/index.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import { audit } from '../audit/index.js';
import { type ExampleAuditEvent, exampleAuditEvents } from './example.catalogue.js';

/**
 * What the example's services and job handlers use, as one typed value per app context
 * (platform/module-deps.ts): no process globals, so two apps in one process never share
 * the audit trail (bound to each app's catalogues) or anything else kept here.
 */
export interface ExampleDeps {
  db: Db;
  clock: Clock;
  jobs: JobRuntime;
  audit: AuditTrail<ExampleAuditEvent>;
}

export const exampleDeps = defineModuleDeps(
  'example',
  (ctx): ExampleDeps => ({
    db: ctx.db,
    clock: ctx.clock,
    jobs: ctx.jobs,
    audit: createAuditTrail(exampleAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
  }),
);
