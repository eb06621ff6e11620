import type { ModuleDefinition } from '../../platform/module.js';
import { monitorRoutes } from './monitor.routes.js';

/**
 * The system dashboard's API (OPS seed §2.6): GET /api/v1/monitor/overview, permission
 * monitor.dashboard.read (auditors get it with every other `.read`).
 */
export const monitorModule: ModuleDefinition = {
  name: 'monitor',
  routes: monitorRoutes,
};
