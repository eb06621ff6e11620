import type { ModuleRoutes } from '@/platform/router/router';

/** Organisation seals: registry with authorisations, the seal-use log and the seal-use requests (server module: seals). */
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
    {
      path: '/seals/use-requests',
      component: () => import('./pages/SealRequestsPage.vue'),
      meta: {
        title: 'seals.requests.title',
        group: 'signing',
        order: 23,
        icon: 'approvals',
        permission: ['seals.seal.use', 'seals.seal.manage'],
      },
    },
    {
      path: '/seals/batch',
      component: () => import('./pages/SealBatchPage.vue'),
      meta: {
        title: 'seals.batch.title',
        group: 'signing',
        order: 24,
        icon: 'approvals',
        permission: ['seals.seal.use'],
      },
    },
  ],
};
