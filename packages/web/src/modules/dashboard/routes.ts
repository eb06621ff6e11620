import type { ModuleRoutes } from '@/platform/router/router';

/** The system dashboard (server module: monitor). ECharts loads with this page only. */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/dashboard',
      component: () => import('./pages/DashboardPage.vue'),
      meta: {
        title: 'dashboard.title',
        group: 'overview',
        order: 1,
        icon: 'dashboard',
        permission: 'monitor.dashboard.read',
      },
    },
  ],
};
