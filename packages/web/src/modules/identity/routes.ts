import type { ModuleRoutes } from '@/platform/router/router';

/** Identity and access pages (server module: identity). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/system/users',
      component: () => import('./pages/UsersPage.vue'),
      meta: {
        title: 'users.title',
        group: 'system',
        order: 1,
        icon: 'users',
        permission: 'identity.user.read',
      },
    },
    {
      path: '/system/departments',
      component: () => import('./pages/DepartmentsPage.vue'),
      meta: {
        title: 'departments.title',
        group: 'system',
        order: 2,
        icon: 'departments',
        permission: 'identity.department.read',
      },
    },
    {
      path: '/system/roles',
      component: () => import('./pages/RolesPage.vue'),
      meta: {
        title: 'roles.title',
        group: 'system',
        order: 3,
        icon: 'roles',
        permission: 'identity.role.read',
      },
    },
    {
      path: '/system/sessions',
      component: () => import('./pages/SessionsPage.vue'),
      meta: {
        title: 'sessions.title',
        group: 'system',
        order: 4,
        icon: 'sessions',
        permission: 'identity.session.read',
      },
    },
    {
      path: '/system/api-keys',
      component: () => import('./pages/ApiKeysPage.vue'),
      meta: {
        title: 'apiKeys.title',
        group: 'system',
        order: 5,
        icon: 'apiKeys',
        permission: 'identity.api_key.read',
      },
    },
    {
      path: '/system/login-log',
      component: () => import('./pages/LoginLogPage.vue'),
      meta: {
        title: 'loginLog.title',
        group: 'audit',
        order: 2,
        icon: 'loginLog',
        permission: 'identity.login_log.read',
      },
    },
    {
      path: '/account',
      component: () => import('./pages/AccountPage.vue'),
      meta: { title: 'account.title' },
    },
  ],
};
