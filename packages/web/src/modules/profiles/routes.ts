import type { ModuleRoutes } from '@/platform/router/router';

/** Signing profiles: central signing configuration per organisation, department or template (server module: profiles). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/signing-profiles',
      component: () => import('./pages/ProfilesPage.vue'),
      meta: {
        title: 'profiles.title',
        group: 'signing',
        order: 23,
        icon: 'signaturePolicies',
        permission: ['profiles.profile.read', 'profiles.profile.manage'],
      },
    },
  ],
};
