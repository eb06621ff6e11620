import type { Component } from 'vue';
import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type RouteRecordRaw,
} from 'vue-router';
import { onSessionRestricted } from '../api/http-client';
import { useSessionStore } from '../auth/session.store';
import { i18n } from '../i18n/i18n';
import { moduleMessagesReady } from '../i18n/module-messages';
import { menuGroups } from './route-meta';

/**
 * A module's pages: `admin` ones render inside the shell, `bare` ones (sign-in) without it.
 * `headerTools` are lazy components the shell's header shows beside the account menu (the
 * notification bell), so the shell needs no import of any module.
 */
export interface ModuleRoutes {
  admin?: RouteRecordRaw[];
  bare?: RouteRecordRaw[];
  headerTools?: (() => Promise<Component | { default: Component }>)[];
}

// Route tables are tiny; every page component in them is a lazy import (its own chunk).
const modules = import.meta.glob<ModuleRoutes>('../../modules/*/routes.ts', {
  eager: true,
  import: 'routes',
});
const all = Object.values(modules);

/**
 * Every module's header tools, in module order. Each resolves once its module's strings are
 * in for the current language (the tool's component registers them when it loads).
 */
export const headerTools = all.flatMap((m) =>
  (m.headerTools ?? []).map((load) => async () => {
    const component = await load();
    await moduleMessagesReady();
    return component;
  }),
);

export const routes: RouteRecordRaw[] = [
  ...all.flatMap((m) => m.bare ?? []),
  {
    path: '/',
    component: () => import('../layout/AdminLayout.vue'),
    children: [
      ...all.flatMap((m) => m.admin ?? []),
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('../pages/NotFoundPage.vue'),
        meta: { title: 'errors.notFoundTitle' },
      },
    ],
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

/**
 * Signed-out visitors go to sign-in (and come back afterwards); a user who must change the
 * password or enrol MFA is held on that page until done. Permissions are checked by the
 * layout, which shows the 403 page in place so the address stays what the user typed.
 */
router.beforeEach(async (to) => {
  const session = useSessionStore();
  preloadPages(to);
  await session.restore();
  if (to.meta.public) return to.name === 'login' && session.signedIn ? homeOf(to.query.redirect) : true;
  if (!session.signedIn)
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (session.mustChangePassword) return to.name === 'first-password' ? true : { name: 'first-password' };
  if (session.mustEnrolMfa) return to.name === 'first-mfa' ? true : { name: 'first-mfa' };
  if (to.name === 'first-password' || to.name === 'first-mfa' || to.path === '/') return startPage();
  return true;
});

/**
 * Starts fetching the target's page chunks now, so they load while the session is restored
 * (a refresh and /me round trip) instead of after it. The router imports them again when it
 * renders; the module cache answers that from the same request.
 */
function preloadPages(to: RouteLocationNormalized): void {
  for (const record of to.matched) {
    for (const component of Object.values(record.components ?? {})) {
      if (isLazy(component)) void component().catch(() => undefined);
    }
  }
}

function isLazy(component: unknown): component is () => Promise<unknown> {
  // vue-router's own test: a component is an object or carries one of these markers.
  return (
    typeof component === 'function' &&
    !('displayName' in component || 'props' in component || '__vccOpts' in component)
  );
}

/**
 * A session the server restricted while the app was open: learn from /me what is now
 * required and hold the user on that page, as the guard does on the next sign-in.
 */
onSessionRestricted(() => void holdRestrictedSession());

async function holdRestrictedSession(): Promise<void> {
  const session = useSessionStore();
  try {
    await session.loadMe();
  } catch {
    return; // /me failed too: the refused call's own error is what the user sees
  }
  const target = session.mustChangePassword ? 'first-password' : session.mustEnrolMfa ? 'first-mfa' : null;
  if (target && router.currentRoute.value.name !== target) await router.replace({ name: target });
}

/**
 * The first menu page the user's role opens; pages every signed-in user has (their inbox,
 * their signature settings) only when the role opens none, then the account page. So a
 * reader lands on what their role gives them, not on their own settings.
 */
export function startPage(): string {
  const session = useSessionStore();
  const pages = menuRoutes().filter((r) => session.can(r.meta.permission));
  return (pages.find((r) => r.meta.permission) ?? pages[0])?.path ?? '/account';
}

/** The pages that appear in the side menu, in menu order. */
export function menuRoutes() {
  return router
    .getRoutes()
    .filter((r) => r.meta.group)
    .sort(
      (a, b) =>
        menuGroups.indexOf(a.meta.group!) - menuGroups.indexOf(b.meta.group!) ||
        (a.meta.order ?? 0) - (b.meta.order ?? 0),
    );
}

// The target's components are resolved by now, so their modules' strings are registered:
// wait for the current language's, or a Chinese or Hebrew page would flash English first.
router.beforeResolve(() => moduleMessagesReady());

router.afterEach((to) => {
  const title = to.meta.title ? i18n.global.t(to.meta.title) : '';
  document.title = title ? `${title} · SignX` : 'SignX';
});

function homeOf(redirect: unknown): string {
  return typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//')
    ? redirect
    : '/';
}
