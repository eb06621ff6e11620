import type { ModuleRoutes } from '@/platform/router/router';

/** DOCX templates: the list, one template (schema, versions, fill once), batch generation. */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/document-templates',
      component: () => import('./pages/TemplatesPage.vue'),
      meta: {
        title: 'templates.title',
        group: 'documents',
        order: 2,
        icon: 'templates',
        permission: 'doc_templates.template.read',
      },
    },
    {
      path: '/document-templates/:id',
      component: () => import('./pages/TemplatePage.vue'),
      meta: { title: 'templates.detailTitle', permission: 'doc_templates.template.read' },
    },
    {
      path: '/document-templates/:id/batch',
      component: () => import('./pages/BatchPage.vue'),
      meta: { title: 'templates.batchTitle', permission: 'doc_templates.batch.run' },
    },
  ],
};
