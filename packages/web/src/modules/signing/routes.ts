import type { ModuleRoutes } from '@/platform/router/router';

/** The sender's pages of signature requests and templates (the signer's page is sign.html). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/signing/requests',
      component: () => import('./pages/RequestsPage.vue'),
      meta: {
        title: 'signing.requests.title',
        group: 'signing',
        order: 1,
        icon: 'signing',
        permission: 'signing.request.read',
      },
    },
    {
      path: '/signing/requests/new',
      component: () => import('./pages/NewRequestPage.vue'),
      meta: { title: 'signing.create.title', permission: 'signing.request.create' },
    },
    {
      path: '/signing/requests/:id',
      component: () => import('./pages/RequestDetailPage.vue'),
      meta: { title: 'signing.detail.title', permission: 'signing.request.read' },
    },
    {
      path: '/signing/templates',
      component: () => import('./pages/TemplatesPage.vue'),
      meta: {
        title: 'signing.templates.title',
        group: 'signing',
        order: 2,
        icon: 'templates',
        permission: 'signing.template.read',
      },
    },
    {
      path: '/signing/templates/:id/setup',
      component: () => import('./pages/TemplateSetupPage.vue'),
      meta: { title: 'signing.setup.title', permission: 'signing.template.read' },
    },
    {
      path: '/signing/in-person/unlock',
      component: () => import('./pages/InPersonUnlockPage.vue'),
      meta: { title: 'signing.inPerson.unlockTitle' },
    },
  ],
  // Present on every admin page: holds an in-person host on the unlock page.
  headerTools: [() => import('./components/InPersonLockGuard.vue')],
};
