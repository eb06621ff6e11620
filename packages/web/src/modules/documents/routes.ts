import type { ModuleRoutes } from '@/platform/router/router';

/** The document library, global or for one record (?entity_type=&entity_id= or ?contract_number=). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/documents',
      component: () => import('./pages/DocumentsPage.vue'),
      meta: {
        title: 'documents.title',
        group: 'documents',
        order: 1,
        icon: 'documents',
        permission: 'documents.document.read',
      },
    },
    {
      path: '/documents/retention',
      component: () => import('./pages/RetentionPage.vue'),
      meta: {
        title: 'retention.title',
        group: 'documents',
        order: 3,
        icon: 'retention',
        permission: ['documents.retention.manage', 'documents.document.hold'],
      },
    },
  ],
};
