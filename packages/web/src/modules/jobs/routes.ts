import type { ModuleRoutes } from '@/platform/router/router';

/** Background jobs and schedules (server module: jobs-admin). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/jobs/queues',
      component: () => import('./pages/JobsPage.vue'),
      meta: { title: 'jobs.title', group: 'jobs', order: 1, icon: 'jobs', permission: 'jobs.queue.read' },
    },
    {
      path: '/jobs/schedules',
      component: () => import('./pages/SchedulesPage.vue'),
      meta: {
        title: 'jobs.schedules',
        group: 'jobs',
        order: 2,
        icon: 'schedules',
        permission: 'jobs.queue.read',
      },
    },
  ],
};
