import type { ModuleRoutes } from '@/platform/router/router';

/** Outbound webhooks (server module: webhooks). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/webhooks',
      component: () => import('./pages/WebhooksPage.vue'),
      meta: {
        title: 'webhooks.title',
        group: 'system',
        order: 30,
        icon: 'webhooks',
        permission: 'webhooks.endpoint.manage',
      },
    },
  ],
};
