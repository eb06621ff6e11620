import type { ModuleDefinition } from '../../platform/module.js';
import { jobsAdminRoutes } from './jobs-admin.routes.js';

export { jobsAuditEvents } from './jobs-admin.service.js';

/**
 * The operators' view of the job runtime (platform/jobs): queues, jobs, dead letters and
 * schedules under /api/v1/jobs, with permissions jobs.queue.read, jobs.queue.manage and
 * jobs.schedule.manage. Every control action is audited.
 */
export const jobsAdminModule: ModuleDefinition = {
  name: 'jobs-admin',
  routes: jobsAdminRoutes,
};
