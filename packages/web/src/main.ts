import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { vAccess } from './platform/access/v-access';
import { i18n, preferredLocale, setLocale } from './platform/i18n/i18n';
import { router } from './platform/router/router';
import './styles.css';

/**
 * The entry: Vue, the router, the store and i18n. Pages and the admin layout are separate
 * chunks, so the sign-in page loads none of the shell.
 */
const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(router);
app.directive('access', vAccess);
await setLocale(preferredLocale(), false);
// Mount once the first page's chunks are in: until then index.html's static shell stays on
// screen instead of an empty router view. A failed first navigation still mounts the app.
await router.isReady().catch(() => undefined);
// Ant Design's prebuilt styles (linked by boot.js without blocking the first paint) must be in
// before the first render, or the components would generate them all again.
await (window as { __signxAntdStyles?: Promise<void> }).__signxAntdStyles;
app.mount('#app');
