import type { ModuleRoutes } from '@/platform/router/router';

/** Keys and organisation certificates (server module: keys). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/keys/certificates',
      component: () => import('./pages/KeysPage.vue'),
      meta: {
        title: 'keys.title',
        group: 'signing',
        order: 20,
        icon: 'apiKeys',
        permission: ['keys.certificate.read', 'keys.certificate.manage'],
      },
    },
  ],
};
