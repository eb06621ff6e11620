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
    {
      path: '/webhooks/inbound',
      component: () => import('./pages/InboundCredentialsPage.vue'),
      meta: {
        title: 'webhooks.inbound.title',
        group: 'system',
        order: 31,
        icon: 'webhooks',
        permission: 'webhooks.inbound.manage',
      },
    },
  ],
};
