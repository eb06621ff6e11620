import type { ModuleRoutes } from '@/platform/router/router';

/** The notification center's pages (server module: notifications) and the header bell. */
export const routes: ModuleRoutes = {
  admin: [
    {
      path: '/notifications/inbox',
      component: () => import('./pages/InboxPage.vue'),
      meta: { title: 'notifications.inbox.title', group: 'notifications', order: 1, icon: 'inbox' },
    },
    {
      path: '/notifications/preferences',
      component: () => import('./pages/PreferencesPage.vue'),
      meta: {
        title: 'notifications.prefs.title',
        group: 'notifications',
        order: 2,
        icon: 'notificationPrefs',
      },
    },
    {
      path: '/notifications/templates',
      component: () => import('./pages/TemplatesPage.vue'),
      meta: {
        title: 'notifications.templates.title',
        group: 'notifications',
        order: 3,
        icon: 'templates',
        permission: 'notifications.template.read',
      },
    },
    {
      path: '/notifications/channels',
      component: () => import('./pages/ChannelsPage.vue'),
      meta: {
        title: 'notifications.channels.title',
        group: 'notifications',
        order: 4,
        icon: 'channels',
        permission: 'notifications.channel.read',
      },
    },
    {
      path: '/notifications/deliveries',
      component: () => import('./pages/DeliveriesPage.vue'),
      meta: {
        title: 'notifications.log.title',
        group: 'notifications',
        order: 5,
        icon: 'sendLog',
        permission: 'notifications.log.read',
      },
    },
    {
      path: '/notifications/stats',
      component: () => import('./pages/StatsPage.vue'),
      meta: {
        title: 'notifications.stats.title',
        group: 'notifications',
        order: 5.5,
        icon: 'deliveryStats',
        permission: 'notifications.log.read',
      },
    },
    {
      path: '/notifications/words',
      component: () => import('./pages/WordsPage.vue'),
      meta: {
        title: 'notifications.words.title',
        group: 'notifications',
        order: 6,
        icon: 'words',
        permission: 'notifications.word.manage',
      },
    },
  ],
  headerTools: [() => import('./components/NotificationBell.vue')],
};
