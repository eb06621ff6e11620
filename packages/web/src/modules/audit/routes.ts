import type { ModuleRoutes } from '@/platform/router/router';

/** The audit trail (server module: audit). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/audit/events',
      component: () => import('./pages/AuditPage.vue'),
      meta: { title: 'audit.title', group: 'audit', order: 1, icon: 'audit', permission: 'audit.event.read' },
    },
  ],
};
