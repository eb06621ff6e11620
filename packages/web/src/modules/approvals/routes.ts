import type { ModuleRoutes } from '@/platform/router/router';

/**
 * The user's approval pages (server module: workflow, docs/workflow.md): the inbox, starting
 * an approval, one approval, and the same approval laid out for a phone (no admin shell).
 * Definitions and the designer are the workflow web module's.
 */
const use = 'workflow.approval.use';
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/approvals',
      component: () => import('./pages/InboxPage.vue'),
      meta: {
        title: 'approvals.inbox.title',
        group: 'overview',
        order: 5,
        icon: 'approvals',
        permission: use,
      },
    },
    {
      path: '/approvals/new',
      component: () => import('./pages/StartPage.vue'),
      meta: { title: 'approvals.start.title', permission: use },
    },
    {
      path: '/approvals/delegations',
      component: () => import('./pages/DelegationsPage.vue'),
      meta: {
        title: 'approvals.delegations.title',
        group: 'overview',
        order: 6,
        icon: 'approvals',
        permission: use,
      },
    },
    {
      path: '/approvals/:id',
      component: () => import('./pages/ApprovalPage.vue'),
      meta: { title: 'approvals.detail.title', permission: use },
    },
  ],
  bare: [
    {
      path: '/m/approvals/:id',
      component: () => import('./pages/MobileApprovalPage.vue'),
      meta: { title: 'approvals.detail.title' },
    },
  ],
};
