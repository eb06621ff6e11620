import type { ModuleRoutes } from '@/platform/router/router';

/** Approval workflow definitions and their designer (server module: workflow). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/workflows',
      component: () => import('./pages/DefinitionsPage.vue'),
      meta: {
        title: 'workflow.title',
        group: 'workflow',
        order: 10,
        icon: 'workflow',
        permission: 'workflow.definition.read',
      },
    },
    {
      path: '/workflows/new',
      component: () => import('./pages/DesignerPage.vue'),
      meta: { title: 'workflow.designer', permission: 'workflow.definition.manage' },
    },
    {
      path: '/workflows/:id',
      component: () => import('./pages/DesignerPage.vue'),
      meta: { title: 'workflow.designer', permission: 'workflow.definition.read' },
    },
  ],
};
