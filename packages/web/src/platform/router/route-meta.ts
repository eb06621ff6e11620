import 'vue-router';

/** The menu groups of the side menu, in order; a module's page names one. */
export const menuGroups = [
  'overview',
  'signing',
  'workflow',
  'documents',
  'system',
  'notifications',
  'audit',
  'jobs',
] as const;
export type MenuGroup = (typeof menuGroups)[number];

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (menu entry, breadcrumb, document title). */
    title?: string;
    /** Any one of these permission codes opens the page; without them: no menu entry, 403. */
    permission?: string | readonly string[];
    /** Side-menu group; pages without one are reachable but not in the menu. */
    group?: MenuGroup;
    /** Position inside the group. */
    order?: number;
    /** Icon key (see platform/layout/menu-icons.ts). */
    icon?: string;
    /** Reachable without signing in (sign-in, password reset). */
    public?: boolean;
  }
}
