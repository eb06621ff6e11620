import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { jobsAuditEvents, jobsPermissions, jobsTag } from './jobs-admin.catalogue.js';
import { jobsAdminErrors } from './jobs-admin.errors.js';
import { jobsAdminRoutes } from './jobs-admin.routes.js';

/**
 * The operators' view of the job runtime (platform/jobs): queues, jobs, dead letters and
 * schedules under /api/v1/jobs, with permissions jobs.queue.read, jobs.queue.manage and
 * jobs.schedule.manage. Every control action is audited.
 */
export const jobsAdminModule: ModuleDefinition = {
  name: 'jobs-admin',
  tags: [jobsTag],
  permissions: jobsPermissions,
  auditEvents: jobsAuditEvents,
  errors: jobsAdminErrors,
  routes: async (api, ctx) => mountRoutes(api, jobsTag, jobsAdminRoutes(ctx)),
};
