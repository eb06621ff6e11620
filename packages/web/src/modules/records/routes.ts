import type { ModuleRoutes } from '@/platform/router/router';

/** Electronic records and signatures (server module: records). */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/records/settings',
      component: () => import('./pages/SignatureSettingsPage.vue'),
      meta: { title: 'records.settings.title', group: 'signing', order: 20, icon: 'signatureSettings' },
    },
    {
      path: '/records/sign',
      component: () => import('./pages/SignRecordPage.vue'),
      meta: { title: 'records.sign.title', group: 'signing', order: 21, icon: 'signing' },
    },
    {
      path: '/records/verify',
      component: () => import('./pages/VerifyPage.vue'),
      meta: { title: 'records.verify.title', group: 'signing', order: 22, icon: 'signatureVerify' },
    },
    {
      path: '/records/policies',
      component: () => import('./pages/PoliciesPage.vue'),
      meta: {
        title: 'records.policies.title',
        group: 'signing',
        order: 23,
        icon: 'signaturePolicies',
        permission: 'records.policy.read',
      },
    },
    {
      path: '/records/audit-reviews',
      component: () => import('./pages/AuditReviewsPage.vue'),
      meta: {
        title: 'records.reviews.title',
        group: 'signing',
        order: 24,
        icon: 'signaturePolicies',
        permission: 'records.review.read',
      },
    },
    {
      path: '/records/credentials',
      component: () => import('./pages/CredentialsPage.vue'),
      meta: {
        title: 'records.credentials.title',
        group: 'signing',
        order: 25,
        icon: 'signatureSettings',
        permission: 'records.credentials.read',
      },
    },
  ],
};
