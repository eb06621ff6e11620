import type { ModuleRoutes } from '@/platform/router/router';

/** Sign-in and password pages: outside the admin shell, each its own small chunk. */
export const routes: ModuleRoutes = {
  bare: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./pages/LoginPage.vue'),
      meta: { public: true, title: 'auth.title' },
    },
    {
      path: '/forgot-password',
      name: 'forgot-password',
      component: () => import('./pages/ForgotPasswordPage.vue'),
      meta: { public: true, title: 'auth.forgotTitle' },
    },
    {
      // The link every password mail carries: PUBLIC_URL/reset-password#token=…
      path: '/reset-password',
      name: 'reset-password',
      component: () => import('./pages/ResetPasswordPage.vue'),
      meta: { public: true, title: 'auth.resetTitle' },
    },
    {
      path: '/first-login/password',
      name: 'first-password',
      component: () => import('./pages/FirstPasswordPage.vue'),
      meta: { title: 'auth.changeTitle' },
    },
    {
      path: '/first-login/mfa',
      name: 'first-mfa',
      component: () => import('./pages/FirstMfaPage.vue'),
      meta: { title: 'auth.enrolTitle' },
    },
  ],
};
