import type { ModuleRoutes } from '@/platform/router/router';

/** Organisation seals: registry with authorisations, and the seal-use log (server module: seals). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/seals',
      component: () => import('./pages/SealsPage.vue'),
      meta: {
        title: 'seals.title',
        group: 'signing',
        order: 21,
        icon: 'signatureSettings',
        permission: ['seals.seal.read', 'seals.seal.manage'],
      },
    },
    {
      path: '/seals/uses',
      component: () => import('./pages/SealUsesPage.vue'),
      meta: {
        title: 'seals.log.title',
        group: 'signing',
        order: 22,
        icon: 'audit',
        permission: ['seals.log.read'],
      },
    },
  ],
};
